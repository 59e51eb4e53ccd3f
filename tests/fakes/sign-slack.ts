import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:{timestamp}:{raw body}` with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SlackPostOptions {
  signingSecret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature; null sends no signature headers at all. */
  signature?: string | null;
  headers?: Record<string, string>;
  /** Give up like Slack does when no response arrives within this many ms (Slack's own limit is 3 s). */
  deadlineMs?: number;
}

export interface SlackPostResult {
  status: number;
  body: string;
  elapsedMs: number;
}

/** POSTs a raw body to /slack/events the way Slack does, signed unless told otherwise. */
export async function postSignedToSlack(url: string, rawBody: string, contentType: string, options: SlackPostOptions): Promise<SlackPostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, ...options.headers };
  if (options.signature !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = options.signature ?? slackSignature(options.signingSecret, timestamp, rawBody);
  }
  const started = performance.now();
  const signal = options.deadlineMs === undefined ? undefined : AbortSignal.timeout(options.deadlineMs);
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { method: 'POST', headers, body: rawBody, signal });
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw new Error(`no HTTP response within ${options.deadlineMs} ms: Slack would have given up`);
    throw error;
  }
  return { status: response.status, body, elapsedMs: performance.now() - started };
}
