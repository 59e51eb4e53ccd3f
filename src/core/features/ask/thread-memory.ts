import { systemClock, type Clock } from '../../ports/clock';
import type { AskStore } from './ask-store';
import type { Incoming } from '../../types';

const DEFAULT_WINDOW_MS = 30 * 60 * 1000;
/** Earlier questions of a thread read for a follow-up: the newest few are all a follow-up ever leans on. */
const MAX_CONTEXT_TURNS = 3;
/** Reading a thread's context is worth this long at most; past it the question is answered on its own. */
const CONTEXT_READ_TIMEOUT_MS = 500;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface ThreadMemoryOptions {
  windowMs?: number;
  clock?: Clock;
  onError: (operation: string, error: unknown) => void;
  /** Runs a write without the caller waiting (the bot's best-effort writer). */
  background: (operation: string, write: () => Promise<void>) => void;
}

/**
 * The recent questions of each conversation thread, kept in storage (so another replica sees them), bounded to a
 * few per thread and forgotten after the follow-up window: what lets "and on Fargate?" follow "who patches EC2?".
 */
export class ThreadMemory {
  private readonly windowMs: number;
  private readonly clock: Clock;
  private lastPruneAt = 0;

  constructor(
    private readonly storage: AskStore | undefined,
    private readonly options: ThreadMemoryOptions,
  ) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.clock = options.clock ?? systemClock;
  }

  /** Earlier questions of the incoming message's thread within the window, oldest first; [] when unknown. */
  async context(incoming: Incoming): Promise<string[]> {
    const storage = this.storage;
    const platform = incoming.platform;
    if (!storage || !incoming.threadKey || platform === 'cli') return [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const turns = await Promise.race([
        storage.recentTurns(platform, incoming.threadKey, new Date(this.clock.now().getTime() - this.windowMs), MAX_CONTEXT_TURNS),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`reading thread context took over ${CONTEXT_READ_TIMEOUT_MS} ms`)), CONTEXT_READ_TIMEOUT_MS);
        }),
      ]);
      return turns.map((turn) => turn.question);
    } catch (error) {
      this.options.onError('read thread context', error);
      return [];
    } finally {
      clearTimeout(timer);
    }
  }

  /** Remembers a question for the thread's next follow-up, and now and then forgets turns past the window. */
  remember(incoming: Incoming, question: string): void {
    const storage = this.storage;
    const platform = incoming.platform;
    const threadKey = incoming.threadKey;
    if (!storage || !threadKey || platform === 'cli') return;
    const now = this.clock.now().getTime();
    this.options.background('record thread turn', () => storage.recordTurn({ platform, threadKey, userId: incoming.userId, question, askedAt: new Date(now) }));
    if (now - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now;
      this.options.background('prune thread turns', async () => {
        await storage.pruneTurns(new Date(now - this.windowMs));
      });
    }
  }
}
