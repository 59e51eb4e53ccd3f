import type { AskResult } from '../core/bot';

/** The CLI's machine-readable answer: the contract the evaluation scores (shared/eval/README.md). */
export interface AskJson {
  owner: 'aws' | 'customer' | 'shared' | null;
  intent: string;
  service: string | null;
  topic: string | null;
  confidence: number;
  answer: string;
  sources: string[];
}

export function toAskJson({ answer, reply }: AskResult): AskJson {
  // The eval contract's topic is the security domain (or the concept), not the stored "service/domain" key.
  const topic = answer.hit?.concept ? `concept/${answer.hit.concept.id}` : answer.domainId;
  return {
    owner: answer.owner,
    intent: answer.intent,
    service: answer.serviceId === 'general' ? null : answer.serviceId,
    topic,
    confidence: answer.confidence,
    answer: reply.fallbackText,
    sources: reply.links.map((link) => link.url),
  };
}
