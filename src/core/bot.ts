import { BotServices } from './bot-services';
import { DeliveryGuard } from './delivery-guard';
import type { Feature, FeatureCommand } from './feature';
import { AdminFeature } from './features/admin/admin-feature';
import { AskFeature, type AskResult } from './features/ask/ask-feature';
import { PrivacyFeature } from './features/privacy/privacy-feature';
import type { KnowledgeBase } from './knowledge/load-knowledge';
import type { Clock } from './ports/clock';
import type { Storage } from './ports/storage';
import { buildHelpReply } from './render/build-other-replies';
import type { Action, Incoming, Reply } from './types';

export { MAX_QUESTION_LENGTH, topicOf, type AskResult } from './features/ask/ask-feature';

export interface BotOptions {
  /** Optional so the CLI and unit tests can run the engine without a database. */
  storage?: Storage;
  /** `platform:userId` entries (e.g. `slack:U0123ABCD`) allowed to run admin commands. */
  admins?: ReadonlySet<string>;
  /** Told when a best-effort write (question log, conversation reference) fails or times out; answers never wait on it. */
  onStorageError?: (operation: string, error: unknown) => void;
  /** How long a thread's earlier questions count as context for a follow-up (default 30 minutes). */
  followUpWindowMs?: number;
  /** The time; a fixed clock in tests. */
  clock?: Clock;
}

/**
 * The one entry point both adapters (and the CLI) call: a thin dispatcher. A message goes to the feature whose
 * command matches it (one grammar for Slack `/srm …`, Teams `@srm …` and the CLI), otherwise it is a question; a
 * button goes to the feature that owns its action-id prefix.
 */
export class Bot {
  private readonly services: BotServices;
  private readonly asking: AskFeature;
  private readonly features: readonly Feature[];
  private readonly deliveries: DeliveryGuard;

  constructor(kb: KnowledgeBase, options: BotOptions = {}) {
    this.services = new BotServices(options);
    this.asking = new AskFeature(kb, this.services, { followUpWindowMs: options.followUpWindowMs, helpCommands: () => this.commands() });
    this.features = [new AdminFeature(this.services, options.admins ?? new Set()), new PrivacyFeature(this.services), this.asking];
    const clock = this.services.clock;
    this.deliveries = new DeliveryGuard(this.services.storage, { onError: this.services.onStorageError, now: () => clock.now().getTime() });
  }

  get engine(): AskFeature['engine'] {
    return this.asking.engine;
  }

  /** Every command of every feature, for the help card. */
  commands(): FeatureCommand[] {
    return this.features.flatMap((feature) => feature.commands);
  }

  ask(question: string, thread: readonly string[] = []): AskResult {
    return this.asking.ask(question, thread);
  }

  askTopic(unitId: string): AskResult | null {
    return this.asking.askTopic(unitId);
  }

  resolve(ref: string): AskResult {
    return this.asking.resolve(ref);
  }

  /** True the first time a platform delivery id is seen by any replica; re-deliveries and replays get false. */
  firstDelivery(key: string): Promise<boolean> {
    return this.deliveries.first(key);
  }

  /** Resolves when every best-effort write started so far has finished or timed out. */
  settled(): Promise<void> {
    return this.services.settled();
  }

  /** The bot was added to a conversation (Teams install): remember where it is, and greet in a personal chat. */
  async handleInstall(incoming: Omit<Incoming, 'text'>): Promise<Reply[]> {
    this.services.rememberConversation(incoming);
    return incoming.private ? [buildHelpReply(this.commands())] : [];
  }

  async handleMessage(incoming: Incoming): Promise<Reply[]> {
    for (const feature of this.features) {
      for (const command of feature.commands) {
        const match = command.pattern.exec(incoming.text);
        if (match && feature.runCommand) return feature.runCommand(command, match, incoming);
      }
    }
    return this.asking.answerMessage(incoming);
  }

  async handleAction(action: Action): Promise<Reply[]> {
    const owner = this.features.find((feature) => feature.actionPrefixes.some((prefix) => action.actionId.startsWith(prefix)));
    return owner?.handleAction ? owner.handleAction(action) : [];
  }
}
