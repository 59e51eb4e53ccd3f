import { callWithRateLimit } from '../call-with-rate-limit';
import { messageToIncoming } from '../to-incoming';
import { toBlockKit } from '../to-block-kit';
import type { SlackListener } from './slack-listener';

/**
 * `@srm-bot who patches RDS?` in a channel → the answer in a thread under the mention, so a busy channel
 * gets one line. Slack never sends app_mention for DMs (those arrive as message.im).
 */
export const appMention: SlackListener = {
  name: 'app-mention',
  needs: { botEvents: ['app_mention'], scopes: ['app_mentions:read', 'chat:write'] },
  register(app, { bot }) {
    app.event('app_mention', async ({ event, client, context }) => {
      // Other bots mentioning us could loop with each other; an edit re-delivers a mention already answered.
      if (event.bot_id || event.subtype || event.edited || !event.user) return;
      const user = event.user;
      const replies = await bot.handleMessage(messageToIncoming(event, context.botUserId, context.teamId));
      for (const reply of replies) {
        const message = toBlockKit(reply);
        if (reply.ephemeral) {
          // Meant for the asker alone (a refusal, a "forget me" receipt): the channel must not see it. Slack only
          // shows an ephemeral thread reply in a thread that already exists, so a top-level mention gets it
          // next to the mention instead of in a new thread.
          await callWithRateLimit(() =>
            client.chat.postEphemeral({ channel: event.channel, user, ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}), ...message }),
          );
        } else {
          await callWithRateLimit(() => client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...message }));
        }
      }
    });
  },
};
