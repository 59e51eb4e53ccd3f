import { callWithRateLimit } from '../call-with-rate-limit';
import { messageToIncoming } from '../to-incoming';
import { toBlockKit } from '../to-block-kit';
import type { SlackListener } from './slack-listener';

/**
 * A DM to the bot → the answer in the same DM. Only plain user messages count, and file shares (their text is
 * answered; a file alone gets a note that files are not read): every other subtype (message_changed for edits,
 * bot_message, message_deleted, joins…) is ignored, and so is anything with a bot_id, which covers other apps and
 * our own posts (Bolt's ignoreSelf catches most of those too).
 */
export const FILES_NOT_READ = "I don't read attached files. Ask your question in words, e.g. \"who owns encryption on S3?\"";

export const directMessage: SlackListener = {
  name: 'direct-message',
  // message.im needs im:history; im:read is only for listing/inspecting DM channels, which we never do.
  needs: { botEvents: ['message.im'], scopes: ['im:history', 'chat:write'] },
  register(app, { bot }) {
    app.event('message', async ({ event, client, context }) => {
      if (event.channel_type !== 'im' || (event.subtype !== undefined && event.subtype !== 'file_share')) return;
      if (('bot_id' in event && event.bot_id) || !event.user || event.user === context.botUserId) return;
      if (event.subtype === 'file_share' && !(event.text ?? '').trim()) {
        await callWithRateLimit(() => client.chat.postMessage({ channel: event.channel, text: FILES_NOT_READ }));
        return;
      }
      const replies = await bot.handleMessage(messageToIncoming(event, context.botUserId, context.teamId));
      for (const reply of replies) {
        // A question asked inside a DM thread is answered in that thread; otherwise at the top level. Only the
        // asker reads a DM, so replies meant for them alone (reply.ephemeral) are posted normally here.
        await callWithRateLimit(() =>
          client.chat.postMessage({ channel: event.channel, ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}), ...toBlockKit(reply) }),
        );
      }
    });
  },
};
