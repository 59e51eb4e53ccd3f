import type { Premise } from '../intents/read-question';
import type { SearchHit, SearchUnit } from '../knowledge/search-index';

/** Words that ask about a control as a whole, where "shared" is the answer rather than one side's half. */
const WHOLE_CONTROL = /\b(as a whole|overall|both sides|both of us|split between|or both|a mix|mix of both|bit of both|either side|end to end|in general|taken together|as one control|single control|the whole)\b/;
/** How close a "shared" unit must score to answer a question about the whole control. */
const WHOLE_RIVAL_SHARE = 0.7;
/** How close a unit giving the customer the duty must score to overrule "AWS does that for us, right?". */
const PREMISE_RIVAL_SHARE = 0.6;
/** How close a one-sided variant must score to answer instead of its "shared" entry. */
const HALF_RIVAL_SHARE = 0.5;

/**
 * A question about one half of a shared control gets that half's owner; "shared" is for the control as a whole.
 * When the best unit says "shared" and the question does not ask about the whole, the best-ranked variant of the
 * same cell with a single owner answers instead (it is the half the question's words point to). And when the
 * question does ask about the whole ("overall", "both"), a close "shared" unit wins over a one-sided one.
 */
export function pickHalf(hits: SearchHit[], normalized: string, cueTerms: Set<string>): SearchUnit {
  const top = hits[0] as SearchHit;
  const whole = WHOLE_CONTROL.test(normalized);
  if (whole && top.unit.owner !== 'shared') {
    const shared = hits.slice(1, 6).find((hit) => hit.unit.owner === 'shared' && hit.score >= WHOLE_RIVAL_SHARE * top.score);
    return shared ? shared.unit : top.unit;
  }
  if (whole || top.unit.owner !== 'shared' || top.unit.kind === 'concept') return top.unit;
  const half = hits.find(
    (hit) =>
      hit.unit.kind === 'variant' &&
      hit.unit.owner !== 'shared' &&
      [...hit.unit.distinct].some((term) => cueTerms.has(term)) &&
      hit.unit.serviceId === top.unit.serviceId &&
      hit.unit.domainId === top.unit.domainId &&
      hit.score >= HALF_RIVAL_SHARE * top.score,
  );
  return half ? half.unit : top.unit;
}

/**
 * "AWS does that for us, right?" is the belief that makes teams skip a duty, so it is confirmed only when nothing
 * close says otherwise: when a unit of the same service that gives the customer the duty ranks near the top, the
 * customer's side answers and the card corrects the premise.
 */
export function checkPremise(chosen: SearchUnit, hits: SearchHit[], premise: Premise | null): SearchUnit {
  if (premise?.asserted !== 'aws' || chosen.owner === 'customer' || chosen.kind === 'concept') return chosen;
  const top = hits[0]?.score ?? 0;
  const duty = hits
    .slice(0, 8)
    .find((hit) => hit.unit.owner === 'customer' && hit.unit.serviceId === chosen.serviceId && hit.score >= PREMISE_RIVAL_SHARE * top);
  return duty ? duty.unit : chosen;
}

