import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { SQLITE_CODEC } from './dialect-codec';
import { KyselyStorage } from './kysely-storage';
import { migrateSqlite } from './migrations/migrate-sqlite';
import type { Migration } from './migrations/migration';
import { migrations as defaultMigrations } from './migrations/migrations';
import type { StorageTables } from './storage-tables';

export interface SqliteStorageOptions {
  /** File path; its directory is created. ':memory:' works for throwaway use. */
  path: string;
  /** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Override for tests (e.g. a deliberately broken migration). */
  migrations?: readonly Migration[];
}

/**
 * Single-instance storage: one better-sqlite3 connection (WAL, busy timeout), migrated on open, queried through
 * the shared Kysely storage.
 */
export function openSqliteStorage(options: SqliteStorageOptions): KyselyStorage {
  if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('synchronous = NORMAL');
    migrateSqlite(db, options.migrations ?? defaultMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  const atomic = async (statements: CompiledQuery[]): Promise<number> =>
    db
      .transaction(() => statements.reduce((changed, statement) => changed + db.prepare(statement.sql).run(...(statement.parameters as unknown[])).changes, 0))
      .immediate();
  return new KyselyStorage(new Kysely<StorageTables>({ dialect: new SqliteDialect({ database: db }) }), SQLITE_CODEC, undefined, atomic);
}
