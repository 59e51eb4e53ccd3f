import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from './logger';
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
export function finishHttpApp(app: Express, logger: Logger): void {
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Express's default handler would answer with a stack trace outside production; log it here instead.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error('http request failed', { method: req.method, path: req.path, error });
    if (!res.headersSent) res.status(500).json({ error: 'internal error; the bot logged the details' });
  });
}

export function listen(app: Express, port: number, host = '0.0.0.0'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
