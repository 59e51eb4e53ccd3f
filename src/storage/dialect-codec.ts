import { sql, type RawBuilder } from 'kysely';

/**
 * How each database stores what SQL cannot agree on: timestamps (epoch milliseconds on SQLite, timestamptz on
 * PostgreSQL), booleans (0/1 vs boolean), JSON (text vs jsonb) and byte-wise ordering (SQLite's default vs
 * COLLATE "C"). Everything else is one typed query per operation for both.
 */
export interface DialectCodec {
  backend: 'sqlite' | 'postgres';
  time(date: Date): number | Date;
  readTime(value: unknown): Date;
  bool(value: boolean): number | boolean;
  json(value: Record<string, unknown>): string;
  readJson(value: unknown): Record<string, unknown>;
  /** A column ordered by code point. */
  byteOrder(column: string): RawBuilder<string>;
}

export const SQLITE_CODEC: DialectCodec = {
  backend: 'sqlite',
  time: (date) => date.getTime(),
  readTime: (value) => new Date(Number(value)),
  bool: (value) => (value ? 1 : 0),
  json: (value) => JSON.stringify(value),
  readJson: (value) => JSON.parse(String(value)) as Record<string, unknown>,
  byteOrder: (column) => sql<string>`${sql.ref(column)}`,
};

export const POSTGRES_CODEC: DialectCodec = {
  backend: 'postgres',
  time: (date) => date,
  readTime: (value) => (value instanceof Date ? value : new Date(String(value))),
  bool: (value) => value,
  // Stringified explicitly: pg would turn a top-level array into a PostgreSQL array literal.
  json: (value) => JSON.stringify(value),
  readJson: (value) => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : (value as Record<string, unknown>)),
  byteOrder: (column) => sql<string>`${sql.ref(column)} collate "C"`,
};
