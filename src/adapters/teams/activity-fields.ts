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

/** Bot Framework ids of one-to-one chats: Teams "a:…", Skype-style "8:…". Group and channel ids start "19:". */
const ONE_TO_ONE_ID = /^(?:a|8):/;

/**
 * True only on positive evidence of a one-to-one chat: Teams marks those "personal"; without a conversation
 * type, an activity that is not flagged isGroup and carries a 1:1 id (or comes from the Bot Framework Emulator,
 * which is always 1:1). Everything else is treated as a group or channel, where private content is never posted:
 * recorded Teams thread replies arrive with isGroup and no conversationType.
 */
export function isPersonal(activity: Activity): boolean {
  const { conversationType, isGroup, id } = activity.conversation;
  if (conversationType !== undefined) return conversationType === 'personal';
  if (isGroup === true) return false;
  return activity.channelId === 'emulator' || ONE_TO_ONE_ID.test(String(id ?? ''));
}

/** True when the activity @mentions the bot (the recipient). */
export function mentionsBot(activity: Activity): boolean {
  return TurnContext.getMentions(activity).some((mention) => mention.mentioned?.id === activity.recipient.id);
}
