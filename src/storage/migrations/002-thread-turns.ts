import type { Migration } from './migration';

/**
 * Recent questions per conversation thread, so a follow-up ("and on Fargate?") can be read in the context of the
 * question before it, on any replica. Rows are short-lived: they are deleted once older than the follow-up window,
 * and with the user on "forget me".
 */
export const migration002ThreadTurns: Migration = {
  version: 2,
  name: 'thread-turns',
  sqlite: `
    CREATE TABLE thread_turns (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      platform TEXT NOT NULL,
      thread_key TEXT NOT NULL,
      user_id TEXT NOT NULL,
      question TEXT NOT NULL,
      asked_at INTEGER NOT NULL
    );
    CREATE INDEX thread_turns_thread ON thread_turns (platform, thread_key, asked_at);
    CREATE INDEX thread_turns_user ON thread_turns (platform, user_id);
  `,
  postgres: `
    CREATE TABLE thread_turns (
      id BIGSERIAL PRIMARY KEY,
      platform TEXT NOT NULL,
      thread_key TEXT NOT NULL,
      user_id TEXT NOT NULL,
      question TEXT NOT NULL,
      asked_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX thread_turns_thread ON thread_turns (platform, thread_key, asked_at);
    CREATE INDEX thread_turns_user ON thread_turns (platform, user_id);
  `,
};
