import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  ConversationRefRecord,
  FeedbackRecord,
  KnowledgeReport,
  Platform,
  QuestionRecord,
  ThreadTurn,
  Storage,
} from '../core/ports/storage';
import { migrateSqlite } from './migrations/migrate-sqlite';
import type { Migration } from './migrations/migration';
import { migrations as defaultMigrations } from './migrations/migrations';
import { questionKey, resolveReportLimit, REF_COLUMNS } from './storage-values';

export interface SqliteStorageOptions {
  /** File path; its directory is created. ':memory:' works for throwaway use. */
  path: string;
  /** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** Override for tests (e.g. a deliberately broken migration). */
  migrations?: readonly Migration[];
}

interface RefRow {
  platform: Platform;
  conversation_key: string;
  tenant_id: string | null;
  user_id: string | null;
  reference: string;
  updated_at: number;
}


/** Single-instance storage. better-sqlite3 is synchronous; the async methods keep the port uniform. */
export class SqliteStorage implements Storage {
  readonly backend = 'sqlite' as const;
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating if needed) the database file and applies pending migrations. */
  static open(options: SqliteStorageOptions): SqliteStorage {
    if (options.path !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    const db = new Database(options.path);
    try {
      // WAL lets readers run while one writer commits; busy_timeout makes a second writer (another
      // connection or process) wait for the lock instead of failing at once.
      db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      // In WAL mode NORMAL cannot corrupt the database; it may lose the last commits on power loss.
      db.pragma('synchronous = NORMAL');
      migrateSqlite(db, options.migrations ?? defaultMigrations);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStorage(db);
  }

  async saveConversationRef(ref: ConversationRefRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO conversation_refs (${REF_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, conversation_key) DO UPDATE SET
           tenant_id = excluded.tenant_id, user_id = excluded.user_id,
           reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(
        ref.platform,
        ref.conversationKey,
        ref.tenantId,
        ref.userId ?? null,
        JSON.stringify(ref.reference),
        ref.updatedAt.getTime(),
      );
  }

  async getConversationRef(platform: Platform, conversationKey: string): Promise<ConversationRefRecord | null> {
    const row = this.db
      .prepare<[string, string], RefRow>(
        `SELECT ${REF_COLUMNS} FROM conversation_refs WHERE platform = ? AND conversation_key = ?`,
      )
      .get(platform, conversationKey);
    return row ? toRef(row) : null;
  }

  async listConversationRefs(platform?: Platform): Promise<ConversationRefRecord[]> {
    const rows =
      platform === undefined
        ? this.db
            .prepare<[], RefRow>(`SELECT ${REF_COLUMNS} FROM conversation_refs ORDER BY platform, conversation_key`)
            .all()
        : this.db
            .prepare<[string], RefRow>(
              `SELECT ${REF_COLUMNS} FROM conversation_refs WHERE platform = ? ORDER BY conversation_key`,
            )
            .all(platform);
    return rows.map(toRef);
  }

  async recordQuestion(question: QuestionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO questions
           (platform, user_id, question, question_key, intent, topic, confidence, answered, asked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        question.platform,
        question.userId,
        question.question,
        questionKey(question.question),
        question.intent,
        question.topic,
        question.confidence,
        question.answered ? 1 : 0,
        question.askedAt.getTime(),
      );
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feedback (platform, user_id, answer_id, question, topic, confidence, vote, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, user_id, answer_id) DO UPDATE SET
           question = excluded.question, topic = excluded.topic, confidence = excluded.confidence,
           vote = excluded.vote, created_at = excluded.created_at`,
      )
      .run(
        feedback.platform,
        feedback.userId,
        feedback.answerId,
        feedback.question,
        feedback.topic,
        feedback.confidence,
        feedback.vote,
        feedback.createdAt.getTime(),
      );
  }

  async report(since: Date, limit?: number): Promise<KnowledgeReport> {
    const max = resolveReportLimit(limit);
    const from = since.getTime();
    const topTopics = this.db
      .prepare<[number, number], { topic: string; count: number }>(
        `SELECT topic, COUNT(*) AS count FROM questions
         WHERE asked_at >= ? AND topic IS NOT NULL
         GROUP BY topic ORDER BY COUNT(*) DESC, topic ASC LIMIT ?`,
      )
      .all(from, max);
    const unanswered = this.db
      .prepare<[number, number], { question: string; count: number; last_asked_at: number }>(
        `SELECT MIN(question) AS question, COUNT(*) AS count, MAX(asked_at) AS last_asked_at FROM questions
         WHERE asked_at >= ? AND answered = 0
         GROUP BY question_key ORDER BY COUNT(*) DESC, MAX(asked_at) DESC, question_key ASC LIMIT ?`,
      )
      .all(from, max);
    const feedback = this.db
      .prepare<[number, number], { topic: string; up: number; down: number }>(
        `SELECT topic,
           SUM(CASE WHEN vote = 'up' THEN 1 ELSE 0 END) AS up,
           SUM(CASE WHEN vote = 'down' THEN 1 ELSE 0 END) AS down
         FROM feedback WHERE created_at >= ? AND topic IS NOT NULL
         GROUP BY topic ORDER BY COUNT(*) DESC, topic ASC LIMIT ?`,
      )
      .all(from, max);
    return {
      since,
      topTopics,
      unanswered: unanswered.map((row) => ({
        question: row.question,
        count: row.count,
        lastAskedAt: new Date(row.last_asked_at),
      })),
      feedback,
    };
  }

  async claim(key: string, holder: string): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO claims (key, holder, claimed_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING')
      .run(key, holder, Date.now());
    return result.changes === 1;
  }

  async recordTurn(turn: ThreadTurn): Promise<void> {
    this.db
      .prepare('INSERT INTO thread_turns (platform, thread_key, user_id, question, asked_at) VALUES (?, ?, ?, ?, ?)')
      .run(turn.platform, turn.threadKey, turn.userId, turn.question, turn.askedAt.getTime());
  }

  async recentTurns(platform: Platform, threadKey: string, since: Date, limit: number): Promise<ThreadTurn[]> {
    const rows = this.db
      .prepare(
        `SELECT platform, thread_key, user_id, question, asked_at FROM thread_turns
         WHERE platform = ? AND thread_key = ? AND asked_at >= ? ORDER BY asked_at DESC, id DESC LIMIT ?`,
      )
      .all(platform, threadKey, since.getTime(), limit) as { platform: Platform; thread_key: string; user_id: string; question: string; asked_at: number }[];
    return rows.reverse().map((row) => ({ platform: row.platform, threadKey: row.thread_key, userId: row.user_id, question: row.question, askedAt: new Date(row.asked_at) }));
  }

  async pruneTurns(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM thread_turns WHERE asked_at < ?').run(before.getTime()).changes;
  }

  async releaseClaims(prefix: string, before: Date): Promise<number> {
    // substr rather than LIKE: a prefix may contain % or _.
    return this.db
      .prepare('DELETE FROM claims WHERE substr(key, 1, ?) = ? AND claimed_at < ?')
      .run(prefix.length, prefix, before.getTime()).changes;
  }

  async forgetUser(platform: Platform, userId: string): Promise<number> {
    const forget = this.db.transaction((): number => {
      let removed = 0;
      for (const table of ['feedback', 'questions', 'thread_turns', 'conversation_refs']) {
        const statement = this.db.prepare(`DELETE FROM ${table} WHERE platform = ? AND user_id = ?`);
        removed += statement.run(platform, userId).changes;
      }
      return removed;
    });
    return forget.immediate();
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1 FROM schema_migrations LIMIT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toRef(row: RefRow): ConversationRefRecord {
  return {
    platform: row.platform,
    conversationKey: row.conversation_key,
    tenantId: row.tenant_id,
    userId: row.user_id,
    reference: JSON.parse(row.reference) as Record<string, unknown>,
    updatedAt: new Date(row.updated_at),
  };
}
