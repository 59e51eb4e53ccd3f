import type { Storage } from '../../src/core/ports/storage';
import type { CreateStorageOptions } from '../../src/storage/create-storage';
import type { Migration } from '../../src/storage/migrations/migration';

/** One isolated, empty database (a temp SQLite file or a fresh PostgreSQL schema). */
export interface TestDatabase {
  /** What createStorage needs to reach this database, e.g. from another process. May hold a password. */
  options: CreateStorageOptions;
  /** Opens a Storage on this database through createStorage, as the application does. */
  open(options?: { migrations?: readonly Migration[] }): Promise<Storage>;
  /** Tables that exist, sorted by name. */
  tables(): Promise<string[]>;
  /** Versions recorded in schema_migrations, ascending; [] when the table does not exist. */
  appliedVersions(): Promise<number[]>;
  /** Rows in a table, optionally only those whose columns equal the given values. */
  countRows(table: string, where?: Record<string, string>): Promise<number>;
  /** Raw SQL for arranging states the API cannot produce (written to run on both dialects). */
  execute(sql: string): Promise<void>;
}

/** What each backend's test file provides to the one contract suite. */
export interface StorageHarness {
  backend: Storage['backend'];
  freshDatabase(): Promise<TestDatabase>;
  /** After each test: closes every Storage opened and removes the databases created. */
  cleanup(): Promise<void>;
  /** After all tests: releases the harness's own resources. */
  dispose(): Promise<void>;
}

/** Table and column names come from the tests themselves; this guards against typos becoming SQL. */
export function assertIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return name;
}
