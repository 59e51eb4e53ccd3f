export type Settled<T> = { done: true; value: T } | { done: false };

/**
 * Waits for `work` at most `ms`. A rejection within the time is thrown as usual; past the time the caller gets
 * `{ done: false }` and can await `work` itself later. Used to answer inside Slack's ack when we can, without
 * ever letting a slow dependency hold the ack past Slack's 3-second deadline.
 */
export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): Settled<T> => ({ done: true, value })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
