import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { ACTION_IDS, type Action } from '../../core/types';
import { tenantIdOf, userIdOf } from './activity-fields';

/** Longest button payload accepted; the cards only ever carry a question or a topic id. */
export const MAX_ACTION_VALUE_LENGTH = 2000;

/** The `data` of our Action.Submit buttons, as Teams posts it back in `activity.value`. Anything else is refused. */
const submitSchema = z.object({
  actionId: z.enum(ACTION_IDS),
  value: z.string().max(MAX_ACTION_VALUE_LENGTH),
});

export type ToActionResult = { kind: 'none' } | { kind: 'invalid'; reason: string } | { kind: 'action'; action: Action };

/**
 * A card button press (a message activity carrying `value`) as the core's Action. `none` when the message
 * carries no value (ordinary text), `invalid` when the value is not one of our buttons' payloads.
 */
export function toAction(activity: Activity): ToActionResult {
  if (activity.value === undefined || activity.value === null) return { kind: 'none' };
  const parsed = submitSchema.safeParse(activity.value);
  if (!parsed.success) {
    return { kind: 'invalid', reason: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ') };
  }
  return {
    kind: 'action',
    action: {
      platform: 'teams',
      userId: userIdOf(activity),
      conversationId: activity.conversation.id,
      tenantId: tenantIdOf(activity),
      actionId: parsed.data.actionId,
      value: parsed.data.value,
    },
  };
}
