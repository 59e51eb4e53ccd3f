import type { KnowledgeBase } from './load-knowledge';
import type { Concept, Owner, Responsibility, Variant } from './schema';
import { normalizeText, splitWords, STOPWORDS, stem } from '../text/normalize-text';

/**
 * The searchable units of the knowledge base: every (service, domain) entry, every variant and every concept,
 * each as a weighted bag of stems (and stem bigrams) scored with BM25. BM25 rather than fuse.js here because
 * fuse scores one string against another, while a question has to be matched by its rare, telling words
 * ("blueprint", "xks", "retirement") against many short fields at once; fuse.js does the typo-tolerant slot
 * extraction instead (see detect-slots.ts).
 */

export type UnitKind = 'entry' | 'variant' | 'concept';

export interface SearchUnit {
  id: string;
  kind: UnitKind;
  /** 'general' for the service-independent row; null for concepts. */
  serviceId: string | null;
  domainId: string | null;
  owner: Owner | null;
  entry: Responsibility | null;
  variant: Variant | null;
  concept: Concept | null;
  terms: Map<string, number>;
  /**
   * For a variant: the terms of its `when` and keywords that its parent entry does not have. A variant is
   * only a good answer when the question says what sets it apart ("custom", "auto mode", "sse-c").
   */
  distinct: Set<string>;
  length: number;
}

export interface SearchHit {
  unit: SearchUnit;
  score: number;
}

/** How much each field counts: a variant's `when` and the keywords name the thing itself. */
const WEIGHTS = { when: 3, title: 3, keywords: 2, aliases: 2, examples: 1, why: 1, sides: 0.3, domain: 0.5 } as const;
/** Fields at or above this weight name the subject itself (keywords, aliases, titles), not prose about it. */
const TOPICAL_WEIGHT = 2;
/** How much of its weight a variant's distinguishing word keeps in the parent entry's text. */
const VARIANT_WORD_IN_ENTRY = 0.6;
const K1 = 1.2;
const B = 0.4;

/** Adds texts to a unit's terms, and their words to `seenWords` (every content word → how often). */
function addText(
  seenWords: Map<string, number>,
  topical: Set<string>,
  terms: Map<string, number>,
  texts: readonly string[],
  weight: number,
): void {
  for (const text of texts) {
    const words = splitWords(normalizeText(text)).filter((word) => !STOPWORDS.has(word));
    for (const word of words) {
      seenWords.set(word, (seenWords.get(word) ?? 0) + 1);
      if (weight >= TOPICAL_WEIGHT) topical.add(word);
    }
    const stems = words.map(stem);
    stems.forEach((term, index) => {
      terms.set(term, (terms.get(term) ?? 0) + weight);
      const next = stems[index + 1];
      if (next !== undefined) {
        const bigram = `${term}_${next}`;
        terms.set(bigram, (terms.get(bigram) ?? 0) + weight);
      }
    });
  }
}

function totalWeight(terms: Map<string, number>): number {
  let sum = 0;
  for (const weight of terms.values()) sum += weight;
  return sum;
}

export class SearchIndex {
  readonly units: SearchUnit[] = [];
  /** Every stem and bigram known to the index, for typo correction of question words. */
  readonly vocabulary = new Set<string>();
  /** Content words of the knowledge base with their frequency (for typo correction). */
  readonly words: ReadonlyMap<string, number>;
  /** Words of keywords, aliases and titles: a question with none of them is not about the SRM. */
  readonly topicalWords = new Set<string>();
  private readonly idf = new Map<string, number>();
  /** term → the units containing it, with the term's weighted frequency there. */
  private readonly postings = new Map<string, { unit: number; tf: number }[]>();
  /** Per unit: the BM25 length normalisation, computed once. */
  private readonly norms: number[];
  private readonly avgLength: number;

  constructor(kb: KnowledgeBase) {
    const seenWords = new Map<string, number>();
    const add = (terms: Map<string, number>, texts: readonly string[], weight: number): void =>
      addText(seenWords, this.topicalWords, terms, texts, weight);
    const domainText = new Map(kb.domains.map((d) => [d.id, [d.name, ...d.aliases]]));
    for (const domain of kb.domains) addText(seenWords, this.topicalWords, new Map(), [domain.name, ...domain.aliases], TOPICAL_WEIGHT);
    for (const file of [kb.general, ...kb.services]) {
      // The service's own name never sets a variant apart: every question about the service says it.
      const serviceWords = new Map<string, number>();
      if ('aliases' in file) add(serviceWords, [file.id, ...file.aliases].filter((alias) => !/\s/.test(alias.trim())), 0);
      for (const entry of file.responsibilities) {
        this.addEntry(add, file.id, entry, domainText.get(entry.domain) ?? [], new Set(serviceWords.keys()));
      }
    }
    for (const concept of kb.concepts) {
      const terms = new Map<string, number>();
      add(terms, [concept.title], WEIGHTS.title);
      add(terms, [...concept.aliases, ...concept.keywords], WEIGHTS.aliases);
      add(terms, concept.examples, WEIGHTS.examples);
      add(terms, [concept.summary], WEIGHTS.why);
      add(terms, concept.points, WEIGHTS.sides);
      this.push({ id: `concept/${concept.id}`, kind: 'concept', serviceId: null, domainId: null,
        owner: concept.owner ?? null, entry: null, variant: null, concept, terms, distinct: new Set() });
    }
    this.units.forEach((unit, index) => {
      for (const [term, tf] of unit.terms) {
        const list = this.postings.get(term) ?? [];
        list.push({ unit: index, tf });
        this.postings.set(term, list);
      }
    });
    const documentFrequency = new Map<string, number>();
    for (const unit of this.units) {
      for (const term of unit.terms.keys()) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        this.vocabulary.add(term);
      }
    }
    const n = this.units.length;
    for (const [term, df] of documentFrequency) this.idf.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    this.words = seenWords;
    this.avgLength = this.units.reduce((sum, unit) => sum + unit.length, 0) / Math.max(n, 1);
    this.norms = this.units.map((unit) => K1 * (1 - B + (B * unit.length) / this.avgLength));
  }

  private addEntry(
    addText: (terms: Map<string, number>, texts: readonly string[], weight: number) => void,
    serviceId: string,
    entry: Responsibility,
    domainText: string[],
    serviceWords: Set<string>,
  ): void {
    const base = `${serviceId}/${entry.domain}`;
    const parentKeywords = new Map<string, number>();
    addText(parentKeywords, entry.keywords, 1);
    const variants = entry.variants.map((variant, index) => {
      const own = new Map<string, number>();
      addText(own, [variant.when, ...variant.keywords], 1);
      const distinct = new Set([...own.keys()].filter((term) => !parentKeywords.has(term) && !serviceWords.has(term)));
      const variantTerms = new Map<string, number>();
      addText(variantTerms, [variant.when], WEIGHTS.when);
      addText(variantTerms, variant.keywords, WEIGHTS.keywords);
      addText(variantTerms, variant.examples, WEIGHTS.examples);
      addText(variantTerms, [variant.why], WEIGHTS.why);
      addText(variantTerms, [...variant.aws, ...variant.customer], WEIGHTS.sides);
      addText(variantTerms, domainText, WEIGHTS.domain);
      return { id: `${base}#${index + 1}`, kind: 'variant' as const, serviceId, domainId: entry.domain,
        owner: variant.owner, entry, variant, concept: null, terms: variantTerms, distinct };
    });
    const terms = new Map<string, number>();
    addText(terms, entry.keywords, WEIGHTS.keywords);
    addText(terms, entry.examples, WEIGHTS.examples);
    addText(terms, [entry.why], WEIGHTS.why);
    addText(terms, [...entry.aws, ...entry.customer], WEIGHTS.sides);
    addText(terms, domainText, WEIGHTS.domain);
    // An entry's prose names its variants ("versioning, Object Lock"); those words belong to the variants.
    for (const variant of variants) {
      for (const term of variant.distinct) {
        const weight = terms.get(term);
        if (weight !== undefined) terms.set(term, weight * VARIANT_WORD_IN_ENTRY);
      }
    }
    this.push({ id: base, kind: 'entry', serviceId, domainId: entry.domain, owner: entry.owner, entry,
      variant: null, concept: null, terms, distinct: new Set() });
    for (const variant of variants) this.push(variant);
  }

  private readonly positions = new Map<SearchUnit, number>();

  private push(unit: Omit<SearchUnit, 'length'>): void {
    const full = { ...unit, length: totalWeight(unit.terms) };
    this.positions.set(full, this.units.length);
    this.units.push(full);
  }

  private order(unit: SearchUnit): number {
    return this.positions.get(unit) ?? 0;
  }

  /** BM25 over the units that contain a query term, each multiplied by `factor(unit)` (0 drops it); best first. */
  search(
    query: ReadonlyMap<string, number>,
    factor: (unit: SearchUnit) => number,
    limit = 10,
  ): SearchHit[] {
    // Only units that contain a query term can score: walk the postings instead of every unit.
    const scores = new Float64Array(this.units.length);
    const touched: number[] = [];
    for (const [term, queryWeight] of query) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      const idf = this.idf.get(term) ?? 0;
      for (const { unit, tf } of postings) {
        if (scores[unit] === 0) touched.push(unit);
        scores[unit] = (scores[unit] as number) + queryWeight * idf * ((tf * (K1 + 1)) / (tf + (this.norms[unit] as number)));
      }
    }
    const hits: SearchHit[] = [];
    for (const index of touched) {
      const unit = this.units[index] as SearchUnit;
      const score = (scores[index] as number) * factor(unit);
      if (score > 0) hits.push({ unit, score });
    }
    // Ties go to the earlier unit (file order), so answers never depend on hash or locale order.
    hits.sort((a, b) => b.score - a.score || this.order(a.unit) - this.order(b.unit));
    return hits.slice(0, limit);
  }
}
