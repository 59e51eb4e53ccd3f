import type { DeclineReason, Premise } from '../intents/read-question';
import type { IntentId } from '../intents/intent-table';
import type { MatrixCell } from '../knowledge/knowledge-catalog';
import type { Owner } from '../knowledge/schema';
import type { SearchUnit } from '../knowledge/search-index';

/** What the engine concluded, before any formatting. */
export interface Answer {
  question: string;
  /** How buttons refer back to this answer: the question itself, or `topic:<unit id>` for a topic click. */
  ref: string;
  intent: IntentId;
  owner: Owner | null;
  /** The service the answer is about ('general' answers report the service asked about, or null). */
  serviceId: string | null;
  domainId: string | null;
  confidence: number;
  hit: SearchUnit | null;
  /** A service was named but has no entry for the domain, so the general rule answered. */
  generalFallback: boolean;
  /** Rows for "it depends" and comparisons. */
  cells: MatrixCell[];
  /** Services of a stack / list answer. */
  serviceIds: string[];
  /** Did-you-mean choices, best first. */
  alternatives: SearchUnit[];
  /** Why no owner is given to a question that is not about ownership (another cloud, code, prices …). */
  declined: DeclineReason | null;
  /** A yes/no question that took an owner for granted: the card confirms or corrects it. */
  premise: Premise | null;
  /** The question asks who does NOT do something; the card says it in those words. */
  negated: boolean;
  /** What a follow-up took from the earlier question: shown on the card ("following your question about EC2"). */
  assumed: { fromQuestion: string; service: boolean; domain: boolean } | null;
  /** AWS services named that the knowledge base does not cover; the general rule answered instead. */
  unknownServices: string[];
  /** The owner was derived from which layers AWS operates for the service, not read from an entry. */
  derived: boolean;
  /** What the confidence was computed from (shown by `srm debug`; the calibration in calibrate.ts weighs them). */
  signals: Record<string, number>;
}

/** An answer with nothing concluded yet: no owner, no hit, zero confidence. */
export function emptyAnswer(question: string): Answer {
  return {
    question,
    ref: question,
    intent: 'srm.unknown',
    owner: null,
    serviceId: null,
    domainId: null,
    confidence: 0,
    hit: null,
    generalFallback: false,
    cells: [],
    serviceIds: [],
    alternatives: [],
    declined: null,
    premise: null,
    negated: false,
    assumed: null,
    unknownServices: [],
    derived: false,
    signals: {},
  };
}
