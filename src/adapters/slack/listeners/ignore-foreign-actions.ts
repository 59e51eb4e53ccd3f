import type { SlackListener } from './slack-listener';
import { OUR_ACTION_ID_PATTERN } from '../slack-action-ids';

/**
 * Interactions this app did not create (another app's action id, a shortcut or view it never registered) are
 * acknowledged and ignored: without an ack Bolt answers 404 after three seconds and logs a misleading
 * "ensure ack() is called". Registered last, and only for ids outside our namespace.
 */
export const ignoreForeignActions: SlackListener = {
  name: 'ignore-foreign-actions',
  needs: { scopes: [] },
  register(app, { logger }) {
    const notOurs = new RegExp(`^(?!${OUR_ACTION_ID_PATTERN.source.replace(/^\^/, '')})`);
    app.action({ action_id: notOurs }, async ({ ack, body }) => {
      await ack();
      logger.debug('slack: ignored an action outside our namespace', { type: body.type });
    });
    app.shortcut(/.*/, async ({ ack }) => ack());
    app.view(/.*/, async ({ ack }) => ack());
  },
};
