import type { Activity } from 'botbuilder';
import { toConversationRef } from '../../../../src/adapters/teams/to-conversation-ref';
import { toConversation, toIncoming } from '../../../../src/adapters/teams/to-incoming';

const BOT = { id: '28:bot', name: 'srm-bot' };

function activity(conversation: Record<string, unknown>, extra: Record<string, unknown> = {}): Activity {
  return {
    type: 'message',
    id: '1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user', name: 'User' },
    recipient: BOT,
    conversation,
    text: 'who owns encryption on S3',
    ...extra,
  } as unknown as Activity;
}

const mention = { text: '<at>srm-bot</at> admin report', entities: [{ type: 'mention', text: '<at>srm-bot</at>', mentioned: BOT }] };

describe('toIncoming / toConversation', () => {
  it.each([
    ['a Teams personal chat', { id: 'a:1', conversationType: 'personal' }, true],
    ['a 1:1 id without a conversation type', { id: 'a:1' }, true],
    ['a thread reply with isGroup and no conversation type', { id: '19:c@thread.tacv2;messageid=1', isGroup: true }, false],
    ['an unknown id without a conversation type or isGroup', { id: 'conv-1' }, false],
    ['a channel', { id: '19:c@thread.tacv2', conversationType: 'channel' }, false],
    ['a group chat', { id: '19:g@thread.v2', conversationType: 'groupChat' }, false],
  ])('marks %s private=%p, and its reference direct the same way', (_name, conversation, expected) => {
    const incoming = toIncoming(activity(conversation, mention));
    expect(incoming?.private).toBe(expected);
    expect(incoming?.conversationRef?.direct).toBe(expected);
  });

  it('marks the Bot Framework Emulator (channelId "emulator", no conversation type) private', () => {
    expect(toIncoming(activity({ id: 'conv-1|livechat' }, { channelId: 'emulator' }))?.private).toBe(true);
    expect(toIncoming(activity({ id: 'conv-1|livechat', isGroup: true }, { channelId: 'emulator', ...mention }))?.private).toBe(false);
  });

  it('uses the reference toConversationRef builds, keyed by conversation id', () => {
    const source = activity({ id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't-1' }, mention);
    const incoming = toIncoming(source);
    expect(incoming).toMatchObject({ platform: 'teams', userId: '29:user', tenantId: 't-1', text: 'admin report', private: false });
    expect(incoming?.conversationRef).toEqual(toConversationRef(source));
    expect(incoming?.conversationRef?.reference).toMatchObject({
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: '19:c@thread.tacv2' },
      bot: BOT,
    });
  });

  it('gives an install event the same conversation, without text', () => {
    const install = activity({ id: 'a:1', conversationType: 'personal' }, { type: 'installationUpdate', action: 'add', text: undefined });
    const conversation = toConversation(install);
    expect(conversation).toMatchObject({ platform: 'teams', conversationId: 'a:1', private: true, conversationRef: { key: 'a:1', direct: true } });
    expect(conversation).not.toHaveProperty('text');
  });

  it('ignores a channel message that does not mention the bot', () => {
    expect(toIncoming(activity({ id: '19:c@thread.tacv2', conversationType: 'channel' }))).toBeNull();
  });
});
