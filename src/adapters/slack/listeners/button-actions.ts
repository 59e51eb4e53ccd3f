import type { AllMiddlewareArgs } from '@slack/bolt';
import { callWithRateLimit } from '../call-with-rate-limit';
import { postResponseUrl } from '../post-response-url';
import type { Reply } from '../../../core/types';
import type { Logger } from '../../../logger';
import { parseButtonAction, type ParsedButton } from '../parse-button-action';
import { OUR_ACTION_ID_PATTERN } from '../slack-action-ids';
import { toBlockKit } from '../to-block-kit';
import type { SlackListener } from './slack-listener';

export const BAD_BUTTON_TEXT =
  "Sorry, I couldn't read that button (it may come from an older version of this card). Ask again: type /srm followed by your question.";

/** chat.postMessage errors meaning "the bot cannot post there", where response_url still can. */
const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found', 'restricted_action']);

/**
 * Every button on a card. The payload is validated, the core decides what the button means, and the answer
 * goes back ephemerally next to the card, except "Share in channel", which posts the answer visibly.
 */
export const buttonActions: SlackListener = {
  name: 'button-actions',
  needs: { interactivity: true, scopes: ['chat:write'] },
  register(app, { bot, logger }) {
    app.action({ type: 'block_actions', action_id: OUR_ACTION_ID_PATTERN }, async ({ ack, body, client, context }) => {
      await ack();
      const responseUrl = 'response_url' in body && typeof body.response_url === 'string' ? body.response_url : null;
      const respond = async (message: Record<string, unknown>): Promise<void> => {
        if (responseUrl) await postResponseUrl(responseUrl, message);
      };
      const parsed = parseButtonAction(body);
      if (!parsed.ok) {
        logger.warn('slack: rejected button payload', { reason: parsed.reason, team: context.teamId });
        await respond({ response_type: 'ephemeral', replace_original: false, text: BAD_BUTTON_TEXT });
        return;
      }
      const replies = await bot.handleAction(parsed.button.action);
      if (parsed.button.action.actionId === 'srm.share') {
        await share(parsed.button, replies, { client, respond, logger });
        return;
      }
      for (const reply of replies) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...toBlockKit(reply) });
      }
    });
  },
};

interface ShareTools {
  client: AllMiddlewareArgs['client'];
  respond: (message: Record<string, unknown>) => Promise<void>;
  logger: Logger;
}

/**
 * Posts the answer visibly with the sharer credited. chat.postMessage needs the bot in the channel; where it is
 * not (a /srm card in a channel the bot never joined), the response_url of the click can still post there.
 */
async function share(button: ParsedButton, replies: Reply[], { client, respond, logger }: ShareTools): Promise<void> {
  for (const reply of replies) {
    const message = toBlockKit(reply, { sharedBy: button.action.userId });
    if (button.channelId) {
      try {
        await callWithRateLimit(() =>
          client.chat.postMessage({ channel: button.channelId as string, ...(button.threadTs ? { thread_ts: button.threadTs } : {}), ...message }),
        );
        continue;
      } catch (error) {
        const code = platformErrorCode(error);
        if (code === null || !CANNOT_POST_HERE.has(code)) throw error;
        logger.info('slack: share posted through response_url', { reason: code, channel: button.channelId });
      }
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
  }
}

function platformErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('data' in error)) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}
