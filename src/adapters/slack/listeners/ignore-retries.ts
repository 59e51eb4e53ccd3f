import type { App } from '@slack/bolt';
import type { Logger } from '../../../logger';

/**
 * Slack re-delivers an event (X-Slack-Retry-Num over HTTP, retry_attempt > 0 in Socket Mode) when it did not
 * get our 200 within 3 s. We ack before doing any work, so a retry means the 200 was lost or late on the way
 * (network, a pause of this process), not that the question was dropped: the first delivery is usually being
 * answered already, and answering the retry would post twice. Retries are acknowledged and dropped.
 * Trade-off: if the first delivery never reached us at all, that question goes unanswered, which is the lesser
 * evil next to duplicate answers in a channel.
 */
export function ignoreRetries(app: App, logger: Logger): void {
  app.use(async (args) => {
    const { context, next, body } = args;
    if ((context.retryNum ?? 0) > 0) {
      const eventId = typeof body === 'object' && body !== null && 'event_id' in body ? String(body.event_id) : undefined;
      logger.info('slack: retry ignored', { retryNum: context.retryNum, retryReason: context.retryReason, eventId });
      // Bolt already acknowledged Events API requests; anything else still needs its ack.
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  });
}
