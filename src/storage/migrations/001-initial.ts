import type { Migration } from './migration';

/**
 * The first schema. Timestamps are epoch milliseconds (INTEGER) on SQLite, so ordering and `since`
 * comparisons are numeric, and timestamptz on PostgreSQL. user_id on conversation_refs is set for
 * one-to-one conversations only, so forgetUser can remove a user's DM reference.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'initial',
  sqlite: `
    CREATE TABLE conversation_refs (
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
      conversation_key TEXT NOT NULL,
      tenant_id TEXT,
      user_id TEXT,
      reference TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (platform, conversation_key)
    );
    CREATE INDEX conversation_refs_user ON conversation_refs (platform, user_id);

    CREATE TABLE feedback (
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
      user_id TEXT NOT NULL,
      answer_id TEXT NOT NULL,
      question TEXT NOT NULL,
      topic TEXT,
      confidence REAL NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (platform, user_id, answer_id)
    );
    CREATE INDEX feedback_created_at ON feedback (created_at);

    CREATE TABLE questions (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams', 'cli')),
      user_id TEXT NOT NULL,
      question TEXT NOT NULL,
      question_key TEXT NOT NULL,
      intent TEXT NOT NULL,
      topic TEXT,
      confidence REAL NOT NULL,
      answered INTEGER NOT NULL CHECK (answered IN (0, 1)),
      asked_at INTEGER NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE INDEX questions_user ON questions (platform, user_id);

    CREATE TABLE claims (
      key TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      claimed_at INTEGER NOT NULL
    );
  `,
  postgres: `
    CREATE TABLE conversation_refs (
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
      conversation_key TEXT NOT NULL,
      tenant_id TEXT,
      user_id TEXT,
      reference JSONB NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, conversation_key)
    );
    CREATE INDEX conversation_refs_user ON conversation_refs (platform, user_id);

    CREATE TABLE feedback (
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams')),
      user_id TEXT NOT NULL,
      answer_id TEXT NOT NULL,
      question TEXT NOT NULL,
      topic TEXT,
      confidence DOUBLE PRECISION NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
      created_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (platform, user_id, answer_id)
    );
    CREATE INDEX feedback_created_at ON feedback (created_at);

    CREATE TABLE questions (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      platform TEXT NOT NULL CHECK (platform IN ('slack', 'teams', 'cli')),
      user_id TEXT NOT NULL,
      question TEXT NOT NULL,
      question_key TEXT NOT NULL,
      intent TEXT NOT NULL,
      topic TEXT,
      confidence DOUBLE PRECISION NOT NULL,
      answered BOOLEAN NOT NULL,
      asked_at TIMESTAMPTZ NOT NULL
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE INDEX questions_user ON questions (platform, user_id);

    CREATE TABLE claims (
      key TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      claimed_at TIMESTAMPTZ NOT NULL
    );
  `,
};
