import { SrmError } from '../../core/errors';

/**
 * One schema change, written once per dialect. Versions are never renumbered and an applied
 * migration is never edited: the database records (version, name) and refuses a build whose list
 * disagrees, because silently skipping or re-running DDL is how replicas drift apart.
 *
 * The SQL must not contain BEGIN/COMMIT: the runner wraps each migration in its own transaction so
 * a failure rolls the database back to the previous version.
 */
export interface Migration {
  version: number;
  /** kebab-case, e.g. "initial"; shown as `001-initial` in messages. */
  name: string;
  sqlite: string;
  postgres: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
}

export const SCHEMA_MIGRATIONS_TABLE = 'schema_migrations';

export function migrationLabel(migration: AppliedMigration): string {
  return `${String(migration.version).padStart(3, '0')}-${migration.name}`;
}

/** Catches a malformed list at start-up rather than half-way through migrating. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new SrmError(
        'STORAGE_MIGRATION_FAILED',
        `Migration list is out of order at ${migrationLabel(migration)}: versions must be whole numbers ` +
          'that strictly increase. Fix the list in src/storage/migrations/migrations.ts.',
      );
    }
    previous = migration.version;
  }
}

/**
 * The next migration to apply, or null when the database is current. Throws when the database's
 * history is not a prefix of this build's list (a newer build migrated it, or a migration was renamed).
 */
export function nextPendingMigration(
  known: readonly Migration[],
  applied: readonly AppliedMigration[],
): Migration | null {
  const byVersion = new Map(known.map((migration) => [migration.version, migration]));
  for (const row of applied) {
    const match = byVersion.get(row.version);
    if (!match) {
      throw new SrmError(
        'STORAGE_MIGRATION_FAILED',
        `The database has migration ${migrationLabel(row)} applied, which this build does not know. ` +
          'It was probably migrated by a newer srm-bot release: run that release (or newer), or restore a ' +
          'backup taken before the upgrade.',
      );
    }
    if (match.name !== row.name) {
      throw new SrmError(
        'STORAGE_MIGRATION_FAILED',
        `Migration ${row.version} is recorded as ${migrationLabel(row)} in the database but is ` +
          `${migrationLabel(match)} in this build. Applied migrations must never be renamed or renumbered: ` +
          'restore the original name and add a new migration for further changes.',
      );
    }
  }
  const done = new Set(applied.map((row) => row.version));
  return known.find((migration) => !done.has(migration.version)) ?? null;
}

export function migrationFailed(
  migration: Migration,
  currentVersion: number,
  cause: unknown,
): SrmError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new SrmError(
    'STORAGE_MIGRATION_FAILED',
    `Database migration ${migrationLabel(migration)} failed and was rolled back; the database is unchanged ` +
      `(still at schema version ${currentVersion}). Cause: ${reason}. To fix: correct the SQL of ` +
      `${migrationLabel(migration)} in src/storage/migrations/ (or the existing data it trips over), then ` +
      'start again. Migrations already applied are not re-run.',
    { cause },
  );
}
