import { ACTION_IDS, type ActionId } from '../../core/types';

/** The namespaces of the core's action ids; a button's action_id must start with one to reach our listener. */
const ROUTED_PREFIXES = ['srm', 'feedback'] as const;

// Fails to compile when the core adds an ActionId outside these namespaces: its clicks would match no listener
// (OUR_ACTION_ID_PATTERN below) and Slack would show the user a silent failure.
const everyActionIdIsRouted: ActionId extends `${(typeof ROUTED_PREFIXES)[number]}.${string}` ? true : never = true;
void everyActionIdIsRouted;

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
export const OUR_ACTION_ID_PATTERN = new RegExp(`^(${ROUTED_PREFIXES.join('|')})\\.`);

/** The core action id inside an encoded action_id, or null when it is not one the core knows. */
export function decodeActionId(actionId: string): ActionId | null {
  const base = /^([^:]+)(?::\d{1,4})?$/.exec(actionId)?.[1];
  return ACTION_IDS.find((known) => known === base) ?? null;
}
