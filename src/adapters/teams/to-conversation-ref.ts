import { TurnContext, type Activity } from 'botbuilder';
import type { IncomingConversationRef } from '../../core/types';
import { isPersonal } from './activity-fields';

/**
 * Where a later proactive message can reach this Teams conversation: Bot Framework's ConversationReference
 * (it carries the serviceUrl to post to), keyed by conversation id. A personal chat is `direct`, so the core
 * stores it with its user and "forget me" removes it.
 */
export function toConversationRef(activity: Activity): IncomingConversationRef {
  // A JSON round trip: the core stores plain data, and botbuilder's object may carry undefined fields.
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
  return { key: activity.conversation.id, reference, direct: isPersonal(activity) };
}
