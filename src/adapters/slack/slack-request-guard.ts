import { verifySlackRequest } from '@slack/bolt';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { checkSlackPayload } from './slack-payload-schema';

/** Slack's own payloads stay far below this (a message is capped at 40,000 characters, a block_actions payload near it). */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;
/** Slack signs the request time; more than five minutes either way is a replay or a broken clock. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface SlackGuardOptions {
  signingSecret: string;
  now?: () => number;
}

/** The request's raw body, kept for Bolt's own signature check (ExpressReceiver reads `req.rawBody` when set). */
type RawBodyRequest = Request & { rawBody?: Buffer };

/**
 * Runs before Bolt on /slack/events. Bolt buffers any body before checking its signature and accepts timestamps
 * from the future; it also turns a signed but odd body (JSON null, an action list that is empty) into a 500.
 * Here: a body over the cap is refused from its Content-Length (or as soon as it grows past it) with 413; a
 * timestamp more than five minutes away in either direction gets 401; the signature is checked; and the
 * payload's shape is validated, so Bolt only ever sees well-formed, signed, fresh requests.
 */
export function slackRequestGuard(options: SlackGuardOptions): (RequestHandler | ErrorRequestHandler)[] {
  const now = options.now ?? (() => Date.now());
  const readRaw = express.raw({ type: () => true, limit: MAX_SLACK_BODY_BYTES });

  const refuseLargeEarly = (req: Request, res: Response, next: NextFunction): void => {
    const length = Number(req.headers['content-length'] ?? '0');
    if (Number.isFinite(length) && length > MAX_SLACK_BODY_BYTES) {
      res.status(413).set('connection', 'close').json({ error: `request body too large (limit ${MAX_SLACK_BODY_BYTES} bytes)` });
      req.socket.resume();
      return;
    }
    next();
  };

  const check = (req: RawBodyRequest, res: Response, next: NextFunction): void => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (!Number.isSafeInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      res.status(401).json({ error: 'missing, stale or future X-Slack-Request-Timestamp' });
      return;
    }
    try {
      verifySlackRequest({
        signingSecret: options.signingSecret,
        body: raw.toString('utf8'),
        headers: {
          'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
          'x-slack-request-timestamp': timestamp,
        },
      });
    } catch {
      res.status(401).json({ error: 'invalid Slack signature' });
      return;
    }
    const problem = checkSlackPayload(raw.toString('utf8'), String(req.headers['content-type'] ?? ''));
    if (problem) {
      res.status(400).json({ error: `not a Slack payload this app handles: ${problem}` });
      return;
    }
    req.rawBody = raw;
    next();
  };

  const tooLarge: ErrorRequestHandler = (error: unknown, _req, res, next): void => {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
    if (status === 413) {
      res.status(413).set('connection', 'close').json({ error: `request body too large (limit ${MAX_SLACK_BODY_BYTES} bytes)` });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(400).json({ error: 'could not read the request body' });
      return;
    }
    next(error);
  };

  return [refuseLargeEarly, readRaw, tooLarge, check as RequestHandler];
}
