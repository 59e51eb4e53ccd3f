import express, { type Express } from 'express';
import type { Server } from 'node:http';

/**
 * The one HTTP server: /healthz here; adapters mount /slack/events and /api/messages on the same app.
 * No global body parser: Slack's signature check needs the raw body, so each route parses its own.
 */
export function createHttpApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  return app;
}

/** Adds the 404 and error handlers; call after every adapter has mounted its routes. */
export function finishHttpApp(app: Express): void {
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
}

export function listen(app: Express, port: number, host = '0.0.0.0'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
