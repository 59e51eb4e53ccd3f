import { Pool, type PoolConfig, type QueryResult, type QueryResultRow } from 'pg';
import type {
  ConversationRefRecord,
  FeedbackRecord,
  KnowledgeReport,
  Platform,
  QuestionRecord,
  ThreadTurn,
  Storage,
} from '../core/ports/storage';
import { migratePostgres } from './migrations/migrate-postgres';
import { SCHEMA_MIGRATIONS_TABLE, type Migration } from './migrations/migration';
import { migrations as defaultMigrations } from './migrations/migrations';
import { questionKey, resolveReportLimit, REF_COLUMNS } from './storage-values';

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

interface RefRow {
  platform: Platform;
  conversation_key: string;
  tenant_id: string | null;
  user_id: string | null;
  reference: Record<string, unknown>;
  updated_at: Date;
}

/** PostgreSQL's SQLSTATE for "relation does not exist". */
const UNDEFINED_TABLE = '42P01';

// Restricted so the name can go into the startup options string without quoting.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Storage shared by several replicas. Every statement is parameterised. */
export class PostgresStorage implements Storage {
  readonly backend = 'postgres' as const;
  private readonly pool: Pool;
  private readonly migrations: readonly Migration[];
  private closed = false;
  /** The one migration run in flight after the schema was found missing (single-flight across requests). */
  private remigrating: Promise<void> | null = null;

  private constructor(pool: Pool, migrations: readonly Migration[]) {
    this.pool = pool;
    this.migrations = migrations;
  }

  /**
   * Every statement goes through here. A database that was dropped and recreated empty while the bot ran answers
   * "relation does not exist" (42P01): the schema is migrated again, once, and the statement retried.
   */
  private async query<R extends QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, params);
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNDEFINED_TABLE) throw error;
      this.remigrating ??= migratePostgres(this.pool, this.migrations).finally(() => {
        this.remigrating = null;
      });
      await this.remigrating;
      return await this.pool.query<R>(text, params);
    }
  }

  async ping(): Promise<void> {
    await this.query(`SELECT 1 FROM ${SCHEMA_MIGRATIONS_TABLE} LIMIT 1`);
  }

  /** Creates the pool, checks the connection and applies pending migrations. */
  static async open(options: PostgresStorageOptions): Promise<PostgresStorage> {
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
    pool.on('error', options.onIdleError ?? (() => undefined));
    try {
      await migratePostgres(pool, options.migrations ?? defaultMigrations);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStorage(pool, options.migrations ?? defaultMigrations);
  }

  async saveConversationRef(ref: ConversationRefRecord): Promise<void> {
    await this.query(
      `INSERT INTO conversation_refs (${REF_COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (platform, conversation_key) DO UPDATE SET
         tenant_id = EXCLUDED.tenant_id, user_id = EXCLUDED.user_id,
         reference = EXCLUDED.reference, updated_at = EXCLUDED.updated_at`,
      [
        ref.platform,
        ref.conversationKey,
        ref.tenantId,
        ref.userId ?? null,
        // Stringified explicitly: pg would turn a top-level array into a PostgreSQL array literal.
        JSON.stringify(ref.reference),
        ref.updatedAt,
      ],
    );
  }

  async getConversationRef(platform: Platform, conversationKey: string): Promise<ConversationRefRecord | null> {
    const { rows } = await this.query<RefRow>(
      `SELECT ${REF_COLUMNS} FROM conversation_refs WHERE platform = $1 AND conversation_key = $2`,
      [platform, conversationKey],
    );
    return rows[0] ? toRef(rows[0]) : null;
  }

  async listConversationRefs(platform?: Platform): Promise<ConversationRefRecord[]> {
    // COLLATE "C" orders by code point, as SQLite's default BINARY collation does.
    const { rows } =
      platform === undefined
        ? await this.query<RefRow>(
            `SELECT ${REF_COLUMNS} FROM conversation_refs ORDER BY platform, conversation_key COLLATE "C"`,
          )
        : await this.query<RefRow>(
            `SELECT ${REF_COLUMNS} FROM conversation_refs WHERE platform = $1 ORDER BY conversation_key COLLATE "C"`,
            [platform],
          );
    return rows.map(toRef);
  }

  async recordQuestion(question: QuestionRecord): Promise<void> {
    await this.query(
      `INSERT INTO questions
         (platform, user_id, question, question_key, intent, topic, confidence, answered, asked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        question.platform,
        question.userId,
        question.question,
        questionKey(question.question),
        question.intent,
        question.topic,
        question.confidence,
        question.answered,
        question.askedAt,
      ],
    );
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    await this.query(
      `INSERT INTO feedback (platform, user_id, answer_id, question, topic, confidence, vote, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (platform, user_id, answer_id) DO UPDATE SET
         question = EXCLUDED.question, topic = EXCLUDED.topic, confidence = EXCLUDED.confidence,
         vote = EXCLUDED.vote, created_at = EXCLUDED.created_at`,
      [
        feedback.platform,
        feedback.userId,
        feedback.answerId,
        feedback.question,
        feedback.topic,
        feedback.confidence,
        feedback.vote,
        feedback.createdAt,
      ],
    );
  }

  async report(since: Date, limit?: number): Promise<KnowledgeReport> {
    const params = [since, resolveReportLimit(limit)];
    // COUNT/SUM come back as bigint, which pg returns as strings; ::int is safe at report sizes.
    const [topTopics, unanswered, feedback] = await Promise.all([
      this.query<{ topic: string; count: number }>(
        `SELECT topic, COUNT(*)::int AS count FROM questions
         WHERE asked_at >= $1 AND topic IS NOT NULL
         GROUP BY topic ORDER BY COUNT(*) DESC, topic COLLATE "C" ASC LIMIT $2`,
        params,
      ),
      this.query<{ question: string; count: number; last_asked_at: Date }>(
        `SELECT MIN(question COLLATE "C") AS question, COUNT(*)::int AS count, MAX(asked_at) AS last_asked_at
         FROM questions WHERE asked_at >= $1 AND answered = false
         GROUP BY question_key ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, question_key COLLATE "C" ASC LIMIT $2`,
        params,
      ),
      this.query<{ topic: string; up: number; down: number }>(
        `SELECT topic,
           SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END)::int AS up,
           SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END)::int AS down
         FROM feedback WHERE created_at >= $1 AND topic IS NOT NULL
         GROUP BY topic ORDER BY COUNT(*) DESC, topic COLLATE "C" ASC LIMIT $2`,
        params,
      ),
    ]);
    return {
      since,
      topTopics: topTopics.rows,
      unanswered: unanswered.rows.map((row) => ({
        question: row.question,
        count: row.count,
        lastAskedAt: row.last_asked_at,
      })),
      feedback: feedback.rows,
    };
  }

  async claim(key: string, holder: string): Promise<boolean> {
    // The primary key decides: under concurrent inserts exactly one succeeds, the rest do nothing.
    const result = await this.query(
      'INSERT INTO claims (key, holder, claimed_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO NOTHING',
      [key, holder],
    );
    return result.rowCount === 1;
  }

  async recordTurn(turn: ThreadTurn): Promise<void> {
    await this.query('INSERT INTO thread_turns (platform, thread_key, user_id, question, asked_at) VALUES ($1, $2, $3, $4, $5)', [
      turn.platform,
      turn.threadKey,
      turn.userId,
      turn.question,
      turn.askedAt,
    ]);
  }

  async recentTurns(platform: Platform, threadKey: string, since: Date, limit: number): Promise<ThreadTurn[]> {
    const { rows } = await this.query<{ platform: Platform; thread_key: string; user_id: string; question: string; asked_at: Date }>(
      `SELECT platform, thread_key, user_id, question, asked_at FROM thread_turns
       WHERE platform = $1 AND thread_key = $2 AND asked_at >= $3 ORDER BY asked_at DESC, id DESC LIMIT $4`,
      [platform, threadKey, since, limit],
    );
    return rows.reverse().map((row) => ({ platform: row.platform, threadKey: row.thread_key, userId: row.user_id, question: row.question, askedAt: row.asked_at }));
  }

  async pruneTurns(before: Date): Promise<number> {
    return (await this.query('DELETE FROM thread_turns WHERE asked_at < $1', [before])).rowCount ?? 0;
  }

  async releaseClaims(prefix: string, before: Date): Promise<number> {
    const result = await this.query('DELETE FROM claims WHERE left(key, $1) = $2 AND claimed_at < $3', [prefix.length, prefix, before]);
    return result.rowCount ?? 0;
  }

  async forgetUser(platform: Platform, userId: string): Promise<number> {
    // One statement, so the three deletes commit or fail together without holding a client.
    const { rows } = await this.query<{ removed: number }>(
      `WITH f AS (DELETE FROM feedback WHERE platform = $1 AND user_id = $2 RETURNING 1),
            q AS (DELETE FROM questions WHERE platform = $1 AND user_id = $2 RETURNING 1),
            t AS (DELETE FROM thread_turns WHERE platform = $1 AND user_id = $2 RETURNING 1),
            c AS (DELETE FROM conversation_refs WHERE platform = $1 AND user_id = $2 RETURNING 1)
       SELECT ((SELECT COUNT(*) FROM f) + (SELECT COUNT(*) FROM q) + (SELECT COUNT(*) FROM t) + (SELECT COUNT(*) FROM c))::int AS removed`,
      [platform, userId],
    );
    return rows[0]?.removed ?? 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function toRef(row: RefRow): ConversationRefRecord {
  return {
    platform: row.platform,
    conversationKey: row.conversation_key,
    tenantId: row.tenant_id,
    userId: row.user_id,
    reference: row.reference,
    updatedAt: row.updated_at,
  };
}
