import type { App } from '@slack/bolt';
import type { Bot } from '../../../core/bot';
import type { Logger } from '../../../logger';

/**
 * The delivery id that makes a Slack request unique: the event id of an Events API envelope (the same on every
 * retry), or the trigger id of an interaction or a slash command (one per click or command).
 */
export function deliveryKey(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  if (record.type === 'event_callback' && typeof record.event_id === 'string') return `slack:event:${record.event_id}`;
  if (record.type === 'block_actions' && typeof record.trigger_id === 'string') return `slack:action:${record.trigger_id}`;
  // A slash command is never re-sent by Slack, but a captured one could be replayed within the signature's window.
  if (typeof record.command === 'string' && typeof record.trigger_id === 'string') return `slack:command:${record.trigger_id}`;
  return null;
}

/**
 * Slack re-delivers an event when it did not get our 200 in time (X-Slack-Retry-Num over HTTP, retry_attempt in
 * Socket Mode), and a captured request can be replayed within the signature's five minutes. Each delivery id is
 * handled once, across replicas (the core claims it in storage); a retry whose first delivery never reached us
 * (http_timeout, connection_failed) is handled, since its id is new to us.
 */
export function dropRedeliveries(app: App, bot: Bot, logger: Logger): void {
  app.use(async (args) => {
    const { context, next, body } = args;
    const key = deliveryKey(body);
    if (key && !(await bot.firstDelivery(key))) {
      logger.info('slack: duplicate delivery dropped', { retryNum: context.retryNum, retryReason: context.retryReason, kind: key.split(':')[1] });
      // Bolt already acknowledged Events API requests; anything else still needs its ack.
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await next();
  });
}
