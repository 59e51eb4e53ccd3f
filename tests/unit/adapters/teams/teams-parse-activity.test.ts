import { parseActivity } from '../../../../src/adapters/teams/parse-activity';

const good = {
  type: 'message',
  id: '1',
  channelId: 'emulator',
  serviceUrl: 'http://localhost:54321',
  from: { id: 'user-1', name: 'User' },
  recipient: { id: 'bot-1', name: 'Bot' },
  conversation: { id: 'conv-1' },
  text: 'who owns encryption on S3',
  locale: 'en-US',
};

describe('parseActivity', () => {
  it('accepts an Emulator message and keeps fields it does not check', () => {
    const result = parseActivity(good);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.activity.locale).toBe('en-US');
  });

  it.each([
    ['null', null, /JSON Bot Framework activity/],
    ['an array', [good], /JSON Bot Framework activity/],
    ['a string', 'hello', /JSON Bot Framework activity/],
    ['an empty object', {}, /type.*serviceUrl|serviceUrl.*type/],
    ['no serviceUrl', { ...good, serviceUrl: undefined }, /serviceUrl/],
    ['a javascript: serviceUrl', { ...good, serviceUrl: 'javascript:alert(1)' }, /serviceUrl/],
    ['a conversation without id', { ...good, conversation: {} }, /conversation\.id/],
    ['a numeric conversation id', { ...good, conversation: { id: 42 } }, /conversation\.id/],
    ['no from', { ...good, from: undefined }, /from/],
    ['an enormous text', { ...good, text: 'x'.repeat(40_001) }, /text/],
    ['a huge id', { ...good, conversation: { id: 'x'.repeat(2000) } }, /conversation\.id/],
  ])('refuses %s and names the problem', (_name, body, message) => {
    const result = parseActivity(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
