import { TurnContext, type Activity } from 'botbuilder';
import type { Incoming } from '../../core/types';
import { isPersonal, mentionsBot, tenantIdOf, userIdOf } from './activity-fields';
import { toConversationRef } from './to-conversation-ref';

/** What the core needs to know about where an activity came from: everything in Incoming except the text. */
export type TeamsConversation = Omit<Incoming, 'text'>;

/**
 * The conversation of any activity (a message, an install, a conversationUpdate). Only a personal chat is
 * `private`: in channels and group chats every reply is visible to all members, so the core keeps replies
 * about other users (the admin report) out of them.
 */
export function toConversation(activity: Activity): TeamsConversation {
  return {
    platform: 'teams',
    userId: userIdOf(activity),
    conversationId: activity.conversation.id,
    tenantId: tenantIdOf(activity),
    // Also sent with messages: a first contact without an install event (e.g. the Emulator) is stored too.
    conversationRef: toConversationRef(activity),
    private: isPersonal(activity),
  };
}

/** An `<at>…</at>` tag as Teams writes mentions into message text. */
const AT_TAG = /<at>[\s\S]*?<\/at>/gi;
const LEADING_AT_TAGS = /^(?:\s*<at>[\s\S]*?<\/at>)+/i;

/**
 * The message text without the bot's mention. botbuilder's removeRecipientMention only removes the exact text of a
 * mention entity, which fails when the entity has no text or its text differs from the `<at>` tag in the message
 * (seen in recorded Teams payloads). So: remove the entity texts that mention the bot, then any `<at>` tag naming the
 * bot, then any `<at>` tags left at the start (a message addressed to the bot starts with its mention).
 */
export function stripBotMention(activity: Activity): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name;
  for (const mention of TurnContext.getMentions(activity)) {
    if (mention.mentioned?.id !== botId) continue;
    if (typeof mention.text === 'string' && mention.text !== '') text = text.split(mention.text).join(' ');
  }
  if (botName) text = text.replace(AT_TAG, (tag) => (tag.slice(4, -5).trim() === botName ? ' ' : tag));
  return text.replace(LEADING_AT_TAGS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A message addressed to the bot as the core's Incoming, or null when it is not for the bot: in channels and
 * group chats only @mentions are (Teams delivers other channel messages only with extra permissions).
 */
export function toIncoming(activity: Activity): Incoming | null {
  if (!isPersonal(activity) && !mentionsBot(activity)) return null;
  // A Teams channel thread has its own conversation id (";messageid=…"); a personal or group chat is one thread.
  return { ...toConversation(activity), text: stripBotMention(activity), threadKey: activity.conversation.id };
}
