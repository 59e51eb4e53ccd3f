import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import type { SearchIndex } from '../knowledge/search-index';
import { normalizeText, splitWords, STOPWORDS, stem } from '../text/normalize-text';
import { correctWord } from '../text/correct-word';
import { capWords, splitSentences } from './split-sentences';

export { splitSentences } from './split-sentences';

/**
 * Slot extraction: which services and which security domains a question is about, tolerant of typos
 * ("dynamdb", "encyrption") and plurals. Aliases are compared as stem sequences; fuse.js catches misspelt
 * service names that are not in any alias.
 */

export interface ServiceSlot {
  id: string;
  /** Weak: matched only through a generic word ("bucket", "instances") or a word that is also a domain ("iam"). */
  weak: boolean;
}

export interface DomainSlot {
  id: string;
  /** Words of the matched alias: longer aliases are more specific. */
  weight: number;
}

export interface Slots {
  services: ServiceSlot[];
  domains: DomainSlot[];
  /** Weighted query terms (stems and stem bigrams) for full-text ranking. */
  terms: Map<string, number>;
  /** True when at least one word of the question is known to the knowledge base as written. */
  onTopic: boolean;
  /** The question is about the model itself and nothing else ("what is the shared responsibility model?"). */
  aboutModel: boolean;
  /** AWS services the question names that the knowledge base does not cover (their display names). */
  unknownServices: string[];
  /** The question's words after typo correction ("timout" → "timeout"), for the checks that read whole phrases. */
  correctedText: string;
  /** Stems said in the negative ("we never configured a KMS key"): they do not pick a variant. */
  negatedTerms: Set<string>;
}

/** Generic words that name a service only when nothing more specific is said. */
const GENERIC_ALIAS_WORDS = new Set(
  'instance instances bucket buckets queue queues function functions topic topics volume volumes vm vms server servers table tables cluster clusters node nodes container containers cache database db dns cdn key keys trail logs queue file files nfs image images ami amis'.split(' '),
);

/** Phrases that only restate the subject ("under the shared responsibility model") and would add noise. */
const NOISE = /\b(?:the\s+)?(?:aws\s+)?shared\s+responsibilit(?:y|ies)(?:\s+model)?\b|\bsrm\b/g;

const NOISE_TEST = new RegExp(NOISE.source);
const MAX_ALIAS_WORDS = 5;
const FUZZY_CACHE_LIMIT = 5000;
/**
 * Unknown words a question may spend typo correction on. Correction (and fuse.js above all) is the costly step, so
 * a long message of unique words is capped here: its worst case stays near an ordinary question's.
 */
const MAX_CORRECTIONS = 6;
/** fuse.js look-ups (for misspelt service names) a question may spend: the slowest step by far. */
const MAX_FUZZY_LOOKUPS = 2;
/** Longer "words" are pasted ids, hashes or URLs: never corrected. */
const MAX_CORRECTABLE_LENGTH = 24;
/** Words that put the next few words in the negative ("never configured any KMS key", "no version pinned"). */
const NEGATIONS = new Set(['not', 'never', 'no', 'without', 'none', 'nothing', 'neither', 'nor']);
const NEGATION_REACH = 3;
/** Words that open the asking clause of a question. */
const QUESTION_WORDS = new Set(['who', 'whose', 'which', 'what', 'does', 'do', 'is', 'are', 'should', 'can', 'will']);
/** Verbs that make "to X" the destination of a move. */
const MIGRATION_VERBS = new Set(['moved', 'move', 'moving', 'migrated', 'migrate', 'migrating', 'switched', 'switching', 'ported', 'shifted', 'rehosted', 'replatformed']);
const TARGET_MARKERS = new Set(['to', 'onto', 'into']);
/** Words just before a service that make it where the team is coming from, not the subject ("from EC2 to MSK"). */
const SOURCE_MARKERS = new Set(['from', 'off', 'leaving', 'replacing', 'replace', 'instead', 'migrating', 'retiring', 'ditching']);
const CORRECTED_WEIGHT = 0.7;
/** Words of a long question's scene-setting sentences count less than the sentence that asks. */
const CONTEXT_WEIGHT = 0.5;
const SERVICE_WORD_WEIGHT = 0.5;
const FIRST_DOMAIN_BONUS = 1.3;

interface AliasEntry {
  targetId: string;
  weak: boolean;
  words: number;
}

function stemKey(text: string): string {
  return splitWords(normalizeText(text)).map(stem).join(' ');
}

export class SlotDetector {
  private readonly serviceAliases = new Map<string, AliasEntry>();
  /** Stem key → display name of an AWS service the knowledge base does not cover. */
  private readonly otherAliases = new Map<string, AliasEntry>();
  private readonly otherNames: string[] = [];
  private readonly firstStems = new Map<Map<string, AliasEntry>, Map<string, number>>();
  private readonly domainAliases = new Map<string, AliasEntry>();
  private readonly serviceFuse: Fuse<{ alias: string; id: string }>;
  private readonly aliasWords = new Set<string>();
  /** Unknown word → the service alias it misspells, or null; fuse.js is the slow step, and words repeat. */
  private readonly fuzzyCache = new Map<string, string | null>();

  constructor(
    kb: KnowledgeBase,
    private readonly index: SearchIndex,
  ) {
    const domainKeys = new Set<string>();
    for (const domain of kb.domains) {
      for (const alias of [domain.name, ...domain.aliases]) {
        const key = stemKey(alias);
        domainKeys.add(key);
        this.domainAliases.set(key, { targetId: domain.id, weak: false, words: key.split(' ').length });
      }
    }
    const fuseItems: { alias: string; id: string }[] = [];
    for (const service of kb.services) {
      for (const alias of [service.id, service.name, ...service.aliases]) {
        const key = stemKey(alias);
        if (key === '') continue;
        const words = key.split(' ').length;
        const weak = domainKeys.has(key) || (words === 1 && GENERIC_ALIAS_WORDS.has(normalizeText(alias)));
        const existing = this.serviceAliases.get(key);
        if (!existing || (existing.weak && !weak)) this.serviceAliases.set(key, { targetId: service.id, weak, words });
        for (const word of splitWords(normalizeText(alias))) this.aliasWords.add(word);
        if (!weak && normalizeText(alias).length >= 4) fuseItems.push({ alias: normalizeText(alias), id: service.id });
      }
    }
    kb.otherServices.forEach((other, index) => {
      this.otherNames.push(other.name);
      for (const alias of [other.name, ...other.aliases]) {
        const key = stemKey(alias);
        if (key === '' || this.serviceAliases.has(key) || domainKeys.has(key)) continue;
        this.otherAliases.set(key, { targetId: String(index), weak: false, words: key.split(' ').length });
        // Known as written, so typo correction never turns "quicksight" into a word of a covered service.
        for (const word of splitWords(normalizeText(alias))) this.aliasWords.add(word);
      }
    });
    this.serviceFuse = new Fuse(fuseItems, { keys: ['alias'], includeScore: true, threshold: 0.3, ignoreLocation: true });
  }

  detect(question: string): Slots {
    const sentences = splitSentences(question);
    const stripped = sentences.map((sentence) => ({ ...sentence, text: normalizeText(sentence.text).replace(NOISE, ' ') }));
    // "What is the shared responsibility model?" is about the model itself: keep the words when nothing else is left.
    const meaningful = stripped.some((s) => splitWords(s.text).some((word) => !STOPWORDS.has(word)));
    const words = capWords(
      (meaningful ? stripped : sentences).flatMap((sentence) => splitWords(normalizeText(sentence.text)).map((word) => ({ word, context: sentence.context }))),
    );
    const known = (word: string): boolean => this.index.words.has(word) || this.aliasWords.has(word);
    let onTopic = false;
    let corrections = 0;
    let fuzzyLookups = 0;
    const fixed = words.flatMap(({ word, context }) => {
      if (STOPWORDS.has(word) || known(word)) {
        if (this.index.topicalWords.has(word) || this.aliasWords.has(word)) onTopic = true;
        return [{ word, corrected: false, context }];
      }
      if (corrections >= MAX_CORRECTIONS || word.length > MAX_CORRECTABLE_LENGTH) return [{ word, corrected: false, context }];
      corrections += 1;
      // The cheap edit-distance look-up first; fuse.js only for what it cannot place (a mangled service name).
      const correction = correctWord(word, this.index.words);
      if (correction !== null) return [{ word: correction, corrected: true, context }];
      if (fuzzyLookups >= MAX_FUZZY_LOOKUPS && !this.fuzzyCache.has(word)) return [{ word, corrected: false, context }];
      fuzzyLookups += 1;
      const service = this.fuzzyService(word);
      if (service) return service.split(' ').map((part) => ({ word: part, corrected: true, context }));
      return [{ word, corrected: false, context }];
    });
    const stems = fixed.map((item) => stem(item.word));

    const services = this.matchAliases(stems, this.serviceAliases);
    const domains = this.matchAliases(stems, this.domainAliases);
    // "We moved Kafka from EC2 to MSK": a service right after "from"/"off"/"replacing" is where they came from.
    const isSource = (slot: { positions: number[] }): boolean => {
      const first = slot.positions[0] ?? 0;
      return fixed.slice(Math.max(0, first - 3), first).some((item) => SOURCE_MARKERS.has(item.word));
    };
    // "…so we migrated the tables to Keyspaces": with a migration verb, a service right after "to"/"onto" is the
    // subject and the others are where the team came from.
    const migrating = fixed.some((item) => MIGRATION_VERBS.has(item.word));
    const isTarget = (slot: { positions: number[] }): boolean => {
      const first = slot.positions[0] ?? 0;
      return migrating && fixed.slice(Math.max(0, first - 2), first).some((item) => TARGET_MARKERS.has(item.word));
    };
    // "We're moving from X to Y. Do we still patch it?": a service named where the question is asked wins over one
    // named only in the scene-setting sentences; the migration preferences then apply among what is left.
    const allNamed = services.filter((slot) => !slot.entry.weak);
    const inAsking = allNamed.filter((slot) => slot.positions.some((p) => !fixed[p]?.context));
    // Within the asking sentence, the clause after the question word ("After moving the API to Lambda, who patches
    // the EC2 host?") names the subject when it names any service.
    const askAt = fixed.findIndex((item) => !item.context && QUESTION_WORDS.has(item.word));
    const afterAsk = askAt < 0 ? [] : inAsking.filter((slot) => (slot.positions[0] ?? 0) > askAt);
    const pool = afterAsk.length > 0 ? afterAsk : inAsking.length > 0 ? inAsking : allNamed;
    const movedTo = pool.filter(isTarget);
    const notSources = pool.filter((slot) => !isSource(slot));
    const strong = movedTo.length > 0 ? movedTo : notSources.length > 0 ? notSources : pool;
    const serviceSlots = dedupe((strong.length > 0 ? strong : services).map((slot) => ({ id: slot.entry.targetId, weak: slot.entry.weak })));
    const serviceWordPositions = new Set(strong.flatMap((slot) => slot.positions));
    if (services.length > 0 || domains.length > 0) onTopic = true;

    const terms = new Map<string, number>();
    let previous: string | null = null;
    fixed.forEach((item, position) => {
      const term = stems[position] as string;
      if (STOPWORDS.has(item.word)) {
        previous = null;
        return;
      }
      // Service names still help rank that service's own entries ("kubernetes version"), but only a little.
      const weight =
        (item.corrected ? CORRECTED_WEIGHT : 1) * (item.context ? CONTEXT_WEIGHT : 1) * (serviceWordPositions.has(position) ? SERVICE_WORD_WEIGHT : 1);
      terms.set(term, Math.max(terms.get(term) ?? 0, weight));
      if (previous !== null) terms.set(`${previous}_${term}`, Math.max(terms.get(`${previous}_${term}`) ?? 0, weight));
      previous = term;
    });

    // A longer alias is more specific, the first domain named is usually the one asked about, and a domain
    // named only in a scene-setting sentence counts less.
    const domainWeights = new Map<string, number>();
    domains.forEach((slot, order) => {
      const context = slot.positions.every((p) => fixed[p]?.context);
      const weight = (1 + 0.25 * (slot.entry.words - 1)) * (order === 0 ? FIRST_DOMAIN_BONUS : 1) * (context ? CONTEXT_WEIGHT : 1);
      domainWeights.set(slot.entry.targetId, Math.max(domainWeights.get(slot.entry.targetId) ?? 0, weight));
    });
    return {
      services: serviceSlots,
      domains: [...domainWeights].map(([id, weight]) => ({ id, weight })).sort((a, b) => b.weight - a.weight),
      terms,
      onTopic,
      aboutModel: !meaningful && sentences.some((sentence) => NOISE_TEST.test(normalizeText(sentence.text))),
      correctedText: fixed.map((item) => item.word).join(' '),
      negatedTerms: new Set(stems.filter((_, position) => fixed.slice(Math.max(0, position - NEGATION_REACH), position).some((item) => NEGATIONS.has(item.word)))),
      unknownServices: [...new Set(this.matchAliases(stems, this.otherAliases).map((slot) => this.otherNames[Number(slot.entry.targetId)] as string))],
    };
  }

  /**
   * Longest alias first; a word belongs to at most one alias of the same kind. Only positions whose stem starts
   * some alias are tried (an index of first stems), so a long message costs little more than its word count.
   */
  private matchAliases(stems: string[], aliases: Map<string, AliasEntry>): { entry: AliasEntry; positions: number[] }[] {
    const firsts = this.firstStemsOf(aliases);
    const candidates: { entry: AliasEntry; start: number; size: number }[] = [];
    stems.forEach((first, start) => {
      const longest = firsts.get(first);
      if (longest === undefined) return;
      for (let size = Math.min(longest, stems.length - start); size >= 1; size--) {
        const entry = aliases.get(size === 1 ? first : stems.slice(start, start + size).join(' '));
        if (entry) candidates.push({ entry, start, size });
      }
    });
    candidates.sort((a, b) => b.size - a.size || a.start - b.start);
    const used = new Set<number>();
    const found: { entry: AliasEntry; positions: number[]; start: number }[] = [];
    for (const { entry, start, size } of candidates) {
      const positions = Array.from({ length: size }, (_, i) => start + i);
      if (positions.some((p) => used.has(p))) continue;
      positions.forEach((p) => used.add(p));
      found.push({ entry, positions, start });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  /** First stem of every alias → the most words an alias starting with it has. */
  private firstStemsOf(aliases: Map<string, AliasEntry>): Map<string, number> {
    let firsts = this.firstStems.get(aliases);
    if (!firsts) {
      firsts = new Map();
      for (const [key, entry] of aliases) {
        const first = key.split(' ')[0] as string;
        firsts.set(first, Math.min(MAX_ALIAS_WORDS, Math.max(firsts.get(first) ?? 0, entry.words)));
      }
      this.firstStems.set(aliases, firsts);
    }
    return firsts;
  }

  private fuzzyService(word: string): string | null {
    if (word.length < 4) return null;
    const cached = this.fuzzyCache.get(word);
    if (cached !== undefined) return cached;
    const best = this.serviceFuse.search(word, { limit: 1 })[0];
    // Only a whole-alias look-alike counts: "dynamdb" ~ "dynamodb", but not "cloud" ~ "cloudfront".
    const found = best && (best.score ?? 1) <= 0.25 && Math.abs(best.item.alias.length - word.length) <= 2 ? best.item.alias : null;
    if (this.fuzzyCache.size >= FUZZY_CACHE_LIMIT) this.fuzzyCache.clear();
    this.fuzzyCache.set(word, found);
    return found;
  }
}

function dedupe(slots: ServiceSlot[]): ServiceSlot[] {
  const seen = new Set<string>();
  return slots.filter((slot) => (seen.has(slot.id) ? false : (seen.add(slot.id), true)));
}
