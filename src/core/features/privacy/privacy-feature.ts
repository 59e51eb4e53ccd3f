import type { BotServices } from '../../bot-services';
import type { PrivacyStore } from './privacy-store';
import type { Feature, FeatureCommand } from '../../feature';
import { notice } from '../../render/notice';
import type { Incoming, Reply } from '../../types';

const FORGET: FeatureCommand = {
  id: 'privacy.forget',
  summary: 'Delete everything srm-bot stored about you',
  examples: ['forget me'],
  pattern: /^\s*forget\s+me\s*[.!]?\s*$/i,
};

/** "forget me": deletes the user's rows everywhere and confirms. */
export class PrivacyFeature implements Feature {
  readonly id = 'privacy';
  readonly commands = [FORGET];
  readonly actionPrefixes = [];

  constructor(private readonly services: BotServices) {}

  async runCommand(_command: FeatureCommand, _match: RegExpExecArray, incoming: Incoming): Promise<Reply[]> {
    const storage: PrivacyStore | undefined = this.services.storage;
    if (!storage || incoming.platform === 'cli') return [notice('Nothing is stored about you here.')];
    // Writes still in flight would otherwise land after the delete and bring the user back.
    await this.services.settled();
    const removed = await storage.forgetUser(incoming.platform, incoming.userId);
    this.services.forgetRememberedConversations();
    return [
      notice(
        'Done: srm-bot has forgotten you.',
        `${removed} stored record${removed === 1 ? '' : 's'} (questions, votes, thread context and direct-message references) were deleted.`,
      ),
    ];
  }
}
