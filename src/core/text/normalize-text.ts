import stemmer from 'stemmer';

/**
 * Text normalisation shared by the index and the questions, so both sides of every comparison went
 * through exactly the same steps.
 */

/** Words that carry no meaning for "who owns what"; the owner words (aws, we, us) are handled separately. */
export const STOPWORDS = new Set(
  `a about above after again all also am an and any are aren as at be because been being below between both but
  by can could did do does doing don during each either else few for from further get gets got had has have having
  he her here hers him his how i if in into is isn it its itself just let like me might more most much must my
  no nor not of off on once only or other ought our ours ourselves out over own please right same shall she should
  so some still such than that the their theirs them then there these they this those through to too under until
  up very was we were what when where whether which while who whom whose why will with would yeah yes you your
  yours yourself re ve ll d s t m hey hi ok okay pls plz actually really basically gonna wanna supposed anyway
  thing things stuff lot someone somebody anyone anybody us aws amazon customer customers responsible
  responsibility responsibilities job duty owns own owner ownership whose handles handle handled task tasks
  model shared under per via etc ie eg need needs needed make makes sure use uses used using run runs running ran`
    .split(/\s+/)
    .filter(Boolean),
);

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'s\b/g, ''],
  [/'ll\b/g, ' will'],
  [/'ve\b/g, ' have'],
  [/'d\b/g, ' would'],
  [/'m\b/g, ' am'],
];

/** Lower-cases, expands contractions and turns punctuation into spaces (keeping "-" inside words). */
export function normalizeText(raw: string): string {
  let text = raw.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019\u0060\u00b4]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return text
    // "AWS managed" and "customer managed" keys are different things; keep the owner word attached.
    .replace(/\b(aws|amazon|customer)[\s-]+(managed|owned|provided|supplied)\b/g, '$1$2')
    // "Security OF the cloud" (AWS's side) and "IN the cloud" (the customer's) differ only in a stop word.
    .replace(/\bof the cloud\b/g, 'ofthecloud')
    .replace(/\bin the cloud\b/g, 'inthecloud')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .replace(/(^|\s)-+|-+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits normalised text into words; hyphenated words yield both the parts and the joined form. */
export function splitWords(normalized: string): string[] {
  const words: string[] = [];
  for (const word of normalized.split(' ')) {
    if (word === '') continue;
    if (word.includes('-')) {
      const parts = word.split('-').filter(Boolean);
      words.push(...parts, parts.join(''));
    } else {
      words.push(word);
    }
  }
  return words;
}

/** Stems of words seen so far; bounded, since every word users type would otherwise stay in it forever. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}
