import { AnswerEngine, TOPIC_REF_PREFIX, type Answer } from './answer/answer-engine';
import type { KnowledgeBase } from './knowledge/load-knowledge';
import type { Storage } from './ports/storage';
import { buildReply } from './render/build-reply';
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
}

/**
 * The one entry point both adapters (and the CLI) call. It decides everything; adapters only convert
 * platform events into Incoming / Action and render the Replies they get back.
 */
export class Bot {
  readonly engine: AnswerEngine;
  private readonly storage: Storage | undefined;

  constructor(kb: KnowledgeBase, options: BotOptions = {}) {
    this.engine = new AnswerEngine(kb);
    this.storage = options.storage;
  }

  ask(question: string): AskResult {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    const answer = this.engine.answer(text);
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

  async handleMessage(incoming: Incoming): Promise<Reply[]> {
    const result = this.ask(incoming.text);
    await this.storage?.recordQuestion({
      platform: incoming.platform,
      userId: incoming.userId,
      question: incoming.text.slice(0, MAX_QUESTION_LENGTH),
      intent: result.answer.intent,
      topic: topicOf(result.answer),
      confidence: result.answer.confidence,
      answered: result.answer.intent !== 'srm.unknown',
      askedAt: new Date(),
    });
    return [result.reply];
  }

  async handleAction(action: Action): Promise<Reply[]> {
    switch (action.actionId) {
      case 'srm.ask':
        return [this.ask(action.value).reply];
      case 'srm.share':
        return [{ ...this.resolve(action.value).reply, ephemeral: false }];
      case 'srm.topic': {
        const result = this.askTopic(action.value);
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
    if (this.storage && action.platform !== 'cli') {
      await this.storage.recordFeedback({
        platform: action.platform,
        userId: action.userId,
        answerId: `${answer.ref.slice(0, 200)}|${topicOf(answer) ?? '-'}`,
        question: answer.question.slice(0, MAX_QUESTION_LENGTH),
        topic: topicOf(answer),
        confidence: answer.confidence,
        vote,
        createdAt: new Date(),
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
