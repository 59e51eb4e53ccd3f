import type { Logger } from './logger';

/** One warning per interval at most, however often it fires. */
const DEFAULT_INTERVAL_MS = 60_000;

/**
 * A warning that repeats per request (a flood of bad tokens, a database outage) would bury the log and cost CPU:
 * the first occurrence is logged, later ones are counted and reported with the next line after the interval.
 */
export class RateLimitedWarning {
  private lastLoggedAt = -Infinity;
  private suppressed = 0;
  /** How many times it fired in all; the metrics and tests read it. */
  count = 0;

  constructor(
    private readonly logger: Logger,
    private readonly message: string,
    private readonly intervalMs = DEFAULT_INTERVAL_MS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  log(error?: unknown, context: Record<string, unknown> = {}): void {
    this.count += 1;
    const at = this.now();
    if (at - this.lastLoggedAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.lastLoggedAt = at;
    const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 200) ?? ''}` : undefined;
    this.logger.warn(this.message, { ...context, ...(reason ? { reason } : {}), suppressedSinceLast: this.suppressed });
    this.suppressed = 0;
  }
}
