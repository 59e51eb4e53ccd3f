import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { emptyAnswer, type Answer } from './answer';

export type { Answer } from './answer';
import { KnowledgeCatalog, type MatrixCell } from '../knowledge/knowledge-catalog';
import type { Owner } from '../knowledge/schema';
import { SearchIndex, type SearchHit, type SearchUnit } from '../knowledge/search-index';
import { SlotDetector, type Slots } from '../intents/detect-slots';
import { cuedIntents, type IntentId } from '../intents/intent-table';
import { declineReason, isNegated, readPremise } from '../intents/read-question';
import { checkPremise, ownedConcept, pickHalf, vendorHalf } from './choose-unit';
import { withThread } from './follow-up';
import { deriveOwner } from './derive-owner';
import { unknownServiceAnswer } from './unknown-service-answer';
import { stackAnswer } from './stack-answer';
import { calibratedConfidence, HALF_STRENGTH_SCORE, signalsOf } from './calibrate';
import { normalizeText } from '../text/normalize-text';

/** The concept that explains the model as a whole. */
const MODEL_OVERVIEW_CONCEPT = 'shared-responsibility-model';

/** Prefix of an answer reference that names a knowledge unit instead of a question. */
export const TOPIC_REF_PREFIX = 'topic:';
/** Prefix of an answer reference that names a service's "what you own" list. */
export const LIST_REF_PREFIX = 'list:';

/** Below this ranking confidence the engine offers choices instead of guessing (before calibration). */
export const CONFIDENCE_THRESHOLD = 0.3;
/**
 * Calibrated confidence at or above which an owner is named. Chosen on the development sets, where answers at or
 * above it were right 95.9% of the time; below it the card offers the closest topics.
 */
export const ANSWER_THRESHOLD = 0.75;
/** A top score below this is noise, whatever the margin. */
const MIN_SCORE = 1.2;
/** Share of the question's words the matched entry must contain when the question names no service nor domain. */
const MIN_COVERAGE_WITHOUT_SLOTS = 0.6;
/** A score only a real match reaches (off-topic "who" questions score 2–5). */
const STRONG_MATCH_SCORE = 8;
/** The same when it names a service but no domain and does not ask "who". */
const MIN_COVERAGE_WITHOUT_DOMAIN = 0.4;
/** How much a unit of the domain the question names is preferred (×1 + this for the strongest domain). */
const DOMAIN_BOOST = 0.35;
interface RankingContext {
  /** Single-word query terms: a variant is "cued" when one of its distinguishing words is among them. */
  cueTerms: Set<string>;
  /** Domains the named services have entries for: there the general row must not stand in. */
  coveredDomains: Set<string>;
}

/** A variant whose distinguishing words the question does not use is rarely what was asked. */
const UNCUED_VARIANT_FACTOR = 0.6;
/** Derived owners are right by construction of the layers, but the layer may not be what was asked: a discount. */
const DERIVED_CONFIDENCE = 0.85;

export class AnswerEngine {
  readonly catalog: KnowledgeCatalog;
  readonly index: SearchIndex;
  private readonly detector: SlotDetector;

  constructor(kb: KnowledgeBase) {
    this.catalog = new KnowledgeCatalog(kb);
    this.index = new SearchIndex(kb);
    this.detector = new SlotDetector(kb, this.index);
  }

  /** `context`: earlier questions of the same thread, oldest first; a follow-up takes its missing slots from them. */
  answer(question: string, thread: readonly string[] = []): Answer {
    const normalized = normalizeText(question);
    const base = emptyAnswer(question);
    if (normalized === '') return { ...base, intent: 'srm.help', confidence: 1 };
    const cues = cuedIntents(normalized);
    const own = this.detector.detect(question);
    if (cues.has('srm.help')) return { ...base, intent: 'srm.help', confidence: 1 };
    const namesService = own.services.some((slot) => !slot.weak);
    const declined = declineReason(normalized, namesService) ?? declineReason(own.correctedText, namesService);
    if (declined) return { ...base, intent: 'srm.unknown', declined };
    base.premise = readPremise(question, normalized);
    base.negated = isNegated(normalized);
    const { slots, assumed } = withThread(this.detector, own, normalized, thread);
    base.assumed = assumed;
    base.unknownServices = slots.unknownServices;
    const serviceIds = slots.services.map((slot) => slot.id);
    if (serviceIds.length === 0 && slots.unknownServices.length > 0) return unknownServiceAnswer(this.catalog, this.index, base, slots);

    if (slots.aboutModel) {
      const overview = this.index.units.find((unit) => unit.id === `concept/${MODEL_OVERVIEW_CONCEPT}`);
      if (overview) return { ...base, intent: 'srm.explain', hit: overview, confidence: 1 };
    }
    const stack = stackAnswer(this.catalog, base, cues, slots, serviceIds);
    if (stack) return stack;

    const context = this.rankingContext(slots);
    const hits = this.index.search(slots.terms, (unit) => this.factor(unit, slots, context));
    const top = hits[0];
    if (!slots.onTopic || !top || top.score < MIN_SCORE) {
      return { ...base, intent: 'srm.unknown', serviceId: serviceIds[0] ?? null, alternatives: hits.slice(0, 3).map((h) => h.unit) };
    }
    if (!this.enoughEvidence(slots, top, cues)) {
      return { ...base, intent: 'srm.unknown', serviceId: serviceIds[0] ?? null };
    }
    const confidence = this.confidence(hits);
    if (top.unit.kind === 'concept' || (cues.has('srm.explain') && !cues.has('srm.lookup') && this.conceptNear(hits))) {
      const first = (hits.find((hit) => hit.unit.kind === 'concept') ?? top).unit;
      const concept = ownedConcept(first, hits.filter((hit) => hit.unit.kind === 'concept'), cues.has('srm.lookup'));
      return { ...base, intent: 'srm.explain', owner: concept.owner, hit: concept, confidence };
    }
    if (confidence < CONFIDENCE_THRESHOLD) {
      return { ...base, intent: 'srm.unknown', confidence, serviceId: serviceIds[0] ?? null, alternatives: distinctUnits(hits, 3) };
    }
    const unit = checkPremise(pickHalf(hits, normalized, context.cueTerms), hits, base.premise);
    const askedService = serviceIds[0] ?? null;
    const answer: Answer = {
      ...base,
      intent: 'srm.lookup',
      owner: unit.owner,
      serviceId: unit.serviceId === 'general' ? askedService : unit.serviceId,
      domainId: unit.domainId,
      confidence,
      hit: unit,
      generalFallback: unit.serviceId === 'general' && askedService !== null,
      alternatives: distinctUnits(hits.slice(1), 2),
    };
    if (askedService === null && unit.serviceId === 'general' && unit.kind === 'entry' && unit.domainId) {
      answer.cells = this.dependsRows(unit.domainId);
    }
    // "AWS handles that for us, right?" about a shared control: the question is whether the customer's half can be
    // skipped, so the answer is that half (the card says "No — …" and shows both sides).
    if (answer.owner === 'shared' && base.premise?.asserted === 'aws' && unit.kind !== 'concept') answer.owner = 'customer';
    else if (answer.owner === 'shared' && unit.kind !== 'concept' && vendorHalf(normalized)) answer.owner = 'aws';
    // The named service has no entry for the task: where the task's layer settles it, derive the owner from the
    // layers AWS operates for that service (shown as derived, with less confidence).
    if (answer.generalFallback && askedService && unit.domainId && unit.kind === 'entry') {
      const derived = deriveOwner(this.catalog, askedService, unit.domainId);
      if (derived) {
        answer.owner = derived;
        answer.derived = true;
      }
    }
    answer.signals = signalsOf({ hits, unit, answer, serviceCount: serviceIds.length, domainNamed: slots.domains.length > 0, words: normalized.split(' ').length });
    answer.confidence = Math.round(calibratedConfidence(answer.signals) * (answer.derived ? DERIVED_CONFIDENCE : 1) * 1000) / 1000;
    // Below the answer threshold the bot does not name an owner: it offers the closest topics instead.
    if (answer.confidence < ANSWER_THRESHOLD) {
      return { ...answer, intent: 'srm.unknown', owner: null, hit: null, cells: [], alternatives: distinctUnits(hits, 3) };
    }
    return answer;
  }

  /** What the engine saw and ranked, for `npm run srm -- debug` when tuning the knowledge base. */
  debug(question: string): { slots: Slots; hits: { id: string; owner: Owner | null; score: number }[] } {
    const slots = this.detector.detect(question);
    const context = this.rankingContext(slots);
    const hits = this.index.search(slots.terms, (unit) => this.factor(unit, slots, context), 8);
    return { slots, hits: hits.map((hit) => ({ id: hit.unit.id, owner: hit.unit.owner, score: Math.round(hit.score * 100) / 100 })) };
  }

  /** The answer for one knowledge unit by id ("s3/encryption-at-rest#2", "concept/inherited-controls"). */
  /** What you own on one service (a "More on …" button), with no text matching; null for an unknown service id. */
  answerList(serviceId: string): Answer | null {
    const service = this.catalog.service(serviceId);
    if (!service) return null;
    return { ...emptyAnswer(`what do I own on ${service.name}`), ref: `${LIST_REF_PREFIX}${serviceId}`, intent: 'srm.list', serviceId, serviceIds: [serviceId], confidence: 1 };
  }

  answerUnit(unitId: string): Answer | null {
    const unit = this.index.units.find((candidate) => candidate.id === unitId);
    if (!unit) return null;
    const base = { ...emptyAnswer(unitLabelQuestion(unit.id)), ref: `${TOPIC_REF_PREFIX}${unit.id}` };
    if (unit.kind === 'concept') return { ...base, intent: 'srm.explain', hit: unit, confidence: 1 };
    return {
      ...base,
      intent: 'srm.lookup',
      owner: unit.owner,
      serviceId: unit.serviceId === 'general' ? null : unit.serviceId,
      domainId: unit.domainId,
      confidence: 1,
      hit: unit,
      cells: unit.serviceId === 'general' && unit.kind === 'entry' && unit.domainId ? this.dependsRows(unit.domainId) : [],
    };
  }

  /** Which units a question may land on, and how strongly, given the services and domains it names. */
  /** What factor() needs for every unit, worked out once per question. */
  private rankingContext(slots: Slots): RankingContext {
    const cueTerms = new Set<string>();
    for (const [term, weight] of slots.terms) if (weight > 0 && !term.includes('_') && !slots.negatedTerms.has(term)) cueTerms.add(term);
    const coveredDomains = new Set<string>();
    for (const slot of slots.services) {
      for (const entry of this.catalog.service(slot.id)?.responsibilities ?? []) coveredDomains.add(entry.domain);
    }
    return { cueTerms, coveredDomains };
  }

  private factor(unit: SearchUnit, slots: Slots, context: RankingContext): number {
    const services = slots.services;
    let factor: number;
    if (unit.kind === 'concept') factor = services.length > 0 ? 0.5 : 0.9;
    else if (services.length === 0) factor = unit.serviceId === 'general' ? 1 : 0.45;
    else if (services.some((slot) => slot.id === unit.serviceId)) factor = 1;
    else if (unit.serviceId === 'general') {
      // The general row stands in only where the named service has no entry of its own for the domain.
      const covered = unit.domainId !== null && context.coveredDomains.has(unit.domainId);
      factor = covered ? 0.3 : services[0]?.weak ? 0.8 : 0.6;
    }
    else factor = services[0]?.weak ? 0.35 : 0;
    if (factor > 0 && unit.kind === 'variant' && ![...unit.distinct].some((term) => context.cueTerms.has(term))) {
      factor *= UNCUED_VARIANT_FACTOR;
    }
    const top = slots.domains[0];
    if (factor > 0 && top && unit.domainId !== null) {
      const match = slots.domains.find((slot) => slot.id === unit.domainId);
      if (match) factor *= 1 + DOMAIN_BOOST * (match.weight / top.weight);
    }
    return factor;
  }

  /**
   * Off-topic questions ("who won the World Cup?", "price of an m5.large?") share a word or two with the
   * knowledge base by chance. An SRM question names a service or a security domain, or most of its words
   * match the entry it lands on.
   */
  private enoughEvidence(slots: Slots, top: SearchHit, cues: Set<IntentId>): boolean {
    const unit = top.unit;
    let total = 0;
    let matched = 0;
    for (const [term, weight] of slots.terms) {
      if (term.includes('_')) continue;
      total += weight;
      if (unit.terms.has(term)) matched += weight;
    }
    const coverage = total > 0 ? matched / total : 0;
    if (slots.services.length === 0 && slots.domains.length === 0) {
      // A long "do we have to…" question can bury its subject in chatter; a strong match still counts.
      return coverage >= MIN_COVERAGE_WITHOUT_SLOTS || (cues.has('srm.lookup') && top.score >= STRONG_MATCH_SCORE);
    }
    if (slots.domains.length === 0 && !cues.has('srm.lookup')) return coverage >= MIN_COVERAGE_WITHOUT_DOMAIN;
    return true;
  }

  /** Saturating in the score, discounted when a unit with another owner scores almost as high. */
  private confidence(hits: SearchHit[]): number {
    const top = hits[0] as SearchHit;
    const rival = hits.find((hit) => hit.unit.owner !== top.unit.owner && hit.unit.kind !== 'concept');
    const margin = rival ? (top.score - rival.score) / top.score : 1;
    const strength = top.score / (top.score + HALF_STRENGTH_SCORE);
    return Math.round(strength * (0.55 + 0.45 * margin) * 1000) / 1000;
  }

  private conceptNear(hits: SearchHit[]): boolean {
    const top = hits[0]?.score ?? 0;
    return hits.slice(0, 4).some((hit) => hit.unit.kind === 'concept' && hit.score >= 0.6 * top);
  }

  /** "It depends on the service": the domain (and its related domains) on the main services. */
  private dependsRows(domainId: string): MatrixCell[] {
    const domain = this.catalog.domain(domainId);
    if (!domain || !domain.variesByService) return [];
    const rows: MatrixCell[] = [];
    for (const id of [domainId, ...domain.related]) {
      const shown = this.catalog.domain(id);
      for (const serviceId of shown?.compare ?? []) {
        const entry = this.catalog.entry(serviceId, id);
        if (entry) rows.push({ serviceId, domainId: id, owner: entry.owner, why: entry.why, general: false });
      }
    }
    return rows;
  }

}

/** A readable stand-in question for a unit answered by id (shown as "You asked"). */
function unitLabelQuestion(unitId: string): string {
  return unitId.replace(/#\d+$/, '').replace('/', ' · ').replace(/-/g, ' ');
}

function distinctUnits(hits: SearchHit[], limit: number): SearchUnit[] {
  const seen = new Set<string>();
  const units: SearchUnit[] = [];
  for (const hit of hits) {
    const key = hit.unit.kind === 'variant' ? hit.unit.id : `${hit.unit.serviceId}/${hit.unit.domainId}/${hit.unit.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    units.push(hit.unit);
    if (units.length >= limit) break;
  }
  return units;
}
