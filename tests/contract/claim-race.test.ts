import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createPostgresHarness } from './postgres-harness';
import { createSqliteHarness } from './sqlite-harness';
import type { StorageHarness } from './storage-harness';

/**
 * Issue 5's done-when: 20 concurrent claims of one key from two separate Node processes, exactly one
 * wins. Separate processes (not two pools in one) so nothing in-process could serialise the race.
 */
const PROJECT_ROOT = path.resolve(__dirname, '../..');
const WORKER = path.join(__dirname, 'claim-race-worker.ts');
const CALLERS_PER_PROCESS = 10;

interface WorkerResult {
  worker: string;
  wins: string[];
}

function startWorker(name: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, CLAIM_RACE_WORKER: name },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<WorkerResult>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) resolve(JSON.parse(line) as WorkerResult);
    });
    child.on('exit', (code) => reject(new Error(`worker ${name} exited with ${code}: ${stderr.trim()}`)));
  });
  // Surface a crash before "ready" instead of waiting for the test timeout.
  const readyOrCrash = Promise.race([ready, result.then(() => undefined)]);
  return { ready: readyOrCrash, result, go: () => child.stdin.end('go\n') };
}

function describeClaimRace(harness: StorageHarness): void {
  describe(`claim race across two processes (${harness.backend})`, () => {
    afterEach(() => harness.cleanup());
    afterAll(() => harness.dispose());

    it(`grants the key to exactly one of ${2 * CALLERS_PER_PROCESS} callers`, async () => {
      const db = await harness.freshDatabase();
      await (await db.open()).close();
      const key = 'quiz:C123:2026-11-23';
      const env = {
        CLAIM_RACE_OPTIONS: JSON.stringify(db.options),
        CLAIM_RACE_KEY: key,
        CLAIM_RACE_CALLERS: String(CALLERS_PER_PROCESS),
      };
      const workers = [startWorker('process-a', env), startWorker('process-b', env)];
      await Promise.all(workers.map((worker) => worker.ready));
      for (const worker of workers) worker.go();
      const results = await Promise.all(workers.map((worker) => worker.result));

      const winners = results.flatMap((result) => result.wins);
      expect(winners).toHaveLength(1);
      expect(await db.countRows('claims')).toBe(1);
      expect(await db.countRows('claims', { key, holder: winners[0] ?? '' })).toBe(1);
    }, 60_000);
  });
}

describeClaimRace(createSqliteHarness());

const databaseUrl = process.env.TEST_DATABASE_URL;
if (databaseUrl) {
  describeClaimRace(createPostgresHarness(databaseUrl));
} else {
  console.warn('PostgreSQL claim race SKIPPED: set TEST_DATABASE_URL');
  describe.skip('claim race across two processes (postgres)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
