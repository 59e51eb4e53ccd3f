import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PlatformAdapter } from './adapters/platform-adapter';
import { createSlackApp } from './adapters/slack/create-slack-app';
import type { Config } from './config';
import { Bot } from './core/bot';
import { loadKnowledge } from './core/knowledge/load-knowledge';
import { PlatformMessenger, type Messenger } from './core/ports/messenger';
import type { Platform, Storage } from './core/ports/storage';
import type { Logger } from './logger';
import { createTeamsAdapter } from './adapters/teams/create-teams-adapter';
import { createHttpApp, finishHttpApp, listen } from './server';
import { createStorage } from './storage/create-storage';
import { RateLimitedWarning } from './rate-limited-warning';

/** /readyz must answer quickly even when the database hangs: a probe that times out is as good as a 503. */
const READY_CHECK_TIMEOUT_MS = 2000;

async function checkDatabase(storage: Storage): Promise<'ok' | 'unreachable'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      storage.ping(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), READY_CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

export interface RunningApp {
  server: Server;
  port: number;
  bot: Bot;
  storage: Storage;
  /** Proactive sends to stored conversations on every configured platform. */
  messenger: Messenger;
  close(): Promise<void>;
}

/**
 * Composition root: config → storage → knowledge → core → adapters → HTTP server. main.ts calls it with
 * the real environment; integration tests call it with their own Config and fake platform servers.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const kb = loadKnowledge(config.knowledgeDir);
  const storage = await createStorage({
    ...config.storage,
    onPostgresIdleError: (error) => logger.error('postgres connection error (the pool reconnects)', { error }),
  });
  const storageErrors = new RateLimitedWarning(logger, 'storage write failed; answers go on, the record is dropped');
  const bot = new Bot(kb, {
    storage,
    admins: config.admins,
    onStorageError: (operation, error) => storageErrors.log(error, { operation }),
  });
  const http = createHttpApp();
  http.get('/readyz', async (_req, res) => {
    const database = await checkDatabase(storage);
    res.status(database === 'ok' ? 200 : 503).json({ status: database === 'ok' ? 'ready' : 'not ready', knowledge: 'loaded', database, storage: storage.backend });
  });
  const adapters: PlatformAdapter[] = [];
  const closers: (() => Promise<void>)[] = [() => Promise.all(adapters.map((adapter) => adapter.stop())).then(() => undefined)];

  let server: Server;
  try {
    if (config.slack) {
      adapters.push(await createSlackApp({ config: config.slack, bot, logger, http, logQuestions: config.logQuestions }));
    } else {
      logger.info('Slack disabled: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it');
    }
    const teams = createTeamsAdapter({ teams: config.teams, bot, logger });
    http.use(teams.router);
    adapters.push(teams);
    if (!config.teams) {
      logger.info('Teams in local mode: no MICROSOFT_APP_ID, so /api/messages accepts only requests from this machine naming a loopback serviceUrl (Bot Framework Emulator)');
    }
    finishHttpApp(http, logger);
    server = await listen(http, config.port);
  } catch (error) {
    // A failed start (Slack rejects the token, the port is taken) must not leave the database open.
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await storage.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info('srm-bot listening', {
    port,
    storage: storage.backend,
    slack: config.slack ? (config.slack.appToken ? 'socket-mode' : 'http') : 'off',
    teams: config.teams ? 'authenticated' : 'local-mode',
    services: kb.services.length,
  });
  return {
    server,
    port,
    bot,
    storage,
    messenger: new PlatformMessenger(Object.fromEntries(adapters.map((adapter) => [adapter.platform, adapter.messenger])) as Partial<Record<Platform, Messenger>>),
    async close() {
      for (const close of closers.reverse()) await close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await bot.settled();
      await storage.close();
    },
  };
}
