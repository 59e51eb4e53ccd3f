import { escapeMrkdwn, truncateEscaped, unescapeMrkdwn } from '../../../../src/adapters/slack/escape-mrkdwn';
import { decodeActionId, encodeActionId, OUR_ACTION_ID_PATTERN } from '../../../../src/adapters/slack/slack-action-ids';
import { commandToIncoming, messageToIncoming, stripBotMention } from '../../../../src/adapters/slack/to-incoming';
import { ACTION_IDS } from '../../../../src/core/types';

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
  it('turns a slash command into a private Incoming (its answer is ephemeral), decoding Slack entities', () => {
    expect(commandToIncoming({ text: '  who owns S3 &amp; EBS   encryption ', user_id: 'U1', channel_id: 'C1', team_id: 'T1' })).toEqual({
      platform: 'slack',
      userId: 'U1',
      text: 'who owns S3 & EBS encryption',
      conversationId: 'C1',
      tenantId: 'T1',
      conversationRef: { key: 'T1:C1', reference: { teamId: 'T1', channelId: 'C1' }, direct: false },
      threadKey: 'T1:C1:cmd:U1',
      private: true,
    });
  });

  it('marks a channel mention public and a DM private and direct', () => {
    expect(messageToIncoming({ text: '<@UBOT> hi', user: 'U1', channel: 'C1', ts: '17.1' }, 'UBOT', 'T1')).toEqual({
      platform: 'slack',
      userId: 'U1',
      text: 'hi',
      conversationId: 'C1',
      tenantId: 'T1',
      conversationRef: { key: 'T1:C1', reference: { teamId: 'T1', channelId: 'C1' }, direct: false },
      threadKey: 'T1:C1:17.1',
      private: false,
    });
    // A reply in a thread belongs to the thread; a DM is one conversation unless answered in a thread.
    expect(messageToIncoming({ text: 'and s3?', user: 'U1', channel: 'C1', ts: '17.2', thread_ts: '17.1' }, 'UBOT', 'T1').threadKey).toBe('T1:C1:17.1');
    expect(messageToIncoming({ text: 'hi', user: 'U1', channel: 'D1', ts: '17.3', channel_type: 'im' }, 'UBOT', 'T1').threadKey).toBe('T1:D1');
    expect(messageToIncoming({ text: 'hi', user: 'U1', channel: 'D1', channel_type: 'im' }, 'UBOT', 'T1')).toMatchObject({
      conversationRef: { key: 'T1:D1', reference: { teamId: 'T1', channelId: 'D1' }, direct: true },
      private: true,
    });
    // A D… channel is a DM even when the event does not say so.
    expect(messageToIncoming({ text: 'hi', user: 'U1', channel: 'D2' }, 'UBOT', 'T1')).toMatchObject({ private: true, conversationRef: { direct: true } });
  });

  it('takes the team from the event when the context has none', () => {
    expect(messageToIncoming({ text: 'hi', user: 'U1', channel: 'C1', team: 'T9' }, 'UBOT', undefined).conversationRef).toEqual({
      key: 'T9:C1',
      reference: { teamId: 'T9', channelId: 'C1' },
      direct: false,
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
    expect(messageToIncoming({ user: 'U1', channel: 'D1' }, 'UBOT', undefined)).toMatchObject({
      text: '',
      conversationId: 'D1',
      tenantId: null,
      conversationRef: { key: '-:D1', reference: { teamId: null, channelId: 'D1' } },
    });
  });
});

describe('action ids', () => {
  it('round-trips every core action id and rejects anything else', () => {
    for (const id of ACTION_IDS) expect(decodeActionId(encodeActionId(id, 3))).toBe(id);
    expect(decodeActionId(encodeActionId('srm.topic', 3))).toBe('srm.topic');
    expect(decodeActionId('feedback.down')).toBe('feedback.down');
    for (const bad of ['srm.delete:1', 'srm.topic:x', 'srm.topic:1:2', 'SRM.ASK:1', '', ':1', 'feedback.up:12345']) {
      expect(decodeActionId(bad)).toBeNull();
    }
  });

  it('routes every core action id to the button listener', () => {
    for (const id of ACTION_IDS) expect(OUR_ACTION_ID_PATTERN.test(encodeActionId(id, 0))).toBe(true);
    expect(OUR_ACTION_ID_PATTERN.test('other_app.click')).toBe(false);
  });
});
