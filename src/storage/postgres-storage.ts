import { Kysely, PostgresDialect } from 'kysely';
import { Pool, type PoolConfig } from 'pg';
import { POSTGRES_CODEC } from './dialect-codec';
import { KyselyStorage } from './kysely-storage';
import { migratePostgres } from './migrations/migrate-postgres';
import type { Migration } from './migrations/migration';
import { migrations as defaultMigrations } from './migrations/migrations';
import type { StorageTables } from './storage-tables';

export interface PostgresStorageOptions {
  /** May contain a password: never log it. */
  connectionString: string;
  /** Schema to use instead of the server default (sets search_path on every connection). */
  schema?: string;
  poolMax?: number;
  /** Called when an idle pooled connection fails (e.g. the server restarted); the pool replaces it. */
  onIdleError?: (error: Error) => void;
  /** Override for tests (e.g. a deliberately broken migration). */
  migrations?: readonly Migration[];
}

/** PostgreSQL's SQLSTATE for "relation does not exist". */
const UNDEFINED_TABLE = '42P01';
// Restricted so the name can go into the startup options string without quoting.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Storage shared by several replicas: a pg pool, migrated on open, queried through the shared Kysely storage. A
 * database dropped and recreated empty while the bot runs answers "relation does not exist": the schema is migrated
 * again, once for all requests in flight, and the statement retried.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<KyselyStorage> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new RangeError('schema must be a lower-case identifier (letters, digits, underscores)');
  }
  const config: PoolConfig = {
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    // Without a timeout an unreachable server makes start-up hang instead of failing.
    connectionTimeoutMillis: 10_000,
    // A server that accepts connections but never answers must not hold a request (or /readyz) forever.
    query_timeout: 10_000,
  };
  if (options.schema !== undefined) config.options = `-c search_path=${options.schema}`;
  const pool = new Pool(config);
  // An idle client's error is emitted on the pool; with no listener Node would crash the process.
  const onError = options.onIdleError ?? (() => undefined);
  pool.on('error', onError);
  // A checked-out client whose server goes away between queries emits 'error' on itself, not on the pool.
  pool.on('connect', (client) => client.on('error', onError));
  const list = options.migrations ?? defaultMigrations;
  try {
    await migratePostgres(pool, list);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let remigrating: Promise<void> | null = null;
  const onSchemaMissing = async (error: unknown): Promise<boolean> => {
    if ((error as { code?: unknown }).code !== UNDEFINED_TABLE) return false;
    remigrating ??= migratePostgres(pool, list).finally(() => {
      remigrating = null;
    });
    await remigrating;
    return true;
  };
  return new KyselyStorage(new Kysely<StorageTables>({ dialect: new PostgresDialect({ pool }) }), POSTGRES_CODEC, onSchemaMissing);
}
