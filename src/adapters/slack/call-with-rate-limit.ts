/** The longest a single call waits for Slack's Retry-After before giving up on it. */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

interface RateLimitedError {
  code: 'slack_webapi_rate_limited_error';
  retryAfter: number;
}

function isRateLimited(error: unknown): error is RateLimitedError {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'slack_webapi_rate_limited_error';
}

/**
 * Runs one Web API call; on a 429 it waits Slack's Retry-After (when within the cap) and tries once more. The
 * WebClient is built with rejectRateLimitedCalls, so a 429 rejects this call alone: its default would pause the
 * client's whole queue, and one channel's limit would hold every other channel's answers.
 */
export async function callWithRateLimit<T>(call: () => Promise<T>, maxWaitMs = MAX_RATE_LIMIT_WAIT_MS): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    const waitMs = Math.max(0, error.retryAfter) * 1000;
    if (waitMs > maxWaitMs) throw error;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return await call();
  }
}
