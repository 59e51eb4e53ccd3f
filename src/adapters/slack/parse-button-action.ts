import { z } from 'zod';
import type { Action } from '../../core/types';
import { decodeActionId } from './slack-action-ids';
import { MAX_ACTION_ID, MAX_BUTTON_VALUE } from './slack-limits';

/** Slack ids: U…/W… users, C…/G…/D… conversations, T…/E… workspaces. */
const slackId = (prefixes: string) => z.string().regex(new RegExp(`^[${prefixes}][A-Z0-9]{2,30}$`));
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/**
 * Only the pieces of a block_actions payload the adapter reads. The payload is signed by Slack, but a button's
 * value is whatever we (or an older version of us) put there, so it is checked before it reaches the core.
 */
const buttonPayloadSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: slackId('UW') }),
  team: z.object({ id: slackId('TE') }).nullish(),
  channel: z.object({ id: slackId('CGD') }).nullish(),
  container: z.object({ thread_ts: messageTs.optional() }).nullish(),
  actions: z
    .array(
      z.object({
        type: z.literal('button'),
        action_id: z.string().max(MAX_ACTION_ID),
        value: z.string().min(1).max(MAX_BUTTON_VALUE),
      }),
    )
    .min(1),
});

export interface ParsedButton {
  action: Action;
  /** Where the card was; null for surfaces without a channel. */
  channelId: string | null;
  /** Thread the card sits in, so a shared copy lands next to it. */
  threadTs: string | null;
}

export type ButtonParseResult = { ok: true; button: ParsedButton } | { ok: false; reason: string };

export function parseButtonAction(body: unknown): ButtonParseResult {
  const parsed = buttonPayloadSchema.safeParse(body);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { ok: false, reason };
  }
  const payload = parsed.data;
  const first = payload.actions[0] as (typeof payload.actions)[number];
  const actionId = decodeActionId(first.action_id);
  if (actionId === null) return { ok: false, reason: `unknown action_id ${JSON.stringify(first.action_id.slice(0, 80))}` };
  const channelId = payload.channel?.id ?? null;
  return {
    ok: true,
    button: {
      action: {
        platform: 'slack',
        userId: payload.user.id,
        conversationId: channelId ?? payload.user.id,
        tenantId: payload.team?.id ?? null,
        actionId,
        value: first.value,
      },
      channelId,
      threadTs: payload.container?.thread_ts ?? null,
    },
  };
}
