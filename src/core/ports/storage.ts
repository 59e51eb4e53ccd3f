/**
 * The persistence port. The core depends on this interface only; src/storage implements it on
 * SQLite (single instance) and PostgreSQL (several replicas). Every method must behave the same on
 * both: tests/contract runs one suite against each.
 */

import type { Platform } from '../types';

export type { Platform };

/** Where a proactive message can be sent later (quiz posts, onboarding DMs). */
export interface ConversationRefRecord {
  platform: Platform;
  /** Stable key: Slack `team:channel`, Teams conversation id. */
  conversationKey: string;
  /** Slack team id or Teams tenant id, when known. */
  tenantId: string | null;
  /** Platform-specific reference (Teams ConversationReference incl. serviceUrl; Slack team/channel). */
  reference: Record<string, unknown>;
  updatedAt: Date;
  /**
   * The user a one-to-one conversation (Slack DM, Teams personal chat) belongs to, so forgetUser can
   * remove it; null or absent for channels and group chats. Read back as null when not set.
   */
  userId?: string | null;
}

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  platform: Platform;
  userId: string;
  /** Identifies the answer voted on (stable per question + topic), so a user has one vote per answer. */
  answerId: string;
  question: string;
  topic: string | null;
  confidence: number;
  vote: Vote;
  createdAt: Date;
}

export interface QuestionRecord {
  platform: Platform | 'cli';
  userId: string;
  question: string;
  intent: string;
  topic: string | null;
  confidence: number;
  /** False when the engine could not answer confidently (did-you-mean or unknown). */
  answered: boolean;
  askedAt: Date;
}

/** One question asked in a conversation thread, kept briefly so a follow-up can be read in its context. */
export interface ThreadTurn {
  platform: Platform;
  /** Slack `team:channel:thread`, Teams conversation id (a channel thread has its own). */
  threadKey: string;
  userId: string;
  question: string;
  askedAt: Date;
}

export interface KnowledgeReport {
  since: Date;
  topTopics: { topic: string; count: number }[];
  unanswered: { question: string; count: number; lastAskedAt: Date }[];
  feedback: { topic: string; up: number; down: number }[];
}

export interface Storage {
  readonly backend: 'sqlite' | 'postgres';
  saveConversationRef(ref: ConversationRefRecord): Promise<void>;
  getConversationRef(platform: Platform, conversationKey: string): Promise<ConversationRefRecord | null>;
  listConversationRefs(platform?: Platform): Promise<ConversationRefRecord[]>;
  recordQuestion(question: QuestionRecord): Promise<void>;
  /** Upsert: one vote per (platform, user, answer); a second vote replaces the first. */
  recordFeedback(feedback: FeedbackRecord): Promise<void>;
  report(since: Date, limit?: number): Promise<KnowledgeReport>;
  recordTurn(turn: ThreadTurn): Promise<void>;
  /** The thread's questions asked at or after `since`, oldest first, at most `limit` (the newest ones). */
  recentTurns(platform: Platform, threadKey: string, since: Date, limit: number): Promise<ThreadTurn[]>;
  /** Deletes turns older than `before`; resolves how many. */
  pruneTurns(before: Date): Promise<number>;
  /** Claims a unique key (e.g. `quiz:C123:2026-11-23`). Resolves true for exactly one caller across replicas. */
  claim(key: string, holder: string): Promise<boolean>;
  /** Deletes claims whose key starts with `prefix` and that were made before `before`; resolves how many. */
  releaseClaims(prefix: string, before: Date): Promise<number>;
  /**
   * Deletes every row that names this user (feedback, questions, thread turns, their one-to-one conversation refs);
   * resolves the number of rows removed. Claims hold replica ids, not users, and are kept.
   */
  forgetUser(platform: Platform, userId: string): Promise<number>;
  /**
   * Resolves when the database answers and its schema is in place (re-running migrations if it came back empty);
   * rejects otherwise. /readyz calls it.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}
