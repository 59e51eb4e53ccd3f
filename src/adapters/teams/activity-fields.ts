import { TurnContext, type Activity } from 'botbuilder';

/**
 * The user id the core stores and SRM_ADMINS lists (as `teams:<id>`): the Bot Framework user id ("29:…" in
 * Teams), which every channel sends, the Emulator included (the Entra ID object id is Teams-only).
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
