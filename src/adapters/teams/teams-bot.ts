import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import type { Bot } from '../../core/bot';
import type { Reply } from '../../core/types';
import type { Logger } from '../../logger';
import { toAction } from './to-action';
import { toTeamsMessage } from './to-adaptive-card';
import { toConversation, toIncoming } from './to-incoming';

export interface TeamsBotOptions {
  bot: Bot;
  logger: Logger;
}

/** Said when a card button's payload is not one of ours (an old or tampered card). */
const UNKNOWN_BUTTON_TEXT = 'Sorry, I could not read that button. Please ask your question again in your own words.';

/**
 * Teams events → the core → Teams messages. Converts and forwards only: which answer or greeting to give,
 * and what to store, is the core's decision; this class decides only whether an activity is addressed to
 * the bot and how to send the replies.
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
      await this.handleConversationUpdate(context);
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

  /**
   * conversationUpdate: the core stores where the bot is, but its greeting is not sent. Teams follows a
   * personal install with an installationUpdate, which greets, and also sends conversationUpdate for renames
   * and member changes, which must not re-send the welcome card.
   */
  private async handleConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.membersRemoved?.some((member) => member.id === activity.recipient.id)) {
      // The storage port has no delete yet; the core keeps the old reference, which fails at send time.
      this.options.logger.info('teams: bot removed from a conversation', { conversationType: activity.conversation.conversationType });
      return;
    }
    await this.options.bot.handleInstall(toConversation(activity));
    this.logStored(context);
  }

  private async handleInstallation(context: TurnContext): Promise<void> {
    const { activity } = context;
    const action = activity.action ?? '';
    if (action.startsWith('remove')) {
      // The storage port has no delete yet; a stale reference fails at send time and is replaced on reinstall.
      this.options.logger.info('teams: app removed from a conversation', { conversationType: activity.conversation.conversationType });
      return;
    }
    const replies = await this.options.bot.handleInstall(toConversation(activity));
    this.logStored(context);
    // "add-upgrade" is a new app version in a conversation the user already has: store, but do not greet again.
    if (action === 'add') await this.send(context, replies);
  }

  private logStored(context: TurnContext): void {
    this.options.logger.debug('teams: conversation handed to the core', {
      conversationType: context.activity.conversation.conversationType ?? 'personal',
      activityType: context.activity.type,
    });
  }
}
