import type { Reply } from '../types';
import type { ConversationRefRecord, Platform } from './storage';

/** A message the bot posted, as the platform identifies it (Slack channel + ts; Teams activity id). */
export interface PostedMessage {
  platform: Platform;
  conversationKey: string;
  messageId: string;
}

/**
 * Messages the user did not ask for: quiz posts, onboarding lessons, operator sends. The core decides what to send
 * and where (a stored conversation reference); each adapter implements delivery for its platform.
 */
export interface Messenger {
  /** Posts a reply into a stored conversation. */
  send(ref: ConversationRefRecord, reply: Reply): Promise<PostedMessage>;
  /** Replaces a message the bot posted (a quiz card with its results). */
  update(ref: ConversationRefRecord, messageId: string, reply: Reply): Promise<void>;
  /** Deletes a message the bot posted. */
  remove(ref: ConversationRefRecord, messageId: string): Promise<void>;
}

/** Routes each send to the messenger of the reference's platform; a platform without one fails with how to enable it. */
export class PlatformMessenger implements Messenger {
  constructor(private readonly byPlatform: Partial<Record<Platform, Messenger>>) {}

  private pick(platform: Platform): Messenger {
    const messenger = this.byPlatform[platform];
    if (!messenger) {
      throw new Error(
        platform === 'slack'
          ? 'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to send to Slack conversations.'
          : 'Teams is not configured for proactive sends: set MICROSOFT_APP_ID (or run in local mode against a loopback serviceUrl).',
      );
    }
    return messenger;
  }

  // async: a platform without a messenger rejects like any other failed send, instead of throwing at the call.
  async send(ref: ConversationRefRecord, reply: Reply): Promise<PostedMessage> {
    return this.pick(ref.platform).send(ref, reply);
  }

  async update(ref: ConversationRefRecord, messageId: string, reply: Reply): Promise<void> {
    return this.pick(ref.platform).update(ref, messageId, reply);
  }

  async remove(ref: ConversationRefRecord, messageId: string): Promise<void> {
    return this.pick(ref.platform).remove(ref, messageId);
  }
}
