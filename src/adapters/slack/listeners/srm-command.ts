import type { Reply } from '../../../core/types';
import { postResponseUrl } from '../post-response-url';
import { settleWithin } from '../settle-within';
import { commandToIncoming } from '../to-incoming';
import { toBlockKit, type SlackMessage } from '../to-block-kit';
import type { SlackListener } from './slack-listener';

export const SRM_COMMAND = '/srm';

/**
 * How long the core may take before we ack without the answer. Slack shows "operation_timeout" when the 200
 * takes over 3 s; the core normally answers in milliseconds, but it also writes to storage, which can stall.
 */
const ANSWER_IN_ACK_BUDGET_MS = 2000;

const ephemeral = (reply: Reply): SlackMessage & { response_type: 'ephemeral' } => ({ response_type: 'ephemeral', ...toBlockKit(reply) });

/**
 * `/srm <question>`: the answer goes in the ack's body, visible only to the asker, so it needs no second request
 * that could be slow or fail (a response_url post that hung once delayed the ack to 5 s). response_url is used
 * only for what the ack cannot carry: further replies, or the answer when the core missed the budget.
 * `/srm` and `/srm help` get the core's usage card.
 */
export const srmCommand: SlackListener = {
  name: 'srm-command',
  needs: { commands: [SRM_COMMAND], scopes: ['commands'] },
  register(app, { bot }) {
    app.command(SRM_COMMAND, async ({ command, ack }) => {
      const respond = (message: object) => postResponseUrl(command.response_url, message);
      const answering = bot.handleMessage(commandToIncoming(command));
      const early = await settleWithin(answering, ANSWER_IN_ACK_BUDGET_MS).catch(async (error: unknown) => {
        // Ack anyway so Slack shows no timeout; the error handler logs it and says sorry through response_url.
        await ack();
        throw error;
      });
      if (!early.done) {
        await ack();
        for (const reply of await answering) await respond(ephemeral(reply));
        return;
      }
      const [first, ...rest] = early.value;
      await ack(first ? ephemeral(first) : undefined);
      for (const reply of rest) await respond(ephemeral(reply));
    });
  },
};
