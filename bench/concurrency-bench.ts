import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID } from '../tests/fakes/fake-slack-api';
import { postSignedToSlack } from '../tests/fakes/sign-slack';
import { FORM, slashCommandForm } from '../tests/fakes/slack-payloads';
import { longUniqueQuestions, ordinaryQuestions, seededRandom } from './bench-questions';

/**
 * Ack latency of `/srm` over HTTP while long unique questions load the app. The real app (startApp: storage,
 * knowledge, core, Bolt) runs in this process on an ephemeral port, against a small fake Slack API on 127.0.0.1
 * and a throwaway SQLite file, as in tests/fakes/slack-test-app.ts.
 * Phase A: ordinary signed slash commands, one at a time (the baseline).
 * Phase B: LONG_CLIENTS clients each send long unique questions back to back for LOAD_MS, while one more client
 * sends an ordinary question every PROBE_INTERVAL_MS (on a fixed schedule, not waiting for the previous ack).
 * Clients, app and fake share one event loop, like the single-process app they measure. Prints figures; asserts nothing.
 */

const BOT_TOKEN = 'xoxb-bench-0000-not-a-real-token';
const SIGNING_SECRET = 'bench-signing-secret-3b9e41d7';

/** Phase A: sequential ordinary commands timed, after a few untimed ones (JIT, SQLite statements). */
const BASELINE_COUNT = 200;
const BASELINE_WARM_UP = 20;
/** Phase B. */
const LONG_CLIENTS = 16;
const LOAD_MS = 8000;
const PROBE_INTERVAL_MS = 100;
/** Long questions prepared per client: a bound on phase B's request count far above what LOAD_MS allows. */
const LONG_PER_CLIENT = 400;
const LONG_LENGTH = 1000;
const LONG_SEED = 0xc0ffee16;
const ORDER_SEED = 0x0a11ce;
/** A request without an answer by then is given up and counted as failed (Slack itself gives up at 3 s). */
const REQUEST_DEADLINE_MS = 10_000;
/** The whole run, start to cleanup; past it the process exits with status 2. */
const HARD_LIMIT_MS = 120_000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

interface Outcome {
  ms: number;
  status: number;
  /** The ack's body carried the answer (the core answered within the ack budget). */
  inline: boolean;
}

interface Failure {
  error: string;
}

function summary(label: string, outcomes: (Outcome | Failure)[]): { sorted: number[]; line: string } {
  const done = outcomes.filter((o): o is Outcome => 'ms' in o);
  const sorted = done.map((o) => o.ms).sort((a, b) => a - b);
  const not200 = done.filter((o) => o.status !== 200).length;
  const emptyAcks = done.filter((o) => o.status === 200 && !o.inline).length;
  const failed = outcomes.length - done.length;
  const line =
    `${label.padEnd(40)} n=${sorted.length}  p50=${fmt(percentile(sorted, 50))}  p99=${fmt(percentile(sorted, 99))}  max=${fmt(sorted[sorted.length - 1] ?? 0)}` +
    `  (non-200: ${not200}, acks without the answer: ${emptyAcks}, no response: ${failed})`;
  return { sorted, line };
}

/** A fake Slack Web API and response_url endpoint on 127.0.0.1: auth.test, chat.postMessage and response_url posts answer ok. */
async function startFakeSlack(): Promise<{ apiUrl: string; responseUrl: (id: string) => string; counts: Map<string, number>; close(): Promise<void> }> {
  const counts = new Map<string, number>();
  const count = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path.startsWith('/respond/')) {
        count('response_url');
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const method = /^\/api\/([\w.]+)$/.exec(path)?.[1];
      count(method ?? 'other');
      const body =
        method === 'auth.test'
          ? { ok: true, url: 'https://bench.slack.com/', team: 'Bench', user: 'srm-bot', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID }
          : method === 'chat.postMessage'
            ? { ok: true, channel: 'C0', ts: '1800000000.000001' }
            : method
              ? { ok: true }
              : { ok: false, error: 'unknown_method' };
      res.writeHead(method ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/respond/${id}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`concurrency bench: not finished after ${HARD_LIMIT_MS / 1000} s, exiting`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  watchdog.unref();

  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'srm-bench-'));
  const logLevels = new Map<string, number>();
  const logger = createLogger('warn', (line) => {
    const level = /"level":"(\w+)"/.exec(line)?.[1] ?? '?';
    logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
  });
  let app: RunningApp | undefined;
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SQLITE_PATH: join(dir, 'srm.db'),
      LOG_LEVEL: 'warn',
    });
    app = await startApp({ ...config, port: 0 }, logger);
    const eventsUrl = `http://127.0.0.1:${app.port}/slack/events`;
    let requestId = 0;
    const ask = async (text: string): Promise<Outcome | Failure> => {
      requestId += 1;
      const body = slashCommandForm(text, fake.responseUrl(String(requestId)), { trigger_id: `bench.${requestId}` });
      try {
        const result = await postSignedToSlack(eventsUrl, body, FORM, { signingSecret: SIGNING_SECRET, deadlineMs: REQUEST_DEADLINE_MS });
        return { ms: result.elapsedMs, status: result.status, inline: result.body.includes('"blocks"') };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    };

    // Ordinary questions in a fixed shuffled order: phase A's, then the probes'.
    const random = seededRandom(ORDER_SEED);
    const ordinary = ordinaryQuestions(app.bot.engine)
      .map((q) => ({ q, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((item) => item.q);
    const maxProbes = Math.ceil(LOAD_MS / PROBE_INTERVAL_MS);
    const needed = BASELINE_WARM_UP + BASELINE_COUNT + maxProbes;
    if (ordinary.length < needed) throw new Error(`only ${ordinary.length} ordinary questions, need ${needed}`);
    const prepStart = performance.now();
    const longQs = longUniqueQuestions(LONG_CLIENTS * LONG_PER_CLIENT, LONG_SEED, LONG_LENGTH);
    const prepMs = performance.now() - prepStart;
    console.log(`app: real startApp on 127.0.0.1:${app.port} (SQLite in a temp dir), fake Slack API at ${fake.apiUrl}`);
    console.log(
      `prepared: ${longQs.length} long unique questions (${LONG_LENGTH} characters, seed 0x${LONG_SEED.toString(16)}) in ${prepMs.toFixed(0)} ms; ${ordinary.length} ordinary questions`,
    );

    // Phase A: the baseline, one at a time.
    for (const q of ordinary.slice(0, BASELINE_WARM_UP)) await ask(q);
    const baseline: (Outcome | Failure)[] = [];
    for (const q of ordinary.slice(BASELINE_WARM_UP, BASELINE_WARM_UP + BASELINE_COUNT)) baseline.push(await ask(q));
    const a = summary('A  ordinary, sequential (baseline)', baseline);

    // Phase B: long questions from LONG_CLIENTS clients, ordinary probes on a fixed schedule.
    const probeQs = ordinary.slice(BASELINE_WARM_UP + BASELINE_COUNT);
    const longOutcomes: (Outcome | Failure)[] = [];
    const probeOutcomes: (Outcome | Failure)[] = [];
    const loadStart = performance.now();
    const loadEnd = loadStart + LOAD_MS;
    const longClient = async (client: number): Promise<void> => {
      for (const q of longQs.slice(client * LONG_PER_CLIENT, (client + 1) * LONG_PER_CLIENT)) {
        if (performance.now() >= loadEnd) return;
        longOutcomes.push(await ask(q));
      }
    };
    const probeClient = async (): Promise<void> => {
      const inFlight: Promise<void>[] = [];
      for (let k = 0; k < maxProbes; k++) {
        const at = loadStart + k * PROBE_INTERVAL_MS;
        if (at >= loadEnd) break;
        await sleep(at - performance.now());
        inFlight.push(ask(probeQs[k] as string).then((outcome) => void probeOutcomes.push(outcome)));
      }
      await Promise.all(inFlight);
    };
    const longDone = Promise.all(Array.from({ length: LONG_CLIENTS }, (_, client) => longClient(client))).then(() => performance.now());
    const [longEnd] = await Promise.all([longDone, probeClient()]);
    const loadSeconds = (longEnd - loadStart) / 1000;
    const b = summary('B  ordinary under load (every 100 ms)', probeOutcomes);
    const long = summary(`B  long unique (${LONG_CLIENTS} clients)`, longOutcomes);
    const longCompleted = longOutcomes.filter((o) => 'ms' in o).length;

    console.log('');
    console.log(a.line);
    console.log(b.line);
    console.log(long.line);
    console.log(
      `B  long throughput: ${longCompleted} acks in ${loadSeconds.toFixed(2)} s = ${(longCompleted / loadSeconds).toFixed(1)} req/s (load ${LOAD_MS / 1000} s; requests in flight at its end finished)`,
    );
    const ratio = (x: number, y: number): string => (y > 0 ? `${(x / y).toFixed(1)}×` : 'n/a');
    console.log(
      `ordinary under load vs baseline: p50 ${ratio(percentile(b.sorted, 50), percentile(a.sorted, 50))}, p99 ${ratio(percentile(b.sorted, 99), percentile(a.sorted, 99))}`,
    );
    const failures = [...baseline, ...probeOutcomes, ...longOutcomes].filter((o): o is Failure => 'error' in o);
    if (failures.length > 0) console.log(`no response (first): ${failures[0]?.error}`);
  } finally {
    if (app) await app.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  console.log(`fake Slack received: ${[...fake.counts].map(([k, v]) => `${k} ${v}`).join(', ') || 'nothing'}`);
  console.log(`app log lines at warn or above: ${[...logLevels].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  console.log('closed: app and fake Slack servers; temp dir removed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
