import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it; `blocks` (a JSON string in form posts) is parsed back. */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  /** The bearer token the WebClient sent. */
  token: string | null;
}

/** One POST to a response_url. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export const FAKE_BOT_USER_ID = 'UBOT00001';
export const FAKE_BOT_ID = 'BBOT00001';
export const FAKE_TEAM_ID = 'T0TEST001';
/** auth.test answers invalid_auth for this token, as Slack does for a revoked one. */
export const REVOKED_TOKEN = 'xoxb-revoked';

/**
 * A per-test fake of the Slack Web API (`/api/<method>`) and of response_url endpoints (`/respond/<id>`) on
 * 127.0.0.1. It answers like Slack (auth.test, chat.postMessage, chat.postEphemeral) and records every request.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  /** chat.postMessage to one of these channels fails with the mapped Slack error code. */
  readonly postFailures = new Map<string, string>();
  /** chat.postMessage to one of these channels answers HTTP 429 with this Retry-After (seconds), as Slack's limiter does. */
  readonly rateLimitedChannels = new Map<string, number>();
  /** HTTP status the response_url endpoints answer with. */
  responseUrlStatus = 200;
  /** When true, response_url posts are recorded but never answered (a stuck Slack endpoint). */
  responseUrlHangs = false;
  /** WebSocket URL apps.connections.open hands out (Socket Mode), when a FakeSocketMode is running. */
  socketModeUrl: string | null = null;
  private messageCounter = 0;
  /** Unanswered response_url requests, ended on reset/close so no socket outlives the test. */
  private readonly hanging = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackApi> {
    let fake: FakeSlackApi | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    fake = new FakeSlackApi(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What SLACK_API_URL is set to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Everything sent to Slack after startup: posts, ephemerals and response_url bodies. */
  outgoingCount(): number {
    return this.calls.filter((call) => call.method !== 'auth.test').length + this.responses.length;
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.postFailures.clear();
    this.rateLimitedChannels.clear();
    this.responseUrlStatus = 200;
    this.responseUrlHangs = false;
    this.endHanging();
  }

  async close(): Promise<void> {
    this.endHanging();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** response_url requests still held open (the caller has neither finished nor given up). */
  hangingCount(): number {
    return this.hanging.size;
  }

  private endHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const respondMatch = /^\/respond\/([\w-]+)$/.exec(url.pathname);
    if (respondMatch) {
      this.responses.push({ id: respondMatch[1] as string, body });
      if (this.responseUrlHangs) {
        this.hanging.add(res);
        // The caller gave up (aborted): the connection closes and the request no longer holds a socket.
        res.on('close', () => this.hanging.delete(res));
        return;
      }
      res.writeHead(this.responseUrlStatus, { 'content-type': 'text/plain' }).end(this.responseUrlStatus === 200 ? 'ok' : 'error');
      return;
    }
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!apiMatch) {
      res.writeHead(404).end();
      return;
    }
    const method = apiMatch[1] as string;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : typeof body.token === 'string' ? body.token : null;
    this.calls.push({ method, body, token });
    const retryAfter = method === 'chat.postMessage' ? this.rateLimitedChannels.get(String(body.channel)) : undefined;
    if (retryAfter !== undefined) {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.answer(method, body, token)));
  }

  private answer(method: string, body: Record<string, unknown>, token: string | null): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        if (token === REVOKED_TOKEN || !token) return { ok: false, error: 'invalid_auth' };
        return { ok: true, url: 'https://test.slack.com/', team: 'Test', user: 'srm-bot', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
      case 'chat.postMessage': {
        const failure = this.postFailures.get(String(body.channel));
        if (failure) return { ok: false, error: failure };
        this.messageCounter += 1;
        return { ok: true, channel: body.channel, ts: `1800000000.${String(this.messageCounter).padStart(6, '0')}` };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1800000000.999999' };
      case 'apps.connections.open':
        // Slack wants the app-level token here, never the bot token.
        if (!token?.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'internal_error' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/**
 * Resolves once `condition` holds, polling every 10 ms. Listeners run after Slack's request is acked, so what
 * they send reaches the fake after the HTTP response; the bound still fails a test in which nothing is sent.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The WebClient posts form-urlencoded with JSON strings for blocks; response_url posts are JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = (key === 'blocks' || key === 'attachments') && value.startsWith('[') ? JSON.parse(value) : value;
  }
  return body;
}
