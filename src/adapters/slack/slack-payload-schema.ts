import { z } from 'zod';

const id = z.string().min(1).max(255);

/** Events API envelopes: url_verification, event_callback (with its event), app_rate_limited. */
const jsonEnvelope = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string().max(1024) }),
  z.looseObject({ type: z.literal('event_callback'), event_id: id, team_id: id.optional(), event: z.looseObject({ type: id }) }),
  z.looseObject({ type: z.literal('app_rate_limited') }),
]);

const slashCommand = z.looseObject({ command: id, text: z.string().max(40_000), user_id: id, channel_id: id });

/** Interactivity payloads; block_actions must carry at least one action with an id. */
const interactive = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    user: z.looseObject({ id }),
    actions: z.array(z.looseObject({ action_id: id })).min(1, 'block_actions without actions'),
  }),
  z.looseObject({ type: z.enum(['shortcut', 'message_action', 'view_submission', 'view_closed', 'block_suggestion']) }),
]);

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Checks a signed Slack body's shape before Bolt routes it: null when it is one of the payload kinds this app
 * handles, otherwise a short reason. Signed bodies are Slack's, but a body Bolt cannot route (JSON null, an empty
 * action list) would otherwise surface as a 500.
 */
export function checkSlackPayload(raw: string, contentType: string): string | null {
  if (contentType.includes('application/json')) return checkJson(raw, jsonEnvelope, 'the body is not JSON');
  const form = new URLSearchParams(raw);
  if (form.get('ssl_check') === '1') return null;
  const payload = form.get('payload');
  if (payload !== null) return checkJson(payload, interactive, 'payload is not JSON');
  const result = slashCommand.safeParse(Object.fromEntries(form));
  return result.success ? null : describe(result.error);
}

/** Parses JSON text and checks it against a schema: null when it passes, otherwise the reason. */
function checkJson(text: string, schema: z.ZodType, notJson: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notJson;
  }
  const result = schema.safeParse(parsed);
  return result.success ? null : describe(result.error);
}
