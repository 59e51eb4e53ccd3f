import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { Storage } from '../../src/core/ports/storage';
import { createStorage } from '../../src/storage/create-storage';
import { assertIdentifier, type StorageHarness, type TestDatabase } from './storage-harness';

/**
 * Each fresh database is a new schema `srm_test_<run>_<n>`, selected through search_path, so test runs
 * (and parallel CI jobs on one server) never see each other's rows. Schemas are dropped after each test.
 */
export function createPostgresHarness(databaseUrl: string): StorageHarness {
  const run = randomBytes(4).toString('hex');
  const admin = new Pool({ connectionString: databaseUrl, max: 2 });
  admin.on('error', () => undefined);
  const opened: Storage[] = [];
  const schemas: string[] = [];
  let counter = 0;

  return {
    backend: 'postgres',
    async freshDatabase(): Promise<TestDatabase> {
      counter += 1;
      const schema = `srm_test_${run}_${counter}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      const tableExists = async (table: string): Promise<boolean> => {
        const { rows } = await admin.query(
          'SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2',
          [schema, table],
        );
        return rows.length > 0;
      };
      const connection = {
        databaseUrl,
        sqlitePath: '/nonexistent/unused-when-database-url-is-set.db',
        postgresSchema: schema,
      };
      return {
        options: connection,
        async open(options = {}) {
          const storage = await createStorage({ ...connection, migrations: options.migrations });
          opened.push(storage);
          return storage;
        },
        async tables() {
          const { rows } = await admin.query<{ table_name: string }>(
            'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
            [schema],
          );
          return rows.map((row) => row.table_name);
        },
        async appliedVersions() {
          if (!(await tableExists('schema_migrations'))) return [];
          const { rows } = await admin.query<{ version: number }>(
            `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
          );
          return rows.map((row) => row.version);
        },
        async countRows(table, where = {}) {
          const columns = Object.keys(where).map(assertIdentifier);
          const clause = columns.length ? ` WHERE ${columns.map((c, i) => `${c} = $${i + 1}`).join(' AND ')}` : '';
          const { rows } = await admin.query<{ n: number }>(
            `SELECT COUNT(*)::int AS n FROM ${schema}.${assertIdentifier(table)}${clause}`,
            Object.values(where),
          );
          return rows[0]?.n ?? 0;
        },
        async execute(sql) {
          const client = await admin.connect();
          try {
            await client.query(`SET search_path TO ${schema}`);
            await client.query(sql);
          } finally {
            await client.query('RESET search_path').catch(() => undefined);
            client.release();
          }
        },
      };
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
      for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
    async dispose() {
      await this.cleanup();
      await admin.end();
    },
  };
}
