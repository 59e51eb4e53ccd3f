import type { Storage } from './ports/storage';

/** Slack retries a delivery up to three times over about five minutes; an hour covers that with room to spare. */
const DEFAULT_WINDOW_MS = 60 * 60 * 1000;
/** A claim slower than this is given up on: the delivery is handled (a rare duplicate beats a lost answer). */
const CLAIM_TIMEOUT_MS = 1000;
/** Old delivery claims are deleted at most this often. */
const PRUNE_EVERY_MS = 10 * 60 * 1000;
/** Keys remembered in memory by this process, so most duplicates cost no database round trip. */
const MAX_REMEMBERED = 10_000;
const PREFIX = 'delivery:';

export interface DeliveryGuardOptions {
  windowMs?: number;
  now?: () => number;
  onError?: (operation: string, error: unknown) => void;
}

/**
 * Says whether a platform delivery (a Slack event id, an interaction's trigger id) is seen for the first time.
 * The claim is a unique row in storage, so several replicas agree on which of them handles a re-delivered event;
 * a bounded in-memory set answers repeats this process already saw.
 */
export class DeliveryGuard {
  private readonly seen = new Set<string>();
  private readonly holder = `guard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private lastPruneAt = 0;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly onError: (operation: string, error: unknown) => void;

  constructor(private readonly storage: Storage | undefined, options: DeliveryGuardOptions = {}) {
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.now = options.now ?? (() => Date.now());
    this.onError = options.onError ?? (() => undefined);
  }

  async first(key: string): Promise<boolean> {
    if (this.seen.has(key)) return false;
    if (this.seen.size >= MAX_REMEMBERED) this.seen.clear();
    this.seen.add(key);
    if (!this.storage) return true;
    this.prune(this.storage);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      return await Promise.race([
        this.storage.claim(`${PREFIX}${key}`, this.holder),
        new Promise<boolean>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`delivery claim took over ${CLAIM_TIMEOUT_MS} ms`)), CLAIM_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.onError('claim delivery', error);
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  private prune(storage: Storage): void {
    const at = this.now();
    if (at - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = at;
    storage.releaseClaims(PREFIX, new Date(at - this.windowMs)).catch((error: unknown) => this.onError('release delivery claims', error));
  }
}
