import type { ActionId } from '../../core/types';

/** Every action id the core understands, as a runtime list for validating what Slack sends back. */
export const KNOWN_ACTION_IDS = ['srm.ask', 'srm.topic', 'srm.share', 'feedback.up', 'feedback.down'] as const satisfies readonly ActionId[];

// Fails to compile when the core adds an ActionId this list (and so the Slack listener) does not know.
const coversEveryActionId: Exclude<ActionId, (typeof KNOWN_ACTION_IDS)[number]> extends never ? true : never = true;
void coversEveryActionId;

/**
 * Slack wants action_id unique within a block, and a card can carry several buttons of one kind
 * ("Same on RDS", "Same on EBS"), so each button gets `<action id>:<position>`.
 */
export function encodeActionId(actionId: ActionId, position: number): string {
  return `${actionId}:${position}`;
}

/**
 * Routes every button of ours to one listener, including malformed ones, so the listener can answer a bad
 * payload with a clear message instead of Slack showing a silent failure.
 */
export const OUR_ACTION_ID_PATTERN = /^(srm|feedback)\./;

/** The core action id inside an encoded action_id, or null when it is not one we issue. */
export function decodeActionId(actionId: string): ActionId | null {
  const match = /^([a-z]+\.[a-z]+)(?::\d{1,4})?$/.exec(actionId);
  const base = match?.[1];
  return KNOWN_ACTION_IDS.find((known) => known === base) ?? null;
}
