/**
 * Typo correction against the knowledge base's own words: "encyrption" → "encryption",
 * "credentails" → "credentials". Short words are left alone because at length 3–4 almost every word is one
 * edit away from another ("lunch" must not become "launch").
 */

const MIN_LENGTH = 5;
/** Corrections per vocabulary (a word's correction depends on the words it is compared with), bounded. */
const caches = new WeakMap<ReadonlyMap<string, number>, Map<string, string | null>>();
const CACHE_LIMIT = 5000;

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1] as number[];
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * Known words bucketed by length and first letter, built once per vocabulary. A typo is within two letters of
 * the word's length, and people rarely get the first letter wrong (a swap of the first two is looked up too).
 */
const buckets = new WeakMap<ReadonlyMap<string, number>, Map<string, [string, number][]>>();

function bucketed(known: ReadonlyMap<string, number>): Map<string, [string, number][]> {
  let index = buckets.get(known);
  if (!index) {
    index = new Map();
    for (const entry of known) {
      const key = `${entry[0].length}:${entry[0][0]}`;
      const list = index.get(key) ?? [];
      list.push(entry);
      index.set(key, list);
    }
    buckets.set(known, index);
  }
  return index;
}

/** The closest known word within 1 edit (2 for words of 10+ letters), preferring the more frequent; else null. */
export function correctWord(word: string, known: ReadonlyMap<string, number>): string | null {
  if (word.length < MIN_LENGTH || /\d/.test(word)) return null;
  let cache = caches.get(known);
  if (!cache) {
    cache = new Map();
    caches.set(known, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const max = word.length >= 10 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let bestFrequency = 0;
  const index = bucketed(known);
  const candidates: [string, number][] = [];
  const firsts = new Set([word[0], word[1]]);
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const first of firsts) candidates.push(...(index.get(`${length}:${first}`) ?? []));
  }
  for (const [candidate, frequency] of candidates) {
    if (candidate.length < MIN_LENGTH - 1) continue;
    const distance = editDistance(word, candidate, max);
    if (distance < bestDistance || (distance === bestDistance && distance <= max && frequency > bestFrequency)) {
      best = candidate;
      bestDistance = distance;
      bestFrequency = frequency;
    }
  }
  const result = bestDistance <= max ? best : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}
