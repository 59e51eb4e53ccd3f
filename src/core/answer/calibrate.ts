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
