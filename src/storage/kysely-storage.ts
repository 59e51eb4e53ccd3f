import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type {
  ConversationRefRecord,
  FeedbackRecord,
  KnowledgeReport,
  Platform,
  QuestionRecord,
  Storage,
  ThreadTurn,
} from '../core/ports/storage';
import type { DialectCodec } from './dialect-codec';
import { SCHEMA_MIGRATIONS_TABLE } from './migrations/migration';
import type { StorageTables } from './storage-tables';
import { questionKey, resolveReportLimit } from './storage-values';

type RefRow = { platform: string; conversation_key: string; tenant_id: string | null; user_id: string | null; reference: unknown; updated_at: unknown };

/**
 * The Storage port on Kysely, the same code for SQLite and PostgreSQL. `onSchemaMissing` lets PostgreSQL re-run its
 * migrations when the database was recreated empty under a running bot; the statement is then retried once.
 */
export class KyselyStorage implements Storage {
  readonly backend: 'sqlite' | 'postgres';
  private closed = false;

  constructor(
    private readonly db: Kysely<StorageTables>,
    private readonly codec: DialectCodec,
    private readonly onSchemaMissing: (error: unknown) => Promise<boolean> = async () => false,
    /**
     * Runs statements atomically without yielding, where the driver can (better-sqlite3 is synchronous): a SQLite
     * transaction held across awaits would block the other connections of this very process on the file lock.
     */
    private readonly atomic?: (statements: CompiledQuery[]) => Promise<number>,
  ) {
    this.backend = codec.backend;
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('storage is closed');
    try {
      return await work();
    } catch (error) {
      if (await this.onSchemaMissing(error)) return await work();
      throw error;
    }
  }

  private toRef(row: RefRow): ConversationRefRecord {
    return {
      platform: row.platform as Platform,
      conversationKey: row.conversation_key,
      tenantId: row.tenant_id,
      userId: row.user_id,
      reference: this.codec.readJson(row.reference),
      updatedAt: this.codec.readTime(row.updated_at),
    };
  }

  async saveConversationRef(ref: ConversationRefRecord): Promise<void> {
    const row = {
      platform: ref.platform,
      conversation_key: ref.conversationKey,
      tenant_id: ref.tenantId,
      user_id: ref.userId ?? null,
      reference: this.codec.json(ref.reference),
      updated_at: this.codec.time(ref.updatedAt),
    };
    await this.run(() =>
      this.db
        .insertInto('conversation_refs')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['platform', 'conversation_key']).doUpdateSet((eb) => ({
            tenant_id: eb.ref('excluded.tenant_id'),
            user_id: eb.ref('excluded.user_id'),
            reference: eb.ref('excluded.reference'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute(),
    );
  }

  async getConversationRef(platform: Platform, conversationKey: string): Promise<ConversationRefRecord | null> {
    const row = await this.run(() =>
      this.db.selectFrom('conversation_refs').selectAll().where('platform', '=', platform).where('conversation_key', '=', conversationKey).executeTakeFirst(),
    );
    return row ? this.toRef(row) : null;
  }

  async listConversationRefs(platform?: Platform): Promise<ConversationRefRecord[]> {
    let query = this.db.selectFrom('conversation_refs').selectAll();
    if (platform !== undefined) query = query.where('platform', '=', platform);
    const rows = await this.run(() => query.orderBy('platform').orderBy(this.codec.byteOrder('conversation_key')).execute());
    return rows.map((row) => this.toRef(row));
  }

  async recordQuestion(question: QuestionRecord): Promise<void> {
    await this.run(() =>
      this.db
        .insertInto('questions')
        .values({
          platform: question.platform,
          user_id: question.userId,
          question: question.question,
          question_key: questionKey(question.question),
          intent: question.intent,
          topic: question.topic,
          confidence: question.confidence,
          answered: this.codec.bool(question.answered),
          asked_at: this.codec.time(question.askedAt),
        })
        .execute(),
    );
  }

  async recordFeedback(feedback: FeedbackRecord): Promise<void> {
    await this.run(() =>
      this.db
        .insertInto('feedback')
        .values({
          platform: feedback.platform,
          user_id: feedback.userId,
          answer_id: feedback.answerId,
          question: feedback.question,
          topic: feedback.topic,
          confidence: feedback.confidence,
          vote: feedback.vote,
          created_at: this.codec.time(feedback.createdAt),
        })
        .onConflict((oc) =>
          oc.columns(['platform', 'user_id', 'answer_id']).doUpdateSet((eb) => ({
            question: eb.ref('excluded.question'),
            topic: eb.ref('excluded.topic'),
            confidence: eb.ref('excluded.confidence'),
            vote: eb.ref('excluded.vote'),
            created_at: eb.ref('excluded.created_at'),
          })),
        )
        .execute(),
    );
  }

  async report(since: Date, limit?: number): Promise<KnowledgeReport> {
    const max = resolveReportLimit(limit);
    const from = this.codec.time(since);
    const order = (column: string) => this.codec.byteOrder(column);
    // COUNT/SUM come back as bigint (strings) on PostgreSQL: cast to int, safe at report sizes.
    const count = sql<number>`cast(count(*) as integer)`;
    const [topTopics, unanswered, feedback] = await this.run(() =>
      Promise.all([
        this.db
          .selectFrom('questions')
          .select(['topic', count.as('count')])
          .where('asked_at', '>=', from)
          .where('topic', 'is not', null)
          .groupBy('topic')
          .orderBy(sql`count(*)`, 'desc')
          .orderBy(order('topic'))
          .limit(max)
          .execute(),
        this.db
          .selectFrom('questions')
          .select([sql<string>`min(${order('question')})`.as('question'), count.as('count'), sql<unknown>`max(asked_at)`.as('last_asked_at')])
          .where('asked_at', '>=', from)
          .where('answered', '=', this.codec.bool(false))
          .groupBy('question_key')
          .orderBy(sql`count(*)`, 'desc')
          .orderBy(sql`max(asked_at)`, 'desc')
          .orderBy(order('question_key'))
          .limit(max)
          .execute(),
        this.db
          .selectFrom('feedback')
          .select([
            'topic',
            sql<number>`cast(sum(case when vote = 'up' then 1 else 0 end) as integer)`.as('up'),
            sql<number>`cast(sum(case when vote = 'down' then 1 else 0 end) as integer)`.as('down'),
          ])
          .where('created_at', '>=', from)
          .where('topic', 'is not', null)
          .groupBy('topic')
          .orderBy(sql`count(*)`, 'desc')
          .orderBy(order('topic'))
          .limit(max)
          .execute(),
      ]),
    );
    return {
      since,
      topTopics: topTopics.map((row) => ({ topic: String(row.topic), count: Number(row.count) })),
      unanswered: unanswered.map((row) => ({ question: row.question, count: Number(row.count), lastAskedAt: this.codec.readTime(row.last_asked_at) })),
      feedback: feedback.map((row) => ({ topic: String(row.topic), up: Number(row.up), down: Number(row.down) })),
    };
  }

  async recordTurn(turn: ThreadTurn): Promise<void> {
    await this.run(() =>
      this.db
        .insertInto('thread_turns')
        .values({ platform: turn.platform, thread_key: turn.threadKey, user_id: turn.userId, question: turn.question, asked_at: this.codec.time(turn.askedAt) })
        .execute(),
    );
  }

  async recentTurns(platform: Platform, threadKey: string, since: Date, limit: number): Promise<ThreadTurn[]> {
    const rows = await this.run(() =>
      this.db
        .selectFrom('thread_turns')
        .select(['platform', 'thread_key', 'user_id', 'question', 'asked_at'])
        .where('platform', '=', platform)
        .where('thread_key', '=', threadKey)
        .where('asked_at', '>=', this.codec.time(since))
        .orderBy('asked_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    );
    return rows.reverse().map((row) => ({ platform: row.platform as Platform, threadKey: row.thread_key, userId: row.user_id, question: row.question, askedAt: this.codec.readTime(row.asked_at) }));
  }

  async pruneTurns(before: Date): Promise<number> {
    const result = await this.run(() => this.db.deleteFrom('thread_turns').where('asked_at', '<', this.codec.time(before)).executeTakeFirst());
    return Number(result.numDeletedRows);
  }

  async claim(key: string, holder: string): Promise<boolean> {
    // The primary key decides: under concurrent inserts exactly one succeeds, the rest do nothing.
    const result = await this.run(() =>
      this.db
        .insertInto('claims')
        .values({ key, holder, claimed_at: this.codec.time(new Date()) })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst(),
    );
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async releaseClaims(prefix: string, before: Date): Promise<number> {
    // substr rather than LIKE: a prefix may contain % or _.
    const result = await this.run(() =>
      this.db
        .deleteFrom('claims')
        .where(sql`substr(key, 1, ${prefix.length})`, '=', prefix)
        .where('claimed_at', '<', this.codec.time(before))
        .executeTakeFirst(),
    );
    return Number(result.numDeletedRows);
  }

  async forgetUser(platform: Platform, userId: string): Promise<number> {
    const deletes = (['feedback', 'questions', 'thread_turns', 'conversation_refs'] as const).map((table) =>
      this.db.deleteFrom(table).where('platform', '=', platform).where('user_id', '=', userId).compile(),
    );
    return this.run(() => (this.atomic ? this.atomic(deletes) : this.inTransaction(deletes)));
  }

  /** Runs statements in one transaction on one connection; resolves the rows they changed. */
  private inTransaction(statements: CompiledQuery[]): Promise<number> {
    return this.db.connection().execute(async (connection) => {
      await sql.raw('begin').execute(connection);
      try {
        let changed = 0;
        for (const statement of statements) changed += Number((await connection.executeQuery(statement)).numAffectedRows ?? 0);
        await sql.raw('commit').execute(connection);
        return changed;
      } catch (error) {
        await sql.raw('rollback').execute(connection).catch(() => undefined);
        throw error;
      }
    });
  }

  async ping(): Promise<void> {
    await this.run(() => sql`select 1 from ${sql.table(SCHEMA_MIGRATIONS_TABLE)} limit 1`.execute(this.db));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }
}
