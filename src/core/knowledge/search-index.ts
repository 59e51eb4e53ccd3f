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
  length: number;
}

export interface SearchHit {
  unit: SearchUnit;
  score: number;
}

/** How much each field counts: a variant's `when` and the keywords name the thing itself. */
const WEIGHTS = { when: 3, title: 3, keywords: 2, aliases: 2, examples: 1, why: 1, sides: 0.5, domain: 0.5 } as const;
/** Fields at or above this weight name the subject itself (keywords, aliases, titles), not prose about it. */
const TOPICAL_WEIGHT = 2;
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
  private readonly avgLength: number;

  constructor(kb: KnowledgeBase) {
    const seenWords = new Map<string, number>();
    const add = (terms: Map<string, number>, texts: readonly string[], weight: number): void =>
      addText(seenWords, this.topicalWords, terms, texts, weight);
    const domainText = new Map(kb.domains.map((d) => [d.id, [d.name, ...d.aliases]]));
    for (const domain of kb.domains) addText(seenWords, this.topicalWords, new Map(), [domain.name, ...domain.aliases], TOPICAL_WEIGHT);
    for (const file of [kb.general, ...kb.services]) {
      for (const entry of file.responsibilities) {
        this.addEntry(add, file.id, entry, domainText.get(entry.domain) ?? []);
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
        owner: concept.owner ?? null, entry: null, variant: null, concept, terms });
    }
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
  }

  private addEntry(
    addText: (terms: Map<string, number>, texts: readonly string[], weight: number) => void,
    serviceId: string,
    entry: Responsibility,
    domainText: string[],
  ): void {
    const base = `${serviceId}/${entry.domain}`;
    const terms = new Map<string, number>();
    addText(terms, entry.keywords, WEIGHTS.keywords);
    addText(terms, entry.examples, WEIGHTS.examples);
    addText(terms, [entry.why], WEIGHTS.why);
    addText(terms, [...entry.aws, ...entry.customer], WEIGHTS.sides);
    addText(terms, domainText, WEIGHTS.domain);
    this.push({ id: base, kind: 'entry', serviceId, domainId: entry.domain, owner: entry.owner, entry,
      variant: null, concept: null, terms });
    entry.variants.forEach((variant, index) => {
      const variantTerms = new Map<string, number>();
      addText(variantTerms, [variant.when], WEIGHTS.when);
      addText(variantTerms, variant.keywords, WEIGHTS.keywords);
      addText(variantTerms, variant.examples, WEIGHTS.examples);
      addText(variantTerms, [variant.why], WEIGHTS.why);
      addText(variantTerms, [...variant.aws, ...variant.customer], WEIGHTS.sides);
      addText(variantTerms, domainText, WEIGHTS.domain);
      this.push({ id: `${base}#${index + 1}`, kind: 'variant', serviceId, domainId: entry.domain,
        owner: variant.owner, entry, variant, concept: null, terms: variantTerms });
    });
  }

  private push(unit: Omit<SearchUnit, 'length'>): void {
    this.units.push({ ...unit, length: totalWeight(unit.terms) });
  }

  idfOf(term: string): number {
    return this.idf.get(term) ?? 0;
  }

  /** BM25 score of one unit for the weighted query terms. */
  scoreUnit(unit: SearchUnit, query: ReadonlyMap<string, number>): number {
    let score = 0;
    const norm = K1 * (1 - B + (B * unit.length) / this.avgLength);
    for (const [term, queryWeight] of query) {
      const tf = unit.terms.get(term);
      if (tf === undefined) continue;
      score += queryWeight * (this.idf.get(term) ?? 0) * ((tf * (K1 + 1)) / (tf + norm));
    }
    return score;
  }

  /** Scores every unit that `accept` admits, multiplied by `factor(unit)`; best first. */
  search(
    query: ReadonlyMap<string, number>,
    factor: (unit: SearchUnit) => number,
    limit = 10,
  ): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const unit of this.units) {
      const f = factor(unit);
      if (f <= 0) continue;
      const score = this.scoreUnit(unit, query) * f;
      if (score > 0) hits.push({ unit, score });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}
