import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { FakeSlackApi, waitFor } from './fake-slack-api';
import { postSignedToSlack, type SlackPostOptions, type SlackPostResult } from './sign-slack';
import { directMessageEvent, eventEnvelope, JSON_TYPE } from './slack-payloads';

export const TEST_BOT_TOKEN = 'xoxb-test-0000-not-a-real-token';
export const TEST_SIGNING_SECRET = 'test-signing-secret-8f2d0c4e';

export interface SlackTestApp {
  app: RunningApp;
  fake: FakeSlackApi;
  eventsUrl: string;
  /** Every line the app logged, for checks that nothing secret leaks. */
  logs: string[];
  post(rawBody: string, contentType: string, options?: Partial<SlackPostOptions>): Promise<SlackPostResult>;
  /**
   * Lets the requests posted so far finish before a test checks that they sent nothing. Listeners run after the
   * 200, so an immediate check would pass even if they were about to post. A DM that is always answered is sent
   * and its answer awaited: Bolt starts requests in arrival order, and an ignored request has less work before
   * any post than the sentinel has, so anything it sent is recorded by then. The sentinel's own post is removed.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const SENTINEL_CHANNEL = 'DSENTINEL';

/**
 * The real app (startApp: storage, knowledge, core, Bolt behind the shared HTTP server) on an ephemeral port,
 * with SLACK_API_URL pointing at a per-test fake Slack and a throwaway SQLite file.
 */
export async function startSlackTestApp(
  env: Record<string, string> = {},
  beforeStart: (fake: FakeSlackApi) => void = () => undefined,
): Promise<SlackTestApp> {
  const fake = await FakeSlackApi.start();
  beforeStart(fake);
  const dir = mkdtempSync(join(tmpdir(), 'srm-slack-'));
  const logs: string[] = [];
  const config = loadConfig({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SQLITE_PATH: join(dir, 'srm.db'),
    LOG_LEVEL: 'debug',
    ...env,
  });
  let app: RunningApp;
  try {
    app = await startApp({ ...config, port: 0 }, createLogger('debug', (line) => logs.push(line)));
  } catch (error) {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const eventsUrl = `http://127.0.0.1:${app.port}/slack/events`;
  return {
    app,
    fake,
    eventsUrl,
    logs,
    post: (rawBody, contentType, options = {}) =>
      postSignedToSlack(eventsUrl, rawBody, contentType, { signingSecret: TEST_SIGNING_SECRET, ...options }),
    async settle() {
      const isSentinel = (call: { method: string; body: Record<string, unknown> }) => call.method === 'chat.postMessage' && call.body.channel === SENTINEL_CHANNEL;
      const event = directMessageEvent('who owns encryption on S3', { channel: SENTINEL_CHANNEL, user: 'USENTINEL' });
      await postSignedToSlack(eventsUrl, eventEnvelope(event), JSON_TYPE, { signingSecret: TEST_SIGNING_SECRET });
      await waitFor(() => fake.calls.some(isSentinel), 'the answer to the sentinel DM');
      fake.calls.splice(fake.calls.findIndex(isSentinel), 1);
    },
    async close() {
      await app.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Block Kit text of a message, flattened, for assertions that do not care about layout. */
export function allText(message: Record<string, unknown> | undefined): string {
  return JSON.stringify(message ?? {});
}

export function headerText(message: Record<string, unknown> | undefined): string {
  const blocks = (message?.blocks ?? []) as { type: string; text?: { text: string } }[];
  return blocks.find((block) => block.type === 'header')?.text?.text ?? '';
}
