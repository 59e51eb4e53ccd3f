import { commandToIncoming } from '../to-incoming';
import { toBlockKit } from '../to-block-kit';
import type { SlackListener } from './slack-listener';

export const SRM_COMMAND = '/srm';

/**
 * `/srm <question>`: ack first (Slack shows "operation_timeout" after 3 s without one), then answer on the
 * command's response_url, visible only to the asker. `/srm` and `/srm help` get the core's usage card.
 */
export const srmCommand: SlackListener = {
  name: 'srm-command',
  needs: { commands: [SRM_COMMAND], scopes: ['commands'] },
  register(app, { bot }) {
    app.command(SRM_COMMAND, async ({ command, ack, respond }) => {
      await ack();
      const replies = await bot.handleMessage(commandToIncoming(command));
      for (const reply of replies) {
        await respond({ response_type: 'ephemeral', ...toBlockKit(reply) });
      }
    });
  },
};
