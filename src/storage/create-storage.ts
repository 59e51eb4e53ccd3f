import { SrmError } from '../core/errors';
import type { Storage } from '../core/ports/storage';
import type { Migration } from './migrations/migration';
import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage } from './sqlite-storage';

export interface CreateStorageOptions {
  /** When set, PostgreSQL (for several replicas); otherwise SQLite at sqlitePath. May hold a password. */
  databaseUrl?: string;
  sqlitePath: string;
  /** PostgreSQL schema to use instead of the server's default search_path. */
  postgresSchema?: string;
  /** Told when an idle pooled PostgreSQL connection fails (the pool replaces it); for logging. */
  onPostgresIdleError?: (error: Error) => void;
  /** Override for tests (e.g. a deliberately broken migration). */
  migrations?: readonly Migration[];
}

/**
 * Opens the configured backend and brings its schema up to date. Takes options rather than reading
 * the environment: src/config.ts is the only reader of process.env.
 */
export async function createStorage(options: CreateStorageOptions): Promise<Storage> {
  return withCodedErrors(await openStorage(options));
}

/** Every Storage method but close: a failure is rethrown as SrmError STORAGE_FAILED naming the operation. */
const OPERATIONS = [
  'saveConversationRef', 'getConversationRef', 'listConversationRefs', 'recordQuestion', 'recordFeedback', 'report',
  'recordTurn', 'recentTurns', 'pruneTurns', 'claim', 'releaseClaims', 'forgetUser', 'ping',
] as const satisfies readonly (keyof Storage)[];

/**
 * Driver errors (pg, better-sqlite3) become coded errors with the operation and a hint, so logs and callers see one
 * error type from storage whatever the backend; the driver's error stays as the cause.
 */
function withCodedErrors(storage: Storage): Storage {
  const hint = storage.backend === 'postgres' ? 'Check DATABASE_URL and that PostgreSQL is reachable.' : 'Check SQLITE_PATH is writable and not locked.';
  const wrapped: Record<string, unknown> = { backend: storage.backend, close: () => storage.close() };
  for (const operation of OPERATIONS) {
    const method = storage[operation] as (...args: unknown[]) => Promise<unknown>;
    wrapped[operation] = async (...args: unknown[]) => {
      try {
        return await method.apply(storage, args);
      } catch (error) {
        // Coded errors and argument errors (a RangeError for a bad limit) are the caller's to see as they are.
        if (error instanceof SrmError || error instanceof RangeError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new SrmError('STORAGE_FAILED', `${storage.backend} ${operation} failed: ${reason}. ${hint}`, { cause: error });
      }
    };
  }
  return wrapped as unknown as Storage;
}

async function openStorage(options: CreateStorageOptions): Promise<Storage> {
  const databaseUrl = options.databaseUrl?.trim();
  if (databaseUrl) {
    const target = describePostgresTarget(databaseUrl);
    try {
      return await openPostgresStorage({
        connectionString: databaseUrl,
        schema: options.postgresSchema,
        onIdleError: options.onPostgresIdleError,
        migrations: options.migrations,
      });
    } catch (error) {
      throw wrapOpenError(error, `PostgreSQL at ${target}`, 'Check DATABASE_URL and that the server is reachable.');
    }
  }
  try {
    return openSqliteStorage({ path: options.sqlitePath, migrations: options.migrations });
  } catch (error) {
    throw wrapOpenError(
      error,
      `SQLite at ${options.sqlitePath}`,
      'Check SQLITE_PATH points to a writable location that no other program holds locked.',
    );
  }
}

/** host:port/database for messages; the URL itself may carry a password and is never echoed. */
function describePostgresTarget(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new SrmError(
      'CONFIG_INVALID',
      'DATABASE_URL is not a valid URL. Expected postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new SrmError(
      'CONFIG_INVALID',
      `DATABASE_URL must start with postgres:// or postgresql:// (got ${url.protocol}//).`,
    );
  }
  return `${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
}

/** Migration errors already say what to do; anything else (connect, permissions) gets context. */
function wrapOpenError(error: unknown, target: string, hint: string): unknown {
  if (error instanceof SrmError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`Could not open ${target}: ${reason}. ${hint}`, { cause: error });
}
