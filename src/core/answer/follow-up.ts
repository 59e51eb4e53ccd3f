import type { SlotDetector, Slots } from '../intents/detect-slots';
import { looksLikeFollowUp } from '../intents/read-question';
import type { Answer } from './answer-engine';

/** How much an earlier question's words count in a follow-up that does not name its own topic. */
const CONTEXT_TERM_WEIGHT = 0.5;

/**
 * A follow-up ("and on fargate?", "what about imported ones?") keeps what it says and takes the rest from the
 * latest earlier question that has it: the service when it names none, the domain and that question's words
 * (at half weight) when it names no domain.
 */
export function withThread(detector: SlotDetector, own: Slots, normalized: string, context: readonly string[]): { slots: Slots; assumed: Answer['assumed'] } {
  if (context.length === 0) return { slots: own, assumed: null };
  const needsService = own.services.length === 0 && own.unknownServices.length === 0;
  const needsDomain = own.domains.length === 0;
  if (!needsService && !needsDomain) return { slots: own, assumed: null };
  if (!looksLikeFollowUp(normalized, normalized.split(' ').length) && !(needsService && needsDomain)) return { slots: own, assumed: null };
  for (let i = context.length - 1; i >= 0; i--) {
    const earlier = detector.detect(context[i] as string);
    const service = needsService && earlier.services.length > 0;
    const domain = needsDomain && (earlier.domains.length > 0 || earlier.terms.size > 0);
    if (!service && !domain) continue;
    const terms = new Map(own.terms);
    if (domain) for (const [term, weight] of earlier.terms) terms.set(term, Math.max(terms.get(term) ?? 0, weight * CONTEXT_TERM_WEIGHT));
    return {
      slots: {
        ...own,
        services: service ? earlier.services : own.services,
        unknownServices: service ? earlier.unknownServices : own.unknownServices,
        domains: domain ? earlier.domains : own.domains,
        terms,
        onTopic: own.onTopic || earlier.onTopic,
      },
      assumed: { fromQuestion: context[i] as string, service, domain },
    };
  }
  return { slots: own, assumed: null };
}

