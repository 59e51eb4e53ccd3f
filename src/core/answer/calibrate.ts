import type { SearchHit, SearchUnit } from '../knowledge/search-index';
import type { Answer } from './answer';

/**
 * Calibrated confidence: the probability that the owner given is right, from the signals the engine saw. A
 * logistic model fitted (plain gradient descent, L2 0.01) on 658 answered questions of the development sets
 * (tests/fixtures/eval/independent-a and -b, dev-questions, holdout-questions, the two published sets) on
 * 2026-12-01; the held-out sets C and D were not used. Refit when the engine's ranking changes: `npm run eval`
 * prints the reliability table per confidence bucket to check it.
 */
const WEIGHTS: Record<string, number> = {
  strength: 0.157,
  margin: 1.101,
  shared: -1.148,
  variant: -0.307,
  premise: 0.393,
  followUp: -0.08,
  general: 0.012,
  serviceNamed: -0.454,
  domainNamed: 0.052,
  manyServices: -0.382,
  long: -0.485,
  overridden: -0.689,
};
const BIAS = 2.504;

export function calibratedConfidence(signals: Record<string, number>): number {
  let z = BIAS;
  for (const [name, weight] of Object.entries(WEIGHTS)) z += weight * (signals[name] ?? 0);
  return Math.round((1000 / (1 + Math.exp(-z)))) / 1000;
}

/** Score at which the strength signal reaches one half (the ranking's own confidence uses the same). */
export const HALF_STRENGTH_SCORE = 3;

export interface SignalInputs {
  hits: SearchHit[];
  /** The unit the answer came from (may differ from the top hit: the half of a shared control, a premise check). */
  unit: SearchUnit;
  answer: Answer;
  serviceCount: number;
  domainNamed: boolean;
  words: number;
}

/** The engine's signals for one answer, in the model's terms (each 0–1). */
export function signalsOf({ hits, unit, answer, serviceCount, domainNamed, words }: SignalInputs): Record<string, number> {
  const top = hits[0] as SearchHit;
  const rival = hits.find((hit) => hit.unit.owner !== top.unit.owner && hit.unit.kind !== 'concept');
  return {
    strength: top.score / (top.score + HALF_STRENGTH_SCORE),
    margin: rival ? (top.score - rival.score) / top.score : 1,
    shared: answer.owner === 'shared' ? 1 : 0,
    variant: unit.kind === 'variant' ? 1 : 0,
    premise: answer.premise ? 1 : 0,
    followUp: answer.assumed ? 1 : 0,
    general: answer.generalFallback ? 1 : 0,
    serviceNamed: serviceCount > 0 ? 1 : 0,
    domainNamed: domainNamed ? 1 : 0,
    manyServices: serviceCount > 1 ? 1 : 0,
    long: Math.min(1, words / 40),
    overridden: unit !== top.unit || answer.owner !== unit.owner ? 1 : 0,
  };
}
