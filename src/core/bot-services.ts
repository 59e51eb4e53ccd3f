import { systemClock, type Clock } from './ports/clock';
import type { Storage } from './ports/storage';
import type { Incoming } from './types';

/** A best-effort write that takes longer than this is given up on (and reported); the answer has long gone out. */
const BEST_EFFORT_TIMEOUT_MS = 3000;
/** Rounds of waiting in settled(): an answer, then the writes it queued, then a margin. */
const SETTLE_ROUNDS = 3;
/** Bounds the in-memory record of stored conversations; clearing it only costs a few repeated upserts. */
const MAX_REMEMBERED_CONVERSATIONS = 10_000;

export interface BotServicesOptions {
  storage?: Storage;
  clock?: Clock;
  onStorageError?: (operation: string, error: unknown) => void;
}

/**
 * What every feature shares: storage, the clock, and best-effort writes. Answering needs no database: records are
 * written after the answer is built, without the caller waiting, and bounded by a timeout, so a database outage
 * costs records, not answers.
 */
export class BotServices {
  readonly storage: Storage | undefined;
  readonly clock: Clock;
  readonly onStorageError: (operation: string, error: unknown) => void;
  /** Best-effort writes in flight, so shutdown (and tests) can wait for them. */
  private readonly pending = new Set<Promise<void>>();
  /** Conversation key → reference stored by this process: only a first contact or a changed reference writes. */
  private readonly knownConversations = new Map<string, string>();

  constructor(options: BotServicesOptions = {}) {
    this.storage = options.storage;
    this.clock = options.clock ?? systemClock;
    this.onStorageError = options.onStorageError ?? (() => undefined);
  }

  background(operation: string, write: () => Promise<void>): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${operation} took over ${BEST_EFFORT_TIMEOUT_MS} ms`)), BEST_EFFORT_TIMEOUT_MS);
    });
    const task: Promise<void> = Promise.race([Promise.resolve().then(write), timeout])
      .catch((error: unknown) => this.onStorageError(operation, error))
      .finally(() => {
        clearTimeout(timer);
        this.pending.delete(task);
      });
    this.pending.add(task);
  }

  /**
   * Counts work that will still write (a question being answered) as pending, so "forget me" and shutdown wait for
   * it; returns the work's own result.
   */
  track<T>(work: Promise<T>): Promise<T> {
    const task: Promise<void> = work
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.pending.delete(task));
    this.pending.add(task);
    return work;
  }

  /** Resolves when every best-effort write started before the call has finished or timed out. */
  async settled(): Promise<void> {
    // A few rounds, not "until empty": an answer in flight queues its writes when it finishes (a second round), but
    // under steady traffic new work keeps starting and waiting for an empty set could never end.
    for (let round = 0; round < SETTLE_ROUNDS && this.pending.size > 0; round++) await Promise.all([...this.pending]);
  }

  /** Stores where a conversation can be reached later (proactive sends), once per change. */
  rememberConversation(incoming: Omit<Incoming, 'text'>): void {
    const ref = incoming.conversationRef;
    const storage = this.storage;
    const platform = incoming.platform;
    if (!storage || !ref || platform === 'cli') return;
    const memo = `${platform}|${ref.key}`;
    const serialized = JSON.stringify(ref.reference);
    if (this.knownConversations.get(memo) === serialized) return;
    this.background('save conversation reference', async () => {
      await storage.saveConversationRef({
        platform,
        conversationKey: ref.key,
        tenantId: incoming.tenantId ?? null,
        reference: ref.reference,
        userId: ref.direct ? incoming.userId : null,
        updatedAt: this.clock.now(),
      });
      // Remembered only once stored, so a failed write is tried again on the next message.
      if (this.knownConversations.size >= MAX_REMEMBERED_CONVERSATIONS) this.knownConversations.clear();
      this.knownConversations.set(memo, serialized);
    });
  }

  /** After "forget me": nothing remembered may skip a write for that user's conversations. */
  forgetRememberedConversations(): void {
    this.knownConversations.clear();
  }
}
