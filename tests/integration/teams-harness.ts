import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import type { Config, TeamsConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { defaultKnowledgeDir } from '../../src/project-root';
import { FakeBotConnector } from '../fakes/fake-bot-connector';

export interface TeamsHarness {
  app: RunningApp;
  connector: FakeBotConnector;
  /** Every log line the app wrote, for checks on context and secrets. */
  logs: string[];
  /** POSTs to /api/messages; `host` is the IPv4 address to connect to (the app listens on all of them). */
  post(body: unknown, headers?: Record<string, string>, host?: string): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

export interface TeamsHarnessOptions {
  /** SRM_ADMINS entries, `platform:userId`. */
  admins?: string[];
}

/** The real app (real HTTP server, botbuilder, SQLite in a temp dir) with a fake Bot Connector beside it. */
export async function startTeamsHarness(teams: TeamsConfig | null = null, options: TeamsHarnessOptions = {}): Promise<TeamsHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'srm-teams-'));
  const logs: string[] = [];
  const config: Config = {
    port: 0,
    slack: null,
    teams,
    storage: { sqlitePath: join(dir, 'srm.db') },
    admins: new Set(options.admins ?? []),
    knowledgeDir: defaultKnowledgeDir(),
    logLevel: 'debug',
  };
  const connector = await new FakeBotConnector().start();
  const app = await startApp(config, createLogger('debug', (line) => logs.push(line)));
  return {
    app,
    connector,
    logs,
    async post(body, headers = {}, host = '127.0.0.1') {
      const response = await fetch(`http://${host}:${app.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    async stop() {
      await app.close();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const BOT = { id: '28:srm-bot-id', name: 'srm-bot' };
export const USER = { id: '29:user-1', name: 'Ada Lovelace', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
export const TENANT = '00000000-0000-0000-0000-00000000face';

let sequence = 0;

/** A Teams message activity as Azure Bot Service delivers it, in a personal (1:1) chat unless overridden. */
export function teamsActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `1700000000${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: `a:personal-${sequence}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    ...overrides,
  };
}

/** A channel message that @mentions the bot, the way Teams writes it: "<at>name</at>" in text plus a mention entity. */
export function channelMention(serviceUrl: string, question: string): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return teamsActivity(serviceUrl, {
    text: `${mention} ${question}`,
    conversation: { id: '19:general@thread.tacv2;messageid=1700000000001', conversationType: 'channel', tenantId: TENANT },
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } },
  });
}

/** Reads a TextBlock tree and returns every text in it, in document order. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.entries(record).filter(([key]) => key !== 'text').flatMap(([, value]) => cardTexts(value))];
}
