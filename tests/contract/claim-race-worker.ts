/**
 * One of the processes in claim-race.test.ts. Opens storage, warms its connections, says "ready",
 * waits for "go" on stdin (so both processes start claiming at the same moment), makes N concurrent
 * claims of one key and prints the holders that won as one JSON line.
 *
 * Input comes from the environment, not argv, because the connection string may hold a password and
 * argv is visible to every user in `ps`.
 */
import { createInterface } from 'node:readline';
import type { CreateStorageOptions } from '../../src/storage/create-storage';
import { createStorage } from '../../src/storage/create-storage';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.CLAIM_RACE_OPTIONS ?? '{}') as CreateStorageOptions;
  const key = process.env.CLAIM_RACE_KEY ?? 'race';
  const worker = process.env.CLAIM_RACE_WORKER ?? String(process.pid);
  const callers = Number(process.env.CLAIM_RACE_CALLERS ?? '10');

  const storage = await createStorage(options);
  // Open as many pooled connections as there will be callers, so the race is not serialised by connects.
  await Promise.all(Array.from({ length: callers }, () => storage.report(new Date())));

  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();

  const holders = Array.from({ length: callers }, (_, i) => `${worker}-${i}`);
  const results = await Promise.all(holders.map((holder) => storage.claim(key, holder)));
  await storage.close();
  process.stdout.write(`${JSON.stringify({ worker, wins: holders.filter((_, i) => results[i]) })}\n`);
}

main().catch((error: unknown) => {
  // The message only: a cause chain could carry connection details.
  process.stderr.write(`claim-race-worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
