import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot POSTed to the connector. */
export interface ConnectorPost {
  conversationId: string;
  /** The activity replied to; null for a new message in the conversation (sendToConversation). */
  replyToId: string | null;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/**
 * A Bot Connector that speaks HTTP on 127.0.0.1 like the real one: it records every activity POSTed to
 * /v3/conversations/{id}/activities[/{replyToId}] and answers 200 { id }. Per instance, no shared state.
 */
export class FakeBotConnector {
  readonly posts: ConnectorPost[] = [];
  private server: Server | null = null;
  private nextId = 1;
  private failuresLeft = 0;
  private failureStatus = 400;

  /** The serviceUrl to put into test activities (with the trailing slash Teams uses). */
  get serviceUrl(): string {
    if (!this.server) throw new Error('FakeBotConnector is not started');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
  }

  /** Activities that carry an Adaptive Card, with the card's JSON. */
  cards(): Record<string, unknown>[] {
    return this.posts.flatMap((post) => {
      const attachments = (post.activity.attachments ?? []) as { contentType?: string; content?: Record<string, unknown> }[];
      return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content).map((a) => a.content as Record<string, unknown>);
    });
  }

  clear(): void {
    this.posts.length = 0;
  }

  /**
   * The next `count` POSTs fail with `status` and are not recorded. botbuilder's HTTP client retries 5xx
   * answers, so a 4xx is what makes a single send fail for good.
   */
  failNext(count: number, status = 400): void {
    this.failuresLeft = count;
    this.failureStatus = status;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const match = ACTIVITY_PATH.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NotFound', message: `${req.method} ${req.url}` } }));
      return;
    }
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      res.writeHead(this.failureStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadArgument', message: 'fake failure' } }));
      return;
    }
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'BadArgument', message: 'invalid JSON' } }));
      return;
    }
    this.posts.push({
      conversationId: decodeURIComponent(match[1] ?? ''),
      replyToId: match[2] === undefined ? null : decodeURIComponent(match[2]),
      authorization: req.headers.authorization,
      activity,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `fake-activity-${this.nextId++}` }));
  }
}
