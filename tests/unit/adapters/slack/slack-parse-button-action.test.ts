import { parseButtonAction } from '../../../../src/adapters/slack/parse-button-action';

function payload(overrides: Record<string, unknown> = {}, action: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: 'U0ASKER1', username: 'asker' },
    team: { id: 'T0TEAM01' },
    channel: { id: 'C0CHAN01', name: 'general' },
    container: { type: 'message', message_ts: '1700000000.000300', thread_ts: '1700000000.000100' },
    response_url: 'https://hooks.slack.com/actions/T/1/x',
    actions: [{ type: 'button', action_id: 'srm.topic:2', value: 'rds/encryption-at-rest', block_id: 'b', ...action }],
    ...overrides,
  };
}

describe('parseButtonAction', () => {
  it('turns a valid click into a core Action plus where to answer', () => {
    expect(parseButtonAction(payload())).toEqual({
      ok: true,
      button: {
        action: {
          platform: 'slack',
          userId: 'U0ASKER1',
          conversationId: 'C0CHAN01',
          tenantId: 'T0TEAM01',
          actionId: 'srm.topic',
          value: 'rds/encryption-at-rest',
        },
        channelId: 'C0CHAN01',
        threadTs: '1700000000.000100',
      },
    });
  });

  it('accepts a click without a channel (the user is the conversation)', () => {
    const result = parseButtonAction(payload({ channel: undefined, container: { type: 'message' } }));
    expect(result).toMatchObject({ ok: true, button: { channelId: null, threadTs: null, action: { conversationId: 'U0ASKER1' } } });
  });

  it.each([
    ['an unknown action id', payload({}, { action_id: 'srm.delete:0' })],
    ['a value over 2000 characters', payload({}, { value: 'x'.repeat(2001) })],
    ['a missing value', payload({}, { value: undefined })],
    ['a non-string value', payload({}, { value: 42 })],
    ['a non-button element', payload({}, { type: 'static_select' })],
    ['a malformed user id', payload({ user: { id: 'U1> <!channel' } })],
    ['a malformed thread_ts', payload({ container: { thread_ts: '<!here>' } })],
    ['no actions', payload({ actions: [] })],
    ['another payload type', payload({ type: 'view_submission' })],
    ['not an object', 'payload'],
    ['null', null],
  ])('rejects %s with a reason', (_name, body) => {
    const result = parseButtonAction(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});
