import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { TcpProxy } from '../fakes/tcp-proxy';
import { FORM, slashCommandForm } from '../fakes/slack-payloads';
import { headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';

/**
 * Answering needs no database. PostgreSQL sits behind a TCP proxy the test takes down and brings back; the real
 * server, Bolt and the bot run as in production. Skipped (loudly) without TEST_DATABASE_URL, like the contract suite.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;

if (!databaseUrl) {
  describe('database outage (PostgreSQL)', () => {
    console.warn('database outage test SKIPPED: set TEST_DATABASE_URL');
    it('needs TEST_DATABASE_URL', () => undefined);
  });
} else {
  describe('database outage (PostgreSQL)', () => {
    const schema = `srm_outage_${randomBytes(4).toString('hex')}`;
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    const target = new URL(databaseUrl);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    let t: SlackTestApp;
    const readyz = async () => (await fetch(`http://127.0.0.1:${t.app.port}/readyz`)).status;
    const questionsStored = async () => Number((await admin.query(`SELECT COUNT(*)::int AS n FROM ${schema}.questions`)).rows[0].n);

    beforeAll(async () => {
      await admin.query(`CREATE SCHEMA ${schema}`);
      await proxy.start();
      const viaProxy = new URL(databaseUrl);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      viaProxy.searchParams.set('options', `-c search_path=${schema}`);
      t = await startSlackTestApp({ DATABASE_URL: viaProxy.href });
    });
    afterAll(async () => {
      await t?.close();
      await proxy.stop();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    const ask = async () => {
      const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM);
      expect(result.status).toBe(200);
      expect(result.elapsedMs).toBeLessThan(1000);
      return headerText(JSON.parse(result.body) as Record<string, unknown>);
    };

    it('is ready and records questions while the database is up', async () => {
      expect(await readyz()).toBe(200);
      expect(await ask()).toMatch(/Owner: Customer$/);
      await t.app.bot.settled();
      expect(await questionsStored()).toBe(1);
    });

    it('keeps answering while PostgreSQL refuses connections, with /readyz 503 and one log line for many failures', async () => {
      await proxy.stop();
      for (let i = 0; i < 10; i += 1) expect(await ask()).toMatch(/Owner: Customer$/);
      expect(await readyz()).toBe(503);
      expect((await fetch(`http://127.0.0.1:${t.app.port}/healthz`)).status).toBe(200);
      await t.app.bot.settled();
      expect(t.logs.filter((line) => line.includes('storage write failed')).length).toBe(1);
    });

    it('recovers by itself when PostgreSQL comes back, even with the database recreated empty', async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
      await proxy.start();
      expect(await readyz()).toBe(200);
      expect(await ask()).toMatch(/Owner: Customer$/);
      await t.app.bot.settled();
      expect(await questionsStored()).toBe(1);
    });
  });
}
