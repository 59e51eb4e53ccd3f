import type { Activity } from 'botbuilder';
import { z } from 'zod';

/** Longest message text accepted; Teams caps a message near 28 KB, so anything longer is not from Teams. */
const MAX_TEXT_LENGTH = 40_000;
/** Teams ids (conversation ids with ";messageid=…", "29:…" user ids) stay well below this. */
const MAX_ID_LENGTH = 1024;

const id = z.string().min(1).max(MAX_ID_LENGTH);
const account = z.looseObject({ id, name: z.string().max(MAX_ID_LENGTH).optional() });

/**
 * The fields this bot and botbuilder rely on. Loose objects: Bot Framework activities carry many more
 * fields (channelData, locale, timestamps …) which pass through untouched.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: id.optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL (the Bot Connector to reply to)' }),
  conversation: z.looseObject({ id, conversationType: z.string().max(64).optional(), tenantId: id.optional() }),
  from: account,
  recipient: account,
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(64) })).max(100).optional(),
});

export type ParseActivityResult = { ok: true; activity: Activity } | { ok: false; message: string };

/** Checks an HTTP body is a Bot Framework activity before botbuilder sees it; the message names each bad field. */
export function parseActivity(body: unknown): ParseActivityResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'expected a JSON Bot Framework activity (Content-Type: application/json)' };
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    return { ok: false, message: `invalid Bot Framework activity: ${problems.join('; ')}` };
  }
  return { ok: true, activity: withDates(parsed.data as unknown as Activity & Record<string, unknown>) };
}

/** botbuilder expects Date objects where the wire has ISO strings (what its own request parsing does), raw copies kept. */
function withDates(activity: Activity & Record<string, unknown>): Activity {
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value !== 'string') continue;
    activity[raw] = value;
    (activity as Record<string, unknown>)[field] = new Date(value);
  }
  return activity;
}
