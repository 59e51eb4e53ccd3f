import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Storage } from '../../src/core/ports/storage';
import { createStorage } from '../../src/storage/create-storage';
import { assertIdentifier, type StorageHarness, type TestDatabase } from './storage-harness';

/** Each fresh database is a new file in a per-harness temp directory (nested, to exercise mkdir). */
export function createSqliteHarness(): StorageHarness {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'srm-sqlite-contract-'));
  const opened: Storage[] = [];
  let counter = 0;

  // A separate connection, like a second process would have, for looking at what the storage wrote.
  function inspect<T>(file: string, read: (db: Database.Database) => T): T {
    const db = new Database(file, { fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  }

  return {
    backend: 'sqlite',
    async freshDatabase(): Promise<TestDatabase> {
      counter += 1;
      const file = path.join(root, `db-${counter}`, 'nested', 'srm.db');
      return {
        options: { sqlitePath: file },
        async open(options = {}) {
          const storage = await createStorage({ sqlitePath: file, migrations: options.migrations });
          opened.push(storage);
          return storage;
        },
        async tables() {
          if (!fs.existsSync(file)) return [];
          return inspect(file, (db) =>
            db
              .prepare<[], { name: string }>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
              )
              .all()
              .map((row) => row.name),
          );
        },
        async appliedVersions() {
          if (!fs.existsSync(file)) return [];
          return inspect(file, (db) => {
            const exists = db
              .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
              .get();
            if (!exists) return [];
            return db
              .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
              .all()
              .map((row) => row.version);
          });
        },
        async countRows(table, where = {}) {
          const columns = Object.keys(where).map(assertIdentifier);
          const clause = columns.length ? ` WHERE ${columns.map((c) => `${c} = ?`).join(' AND ')}` : '';
          return inspect(file, (db) => {
            const row = db
              .prepare<string[], { n: number }>(`SELECT COUNT(*) AS n FROM ${assertIdentifier(table)}${clause}`)
              .get(...Object.values(where));
            return row?.n ?? 0;
          });
        },
        async execute(sql) {
          inspect(file, (db) => db.exec(sql));
        },
      };
    },
    async cleanup() {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
    },
    async dispose() {
      await this.cleanup();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
