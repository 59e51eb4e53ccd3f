import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Messenger, PostedMessage } from '../../core/ports/messenger';
import type { ConversationRefRecord } from '../../core/ports/storage';
import type { Reply } from '../../core/types';
import { toTeamsMessage } from './to-adaptive-card';

/**
 * Proactive Teams messages: CloudAdapter.continueConversationAsync with the ConversationReference stored on first
 * contact (it carries the serviceUrl). `appId` is the bot's Microsoft app id; empty in local mode.
 */
export class TeamsMessenger implements Messenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  private continue<T>(ref: ConversationRefRecord, work: (context: TurnContext) => Promise<T>): Promise<T> {
    // Errors are caught inside the turn: thrown there, botbuilder would hand them to onTurnError (which apologises
    // to the user) and resolve, leaving this promise pending forever.
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      this.adapter
        .continueConversationAsync(this.appId, ref.reference as Partial<ConversationReference>, async (context) => {
          try {
            resolve(await work(context));
          } catch (error) {
            reject(error);
          } finally {
            settled = true;
          }
        })
        .then(() => {
          if (!settled) reject(new Error(`conversation ${ref.conversationKey} could not be continued`));
        })
        .catch(reject);
    });
  }

  async send(ref: ConversationRefRecord, reply: Reply): Promise<PostedMessage> {
    const response = await this.continue(ref, (context) => context.sendActivity(toTeamsMessage(reply)));
    return { platform: 'teams', conversationKey: ref.conversationKey, messageId: response?.id ?? '' };
  }

  async update(ref: ConversationRefRecord, messageId: string, reply: Reply): Promise<void> {
    await this.continue(ref, (context) => context.updateActivity({ ...toTeamsMessage(reply), id: messageId }));
  }

  async remove(ref: ConversationRefRecord, messageId: string): Promise<void> {
    await this.continue(ref, (context) => context.deleteActivity(messageId));
  }
}
