import { DeliveryGuard } from './delivery-guard';
import { ThreadMemory } from './thread-memory';
import { systemClock, type Clock } from './ports/clock';
import { AnswerEngine, TOPIC_REF_PREFIX, type Answer } from './answer/answer-engine';
import type { KnowledgeBase } from './knowledge/load-knowledge';
import type { Storage } from './ports/storage';
import { DEFAULT_REPORT_WINDOW, parseSince } from './report/parse-since';
import { buildHelpReply } from './render/build-other-replies';
import { buildReply } from './render/build-reply';
import { buildReportReply } from './render/build-report-reply';
import { finishReply } from './render/reply-parts';
import type { Action, Incoming, Reply } from './types';

/** Longest question the bot reads; Slack and Teams messages can be far longer than any real question. */
export const MAX_QUESTION_LENGTH = 1000;

export interface AskResult {
  answer: Answer;
  reply: Reply;
}

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



/** A best-effort write that takes longer than this is given up on (and reported); the answer has long gone out. */
const BEST_EFFORT_TIMEOUT_MS = 3000;

/** Bounds the in-memory record of stored conversations; clearing it only costs a few repeated upserts. */
const MAX_REMEMBERED_CONVERSATIONS = 10_000;

/** Commands that are not questions. Matched on the whole message, so a question that mentions them is still a question. */
const COMMANDS = [
  { id: 'admin.report', pattern: /^\s*admin\s+report(?:\s+(?:--since\s+)?(\S+))?\s*$/i },
  { id: 'privacy.forget', pattern: /^\s*forget\s+me\s*[.!]?\s*$/i },
] as const;

function notice(title: string, text?: string): Reply {
  return finishReply({
    kind: 'notice',
    title,
    owner: null,
    sections: text ? [{ heading: 'Note', text }] : [],
    buttons: [],
    links: [],
    ephemeral: true,
  });
}

/**
 * The one entry point both adapters (and the CLI) call. It decides everything; adapters only convert
 * platform events into Incoming / Action and render the Replies they get back.
 */
export class Bot {
  readonly engine: AnswerEngine;
  private readonly storage: Storage | undefined;
  private readonly admins: ReadonlySet<string>;
  /** Conversation key → reference stored by this process: only a first contact or a changed reference writes. */
  private readonly knownConversations = new Map<string, string>();
  private readonly onStorageError: (operation: string, error: unknown) => void;
  /** Best-effort writes in flight, so shutdown (and tests) can wait for them. */
  private readonly pending = new Set<Promise<void>>();
  private readonly deliveries: DeliveryGuard;
  private readonly threads: ThreadMemory;
  private readonly clock: Clock;

  constructor(kb: KnowledgeBase, options: BotOptions = {}) {
    this.engine = new AnswerEngine(kb);
    this.storage = options.storage;
    this.admins = options.admins ?? new Set();
    this.onStorageError = options.onStorageError ?? (() => undefined);
    this.clock = options.clock ?? systemClock;
    this.deliveries = new DeliveryGuard(this.storage, { onError: this.onStorageError, now: () => this.clock.now().getTime() });
    this.threads = new ThreadMemory(this.storage, {
      windowMs: options.followUpWindowMs,
      clock: this.clock,
      onError: this.onStorageError,
      background: (operation, write) => this.background(operation, write),
    });
  }

  /** True the first time a platform delivery id is seen by any replica; re-deliveries and replays get false. */
  firstDelivery(key: string): Promise<boolean> {
    return this.deliveries.first(key);
  }

  /** Resolves when every best-effort write started so far has finished or timed out. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Answering needs no database: the question log and conversation references are written after the answer is
   * built, without the caller waiting, and bounded by a timeout. A database outage costs records, not answers.
   */
  private background(operation: string, write: () => Promise<void>): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`${operation} took over ${BEST_EFFORT_TIMEOUT_MS} ms`)), BEST_EFFORT_TIMEOUT_MS);
    });
    const task: Promise<void> = Promise.race([Promise.resolve().then(write), timeout])
      .catch((error: unknown) => this.onStorageError(operation, error))
      .finally(() => {
        clearTimeout(timer);
        this.pending.delete(task);
      });
    this.pending.add(task);
  }

  /** `thread`: earlier questions of the same conversation, oldest first, for follow-ups. */
  ask(question: string, thread: readonly string[] = []): AskResult {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    const answer = this.engine.answer(text, thread.map((earlier) => earlier.slice(0, MAX_QUESTION_LENGTH)));
    return { answer, reply: buildReply(answer, this.engine.catalog) };
  }

  /** Answers a knowledge unit directly (a "did you mean" or "same on …" button), with no text matching. */
  askTopic(unitId: string): AskResult | null {
    const answer = this.engine.answerUnit(unitId);
    return answer ? { answer, reply: buildReply(answer, this.engine.catalog) } : null;
  }

  /** Re-creates the answer a button refers to: a question, or `topic:<unit id>`. */
  resolve(ref: string): AskResult {
    if (ref.startsWith(TOPIC_REF_PREFIX)) {
      const result = this.askTopic(ref.slice(TOPIC_REF_PREFIX.length));
      if (result) return result;
    }
    return this.ask(ref);
  }

  /**
   * The bot was added to a conversation (Teams install, conversationUpdate): remember where it is, and greet
   * the user in a personal chat.
   */
  async handleInstall(incoming: Omit<Incoming, 'text'>): Promise<Reply[]> {
    this.rememberConversation({ ...incoming, text: '' });
    return incoming.private ? [buildHelpReply()] : [];
  }

  async handleMessage(incoming: Incoming): Promise<Reply[]> {
    for (const command of COMMANDS) {
      const match = command.pattern.exec(incoming.text);
      if (!match) continue;
      if (command.id === 'privacy.forget') return [await this.forget(incoming)];
      this.rememberConversation(incoming);
      return [await this.adminReport(incoming, match[1])];
    }
    this.rememberConversation(incoming);
    const thread = await this.threads.context(incoming);
    const result = this.ask(incoming.text, thread);
    if (result.answer.intent !== 'srm.help') this.threads.remember(incoming, incoming.text.slice(0, MAX_QUESTION_LENGTH));
    const storage = this.storage;
    if (storage) this.background('record question', () => storage.recordQuestion({
      platform: incoming.platform,
      userId: incoming.userId,
      question: incoming.text.slice(0, MAX_QUESTION_LENGTH),
      intent: result.answer.intent,
      topic: topicOf(result.answer),
      confidence: result.answer.confidence,
      answered: result.answer.intent !== 'srm.unknown',
      askedAt: this.clock.now(),
    }));
    return [result.reply];
  }

  async handleAction(action: Action): Promise<Reply[]> {
    switch (action.actionId) {
      case 'srm.ask':
        return [this.ask(action.value).reply];
      case 'srm.share': {
        // The shared copy is for the channel: it keeps its links and votes but not a second "Share" button.
        const reply = this.resolve(action.value).reply;
        return [{ ...reply, buttons: reply.buttons.filter((button) => button.actionId !== 'srm.share'), ephemeral: false }];
      }
      case 'srm.topic': {
        const result = this.askTopic(action.value);
        return [result ? result.reply : this.ask('help').reply];
      }
      case 'feedback.up':
      case 'feedback.down':
        return [await this.recordFeedback(action)];
    }
  }

  private rememberConversation(incoming: Incoming): void {
    const ref = incoming.conversationRef;
    const storage = this.storage;
    const platform = incoming.platform;
    if (!storage || !ref || platform === 'cli') return;
    const memo = `${platform}|${ref.key}`;
    const serialized = JSON.stringify(ref.reference);
    if (this.knownConversations.get(memo) === serialized) return;
    this.background('save conversation reference', async () => {
      await storage.saveConversationRef({
        platform,
        conversationKey: ref.key,
        tenantId: incoming.tenantId ?? null,
        reference: ref.reference,
        userId: ref.direct ? incoming.userId : null,
        updatedAt: this.clock.now(),
      });
      // Remembered only once stored, so a failed write is tried again on the next message.
      if (this.knownConversations.size >= MAX_REMEMBERED_CONVERSATIONS) this.knownConversations.clear();
      this.knownConversations.set(memo, serialized);
    });
  }

  private async adminReport(incoming: Incoming, windowText: string | undefined): Promise<Reply> {
    if (!this.admins.has(`${incoming.platform}:${incoming.userId}`)) {
      return notice(
        'Sorry, the knowledge report is for srm-bot admins.',
        'Ask whoever runs srm-bot to add your user id to SRM_ADMINS if you need it.',
      );
    }
    if (!incoming.private) {
      return notice('The knowledge report lists other people\'s questions, so I only show it privately.', 'Ask me in a direct message, or with /srm admin report in Slack.');
    }
    if (!this.storage) return notice('The knowledge report needs storage, and this bot runs without it.');
    const window = windowText ?? DEFAULT_REPORT_WINDOW;
    const since = parseSince(window, this.clock.now());
    if (!since) return notice(`"${window}" is not a time window.`, 'Use a number and a unit, e.g. "admin report 7d", "24h" or "2w".');
    return buildReportReply(await this.storage.report(since), window);
  }

  private async forget(incoming: Incoming): Promise<Reply> {
    if (!this.storage || incoming.platform === 'cli') return notice('Nothing is stored about you here.');
    // Writes still in flight would otherwise land after the delete and bring the user back.
    await this.settled();
    const removed = await this.storage.forgetUser(incoming.platform, incoming.userId);
    this.knownConversations.clear();
    return notice(
      'Done: srm-bot has forgotten you.',
      `${removed} stored record${removed === 1 ? '' : 's'} (questions, votes and direct-message references) were deleted.`,
    );
  }

  private async recordFeedback(action: Action): Promise<Reply> {
    const { answer } = this.resolve(action.value);
    const vote = action.actionId === 'feedback.up' ? 'up' : 'down';
    if (this.storage && action.platform !== 'cli') {
      await this.storage.recordFeedback({
        platform: action.platform,
        userId: action.userId,
        // One vote per user per topic: four spellings of one question are still one answer to vote on.
        answerId: topicOf(answer) ?? `ref:${answer.ref.slice(0, 200)}`,
        question: answer.question.slice(0, MAX_QUESTION_LENGTH),
        topic: topicOf(answer),
        confidence: answer.confidence,
        vote,
        createdAt: this.clock.now(),
      });
    }
    return finishReply({
      kind: 'notice',
      title: vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted. We review answers marked unhelpful.',
      owner: null,
      sections: [],
      buttons: [],
      links: [],
      ephemeral: true,
    });
  }
}

/** The stable topic key stored with questions and feedback: "service/domain" or "concept/id". */
export function topicOf(answer: Answer): string | null {
  if (answer.hit?.concept) return `concept/${answer.hit.concept.id}`;
  if (answer.domainId === null) return null;
  return `${answer.serviceId ?? 'general'}/${answer.domainId}`;
}
