import { TurnContext, type Activity } from 'botbuilder';
import type { Incoming } from '../../core/types';

/**
 * The user id the core stores and SRM_ADMINS lists: the Bot Framework user id ("29:…" in Teams), which every
 * channel sends, the Emulator included (the Entra ID object id is Teams-only).
 */
export function userIdOf(activity: Activity): string {
  return activity.from.id;
}

/** Teams puts the tenant on the conversation and in channelData; the Emulator sends neither. */
export function tenantIdOf(activity: Activity): string | null {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation.tenantId ?? fromChannelData ?? null;
}

/**
 * One-to-one chats: Teams marks them "personal"; the Bot Framework Emulator sends no conversation type and
 * is always a one-to-one conversation with the bot.
 */
export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}

/** True when the activity @mentions the bot (the recipient). */
export function mentionsBot(activity: Activity): boolean {
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === activity.recipient.id);
}

/**
 * A message addressed to the bot as the core's Incoming, or null when it is not for the bot: in channels and
 * group chats only @mentions are (Teams delivers other channel messages only with extra permissions).
 * The mention text ("<at>srm-bot</at>") is stripped so the core sees the question alone.
 */
export function toIncoming(activity: Activity): Incoming | null {
  if (!isPersonal(activity) && !mentionsBot(activity)) return null;
  // removeRecipientMention edits activity.text in place and throws when a mention arrives without text.
  const text = typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) : '';
  return {
    platform: 'teams',
    userId: userIdOf(activity),
    text: text.replace(/\s+/g, ' ').trim(),
    conversationId: activity.conversation.id,
    tenantId: tenantIdOf(activity),
    // First contact without an install event (e.g. the Emulator): the core stores this reference once.
    conversationRef: {
      key: activity.conversation.id,
      reference: JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>,
      direct: isPersonal(activity),
    },
  };
}
