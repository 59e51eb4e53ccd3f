import { escapeMrkdwn, truncateEscaped, unescapeMrkdwn } from '../../src/adapters/slack/escape-mrkdwn';
import { decodeActionId, encodeActionId } from '../../src/adapters/slack/slack-action-ids';
import { commandToIncoming, messageToIncoming, stripBotMention } from '../../src/adapters/slack/to-incoming';

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<!here|here>', '&lt;!here|here&gt;'],
    ['<@U123ABC>', '&lt;@U123ABC&gt;'],
    ['<#C123|general>', '&lt;#C123|general&gt;'],
    ['<https://evil.example|docs.aws.amazon.com>', '&lt;https://evil.example|docs.aws.amazon.com&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt; already', '&amp;lt; already'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
    expect(unescapeMrkdwn(escapeMrkdwn(input))).toBe(input);
  });

  it('truncates without leaving half an entity', () => {
    expect(truncateEscaped('abc&amp;def', 6)).toBe('abc…');
    expect(truncateEscaped('short', 10)).toBe('short');
  });
});

describe('to-incoming', () => {
  it('turns a slash command into an Incoming, decoding Slack entities', () => {
    expect(commandToIncoming({ text: '  who owns S3 &amp; EBS   encryption ', user_id: 'U1', channel_id: 'C1', team_id: 'T1' })).toEqual({
      platform: 'slack',
      userId: 'U1',
      text: 'who owns S3 & EBS encryption',
      conversationId: 'C1',
      tenantId: 'T1',
    });
  });

  it.each([
    ['<@UBOT> who owns encryption on s3', 'who owns encryption on s3'],
    ['<@UBOT|srm-bot> who owns encryption on s3', 'who owns encryption on s3'],
    ['who owns encryption on s3, <@UBOT>?', 'who owns encryption on s3, ?'],
    ['<@UOTHER> asked: who owns patching', '<@UOTHER> asked: who owns patching'],
  ])('strips only the bot mention from %j', (text, expected) => {
    expect(messageToIncoming({ text, user: 'U1', channel: 'C1' }, 'UBOT', 'T1').text).toBe(expected);
  });

  it('leaves text alone when the bot user id is unknown', () => {
    expect(stripBotMention('<@UBOT> hi', undefined)).toBe('<@UBOT> hi');
  });

  it('treats a message without text as an empty question (the core answers with help)', () => {
    expect(messageToIncoming({ user: 'U1', channel: 'D1' }, 'UBOT', undefined)).toMatchObject({ text: '', conversationId: 'D1', tenantId: null });
  });
});

describe('action ids', () => {
  it('round-trips per-button action ids and rejects anything else', () => {
    expect(decodeActionId(encodeActionId('srm.topic', 3))).toBe('srm.topic');
    expect(decodeActionId('feedback.down')).toBe('feedback.down');
    for (const bad of ['srm.delete:1', 'srm.topic:x', 'srm.topic:1:2', 'SRM.ASK:1', '', 'feedback.up:12345']) {
      expect(decodeActionId(bad)).toBeNull();
    }
  });
});
