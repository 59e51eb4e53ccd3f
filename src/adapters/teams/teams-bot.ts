import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot';
import type { Storage } from '../../core/ports/storage';
import { buildHelpReply } from '../../core/render/build-other-replies';
import type { Reply } from '../../core/types';
import type { Logger } from '../../logger';
import { toAction } from './to-action';
import { toTeamsMessage } from './to-adaptive-card';
import { toConversationRef } from './to-conversation-ref';
import { isPersonal, toIncoming } from './to-incoming';

export interface TeamsBotOptions {
  bot: Bot;
  /** Where conversation references go for later proactive messages (quiz posts, onboarding DMs). */
  conversations: Pick<Storage, 'saveConversationRef'>;
  logger: Logger;
}

/** Said when a card button's payload is not one of ours (an old or tampered card). */
const UNKNOWN_BUTTON_TEXT = 'Sorry, I could not read that button. Please ask your question again in your own words.';

/**
 * Teams events → the core → Teams messages. Converts and forwards only: which answer to give is the core's
 * decision; this class decides only whether an activity is addressed to the bot and how to send the reply.
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly options: TeamsBotOptions;

  constructor(options: TeamsBotOptions) {
    super();
    this.options = options;
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Only the generic handler is registered: a TeamsMembersAdded handler would make botbuilder call the
    // Teams roster API for every member added, which this bot has no use for.
    this.onConversationUpdate(async (context, next) => {
      await this.rememberConversation(context);
      await next();
    });
    this.onInstallationUpdate(async (context, next) => {
      await this.handleInstallation(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { bot, logger } = this.options;
    const action = toAction(context.activity);
    if (action.kind === 'invalid') {
      logger.warn('teams: refused a card action payload', { reason: action.reason, activityId: context.activity.id });
      await context.sendActivity({ type: 'message', text: UNKNOWN_BUTTON_TEXT, textFormat: 'plain' });
      return;
    }
    if (action.kind === 'action') {
      await this.send(context, await bot.handleAction(action.action));
      return;
    }
    const incoming = toIncoming(context.activity);
    if (!incoming) return;
    await this.send(context, await bot.handleMessage(incoming));
  }

  private async send(context: TurnContext, replies: readonly Reply[]): Promise<void> {
    if (replies.length === 0) return;
    await context.sendActivities(replies.map(toTeamsMessage));
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    await this.options.conversations.saveConversationRef(toConversationRef(context.activity));
    this.options.logger.debug('teams: conversation reference saved', {
      conversationType: context.activity.conversation.conversationType ?? 'personal',
      activityType: context.activity.type,
    });
  }

  private async handleInstallation(context: TurnContext): Promise<void> {
    const action = context.activity.action ?? '';
    if (action.startsWith('remove')) {
      // The storage port has no delete yet; a stale reference fails at send time and is replaced on reinstall.
      this.options.logger.info('teams: app removed from a conversation', { conversationType: context.activity.conversation.conversationType });
      return;
    }
    await this.rememberConversation(context);
    if (action === 'add' && isPersonal(context.activity)) {
      await context.sendActivity(toTeamsMessage(buildHelpReply()));
    }
  }
}
