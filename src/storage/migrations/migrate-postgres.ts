import type { Pool, PoolClient } from 'pg';
import {
  assertMigrationList,
  migrationFailed,
  nextPendingMigration,
  SCHEMA_MIGRATIONS_TABLE,
  type AppliedMigration,
  type Migration,
} from './migration';

/**
 * Applies pending migrations, one transaction each. Every transaction first takes a transaction-scoped
 * advisory lock keyed on the current schema, so replicas starting together apply each migration once
 * (the loser waits, then sees it recorded); the lock is released by COMMIT/ROLLBACK, even if the process
 * dies. CREATE TABLE IF NOT EXISTS runs under the lock too: run concurrently it can still fail on
 * pg_type's unique index.
 */
export async function migratePostgres(pool: Pool, list: readonly Migration[]): Promise<void> {
  assertMigrationList(list);
  const client = await pool.connect();
  try {
    while (await applyNext(client, list)) {
      // Each iteration commits one migration; the loop ends when none is pending.
    }
    client.release();
  } catch (error) {
    // Discard the connection rather than return one whose session state is unknown to the pool.
    client.release(true);
    throw error;
  }
}

async function applyNext(client: PoolClient, list: readonly Migration[]): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('srm-bot:migrations:' || coalesce(current_schema(), '')))",
    );
    await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA_MIGRATIONS_TABLE} (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows: applied } = await client.query<AppliedMigration>(
      `SELECT version, name FROM ${SCHEMA_MIGRATIONS_TABLE} ORDER BY version`,
    );
    const next = nextPendingMigration(list, applied);
    if (!next) {
      await client.query('COMMIT');
      return false;
    }
    try {
      // No parameters: pg then uses the simple query protocol, which accepts several statements.
      await client.query(next.postgres);
    } catch (error) {
      throw migrationFailed(next, applied.at(-1)?.version ?? 0, error);
    }
    await client.query(`INSERT INTO ${SCHEMA_MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [
      next.version,
      next.name,
    ]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
