import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { waitFor } from '../fakes/fake-slack-api';
import { buttonClickForm } from '../fakes/slack-payloads';
import { startSlackTestApp } from '../fakes/slack-test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const PG_URL = process.env.TEST_DATABASE_URL;

/** A 👍 clicked in Slack survives a restart and shows in `npm run srm -- report`, on each storage backend. */
async function clickThumbsUpThenRestart(env: Record<string, string>): Promise<string> {
  {
    const first = await startSlackTestApp(env);
    const click = buttonClickForm({ actionId: 'feedback.up:5', value: 'who owns encryption on S3', responseUrl: first.fake.responseUrl() });
    const result = await first.post(click, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(200);
    // The click is acked before the vote is stored and thanked for.
    await waitFor(() => first.fake.responses.length > 0, 'the thank-you on response_url');
    expect(JSON.stringify(first.fake.responses)).toContain('Thanks, glad it helped');
    await first.close();

    const second = await startSlackTestApp(env);
    const report = await second.app.storage.report(new Date(Date.now() - 3_600_000));
    await second.close();
    expect(report.feedback).toEqual([{ topic: 's3/encryption-at-rest', up: 1, down: 0 }]);

    const cli = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'srm.ts'), 'report', '--since', '1d'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return cli.stdout;
  }
}

describe('feedback persistence across a restart', () => {
  it('SQLite: the vote is stored and the CLI report shows it after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-feedback-'));
    try {
      const out = await clickThumbsUpThenRestart({ SQLITE_PATH: join(dir, 'srm.db') });
      expect(out).toContain('s3/encryption-at-rest: 👍 1 / 👎 0');
      expect(out).toContain('(storage: sqlite)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const pgIt = PG_URL ? it : it.skip;
  if (!PG_URL) console.warn('PostgreSQL feedback persistence test SKIPPED: set TEST_DATABASE_URL');
  pgIt('PostgreSQL: the vote is stored and the CLI report shows it after a restart', async () => {
    const schema = `srm_test_feedback_${process.pid}_${Date.now()}`;
    const admin = new Pool({ connectionString: PG_URL, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = new URL(PG_URL as string);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const out = await clickThumbsUpThenRestart({ DATABASE_URL: url.toString() });
      expect(out).toContain('s3/encryption-at-rest: 👍 1 / 👎 0');
      expect(out).toContain('(storage: postgres)');
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
