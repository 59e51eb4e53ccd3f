import { AnswerEngine, LIST_REF_PREFIX, TOPIC_REF_PREFIX, type Answer } from '../../answer/answer-engine';
import type { BotServices } from '../../bot-services';
import type { AskStore } from './ask-store';
import type { Feature, FeatureCommand } from '../../feature';
import type { KnowledgeBase } from '../../knowledge/load-knowledge';
import { buildReply } from '../../render/build-reply';
import { notice } from '../../render/notice';
import { ThreadMemory } from './thread-memory';
import type { Action, Incoming, Reply } from '../../types';

/** Longest question the bot reads; Slack and Teams messages can be far longer than any real question. */
export const MAX_QUESTION_LENGTH = 1000;

export interface AskResult {
  answer: Answer;
  reply: Reply;
}

export interface AskFeatureOptions {
  followUpWindowMs?: number;
  /** Every feature's commands, for the help card. */
  helpCommands: () => readonly FeatureCommand[];
}

/** The stable topic key stored with questions and feedback: "service/domain" or "concept/id". */
export function topicOf(answer: Answer): string | null {
  if (answer.hit?.concept) return `concept/${answer.hit.concept.id}`;
  if (answer.domainId === null) return null;
  return `${answer.serviceId ?? 'general'}/${answer.domainId}`;
}

/**
 * Questions about who owns what: the answer engine, follow-up context per thread, the question log, the answer
 * card's buttons (ask, topic, share) and the 👍/👎 votes. Anything no other feature claims is a question.
 */
export class AskFeature implements Feature {
  readonly id = 'ask';
  readonly commands = [];
  readonly actionPrefixes = ['srm.', 'feedback.'];
  readonly engine: AnswerEngine;
  private readonly threads: ThreadMemory;

  constructor(
    kb: KnowledgeBase,
    private readonly services: BotServices,
    private readonly options: AskFeatureOptions,
  ) {
    this.engine = new AnswerEngine(kb);
    this.threads = new ThreadMemory(services.storage, {
      windowMs: options.followUpWindowMs,
      clock: services.clock,
      onError: services.onStorageError,
      background: (operation, write) => services.background(operation, write),
    });
  }

  /** `thread`: earlier questions of the same conversation, oldest first, for follow-ups. */
  ask(question: string, thread: readonly string[] = []): AskResult {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    const answer = this.engine.answer(text, thread.map((earlier) => earlier.slice(0, MAX_QUESTION_LENGTH)));
    return { answer, reply: buildReply(answer, this.engine.catalog, this.options.helpCommands()) };
  }

  /** Answers a knowledge unit directly (a "did you mean" or "same on …" button), with no text matching. */
  askTopic(unitId: string): AskResult | null {
    const answer = this.engine.answerUnit(unitId);
    return answer ? { answer, reply: buildReply(answer, this.engine.catalog, this.options.helpCommands()) } : null;
  }

  /** A service's "what you own" list (a "More on …" button). */
  askList(serviceId: string): AskResult | null {
    const answer = this.engine.answerList(serviceId);
    return answer ? { answer, reply: buildReply(answer, this.engine.catalog, this.options.helpCommands()) } : null;
  }

  /** Re-creates the answer a button refers to: `topic:<unit id>`, `list:<service id>`, or a question. */
  resolve(ref: string): AskResult {
    if (ref.startsWith(TOPIC_REF_PREFIX)) {
      const result = this.askTopic(ref.slice(TOPIC_REF_PREFIX.length));
      if (result) return result;
    }
    if (ref.startsWith(LIST_REF_PREFIX)) {
      const result = this.askList(ref.slice(LIST_REF_PREFIX.length));
      if (result) return result;
    }
    return this.ask(ref);
  }

  /**
   * A message no command claimed: a question, read with its thread's context and logged after answering. Tracked
   * from the start, so a "forget me" arriving meanwhile waits until this question's records are written.
   */
  answerMessage(incoming: Incoming): Promise<Reply[]> {
    return this.services.track(this.answerTracked(incoming));
  }

  private async answerTracked(incoming: Incoming): Promise<Reply[]> {
    this.services.rememberConversation(incoming);
    const thread = await this.threads.context(incoming);
    const result = this.ask(incoming.text, thread);
    const question = incoming.text.slice(0, MAX_QUESTION_LENGTH);
    if (result.answer.intent !== 'srm.help') this.threads.remember(incoming, question);
    const storage: AskStore | undefined = this.services.storage;
    const platform = incoming.platform;
    if (storage) {
      this.services.background('record question', () =>
        storage.recordQuestion({
          platform,
          userId: incoming.userId,
          question,
          intent: result.answer.intent,
          topic: topicOf(result.answer),
          confidence: result.answer.confidence,
          answered: result.answer.intent !== 'srm.unknown',
          askedAt: this.services.clock.now(),
        }),
      );
    }
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
      case 'srm.list': {
        const result = this.askList(action.value);
        return [result ? result.reply : this.ask('help').reply];
      }
      case 'feedback.up':
      case 'feedback.down':
        return [await this.recordFeedback(action)];
    }
  }

  private async recordFeedback(action: Action): Promise<Reply> {
    const { answer } = this.resolve(action.value);
    const vote = action.actionId === 'feedback.up' ? 'up' : 'down';
    const storage: AskStore | undefined = this.services.storage;
    const platform = action.platform;
    if (storage && platform !== 'cli') {
      await storage.recordFeedback({
        platform,
        userId: action.userId,
        // One vote per user per topic: four spellings of one question are still one answer to vote on.
        answerId: topicOf(answer) ?? `ref:${answer.ref.slice(0, 200)}`,
        question: answer.question.slice(0, MAX_QUESTION_LENGTH),
        topic: topicOf(answer),
        confidence: answer.confidence,
        vote,
        createdAt: this.services.clock.now(),
      });
    }
    return notice(vote === 'up' ? 'Thanks, glad it helped.' : 'Thanks, noted. We review answers marked unhelpful.');
  }
}
