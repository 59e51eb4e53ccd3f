import { AnswerEngine, type Answer } from './answer/answer-engine';
import type { KnowledgeBase } from './knowledge/load-knowledge';
import { buildReply } from './render/build-reply';
import type { Action, Incoming, Reply } from './types';

/** Longest question the bot reads; Slack and Teams messages can be far longer than any real question. */
export const MAX_QUESTION_LENGTH = 1000;

export interface AskResult {
  answer: Answer;
  reply: Reply;
}

/**
 * The one entry point both adapters (and the CLI) call. It decides everything; adapters only convert
 * platform events into Incoming / Action and render the Replies they get back.
 */
export class Bot {
  readonly engine: AnswerEngine;

  constructor(kb: KnowledgeBase) {
    this.engine = new AnswerEngine(kb);
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

  async handleMessage(incoming: Incoming): Promise<Reply[]> {
    return [this.ask(incoming.text).reply];
  }

  async handleAction(action: Action): Promise<Reply[]> {
    switch (action.actionId) {
      case 'srm.ask':
        return [this.ask(action.value).reply];
      case 'srm.share':
        return [{ ...this.ask(action.value).reply, ephemeral: false }];
      case 'srm.topic': {
        const result = this.askTopic(action.value);
        return [result ? result.reply : this.ask('help').reply];
      }
      case 'feedback.up':
      case 'feedback.down':
        return [];
    }
  }
}
