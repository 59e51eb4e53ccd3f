import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them (the schema comes from the migrations). Timestamps are epoch milliseconds on
 * SQLite and timestamptz on PostgreSQL, booleans 0/1 or boolean, JSON text or jsonb: kysely-storage.ts's codec
 * converts, so these column types admit both.
 */
type Time = number | Date;

export interface StorageTables {
  conversation_refs: { platform: string; conversation_key: string; tenant_id: string | null; user_id: string | null; reference: unknown; updated_at: Time };
  questions: {
    id: Generated<number>;
    platform: string;
    user_id: string;
    question: string;
    question_key: string;
    intent: string;
    topic: string | null;
    confidence: number;
    answered: number | boolean;
    asked_at: Time;
  };
  feedback: { platform: string; user_id: string; answer_id: string; question: string; topic: string | null; confidence: number; vote: string; created_at: Time };
  claims: { key: string; holder: string; claimed_at: Time };
  thread_turns: { id: Generated<number>; platform: string; thread_key: string; user_id: string; question: string; asked_at: Time };
}
