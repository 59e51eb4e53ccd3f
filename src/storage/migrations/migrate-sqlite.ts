import type BetterSqlite3 from 'better-sqlite3';
import {
  assertMigrationList,
  migrationFailed,
  nextPendingMigration,
  SCHEMA_MIGRATIONS_TABLE,
  type AppliedMigration,
  type Migration,
} from './migration';

/**
 * Applies pending migrations, one transaction each. BEGIN IMMEDIATE takes the write lock before the
 * history is read, so two processes opening the same file at once cannot both apply a migration.
 */
export function migrateSqlite(db: BetterSqlite3.Database, list: readonly Migration[]): void {
  assertMigrationList(list);
  db.exec(`CREATE TABLE IF NOT EXISTS ${SCHEMA_MIGRATIONS_TABLE} (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL DEFAULT (unixepoch() * 1000)
  )`);
  const readApplied = db.prepare<[], AppliedMigration>(
    `SELECT version, name FROM ${SCHEMA_MIGRATIONS_TABLE} ORDER BY version`,
  );
  const record = db.prepare<[number, string, number]>(
    `INSERT INTO ${SCHEMA_MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`,
  );

  const applyNext = db.transaction((): boolean => {
    const applied = readApplied.all();
    const next = nextPendingMigration(list, applied);
    if (!next) return false;
    try {
      db.exec(next.sqlite);
    } catch (error) {
      throw migrationFailed(next, applied.at(-1)?.version ?? 0, error);
    }
    record.run(next.version, next.name, Date.now());
    return true;
  });

  while (applyNext.immediate()) {
    // Each iteration commits one migration; the loop ends when none is pending.
  }
}
