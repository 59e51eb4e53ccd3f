import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationRefRecord } from '../../core/ports/storage';
import { isPersonal, tenantIdOf, userIdOf } from './to-incoming';

/**
 * The stored form of a Teams conversation: Bot Framework's ConversationReference (it carries the serviceUrl
 * a later proactive message must go to), keyed by conversation id. A personal chat records its user so
 * forgetUser can remove it.
 */
export function toConversationRef(activity: Activity, now: Date = new Date()): ConversationRefRecord {
  const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity))) as Record<string, unknown>;
  return {
    platform: 'teams',
    conversationKey: activity.conversation.id,
    tenantId: tenantIdOf(activity),
    reference,
    updatedAt: now,
    userId: isPersonal(activity) ? userIdOf(activity) : null,
  };
}
