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

/**
 * A message addressed to the bot as the core's Incoming, or null when it is not for the bot: in channels and
 * group chats only @mentions are (Teams delivers other channel messages only with extra permissions).
 * The mention text ("<at>srm-bot</at>") is stripped so the core sees the question alone.
 */
export function toIncoming(activity: Activity): Incoming | null {
  if (!isPersonal(activity) && !mentionsBot(activity)) return null;
  // removeRecipientMention edits activity.text in place and throws when a mention arrives without text.
  const text = typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) : '';
  return { ...toConversation(activity), text: text.replace(/\s+/g, ' ').trim() };
}
