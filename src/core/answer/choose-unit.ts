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


/** Verbs of the vendor's half of patching: building and shipping the fix, as opposed to applying it. */
const VENDOR_HALF = /\bwho (builds|bakes|publishes|releases|ships|curates|tests|produces|develops|prepares|makes) (and (tests|releases|publishes|ships) )?(the |new |updated |patched |latest |those |these )?[a-z -]{0,40}(updates?|patch(es)?|fix(es)?|ami|amis|images?|releases?|versions?|runtimes?)\b/;

/**
 * On a shared cell, "who builds / publishes / releases the patches" asks about AWS's half (AWS ships the fixes;
 * applying them is the part that varies). Null when the question does not ask that.
 */
export function vendorHalf(normalized: string): 'aws' | null {
  return VENDOR_HALF.test(normalized) ? 'aws' : null;
}

/**
 * A "who" question landing on a concept with no owner (the combined "OF vs IN the cloud") is answered by a close
 * concept that has one, when the question's words pick it (the "in the cloud" half).
 */
export function ownedConcept(chosen: SearchUnit, hits: SearchHit[], asksWho: boolean): SearchUnit {
  if (!asksWho || chosen.kind !== 'concept' || chosen.owner !== null) return chosen;
  const top = hits[0]?.score ?? 0;
  const owned = hits.slice(0, 6).find((hit) => hit.unit.kind === 'concept' && hit.unit.owner !== null && hit.score >= OWNED_CONCEPT_SHARE * top);
  return owned ? owned.unit : chosen;
}

/** How close an owned concept must score to answer a "who" question instead of an ownerless one. */
const OWNED_CONCEPT_SHARE = 0.6;
