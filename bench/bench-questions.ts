import type { AnswerEngine } from '../src/core/answer/answer-engine';

/**
 * Question sets shared by the benches: the ordinary questions (templates × services × domains, authored examples,
 * every 4th with a typo) and long unique questions built from a seeded PRNG, so every run asks the same ones.
 */

const TEMPLATES = [
  'who owns {d} on {s}?',
  '{s} {d}: who?',
  'do we handle {d} for {s} or does aws',
  'Under the shared responsibility model, who is responsible for {d} when using {s}?',
  'whose job is {d} in {s}, ours right?',
  'We just moved a workload to {s}. Before the audit, can you tell me who takes care of {d} there?',
];

/** A typo a person makes: two neighbouring letters swapped in one longer word. */
function withTypo(text: string, seed: number): string {
  const words = text.split(' ');
  const index = words.findIndex((word, i) => i >= seed % words.length && word.length > 5);
  if (index < 0) return text;
  const word = words[index] as string;
  const at = 1 + (seed % (word.length - 3));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(' ');
}

export function ordinaryQuestions(engine: AnswerEngine): string[] {
  const kb = engine.catalog.kb;
  const out: string[] = [];
  for (const service of kb.services) {
    for (const entry of service.responsibilities) {
      const domain = engine.catalog.domain(entry.domain);
      TEMPLATES.forEach((template, i) => {
        const alias = service.aliases[i % service.aliases.length] ?? service.id;
        const words = domain ? (domain.aliases[i % domain.aliases.length] ?? domain.name) : entry.domain;
        out.push(template.replace('{d}', words).replace('{s}', alias));
      });
    }
  }
  for (const file of [kb.general, ...kb.services]) {
    for (const entry of file.responsibilities) {
      out.push(...entry.examples);
      for (const variant of entry.variants) out.push(...variant.examples);
    }
  }
  for (const concept of kb.concepts) out.push(...concept.examples);
  out.push("what's for lunch", 'help', 'what do I own for ec2 rds s3', 'compare patching on ec2 vs lambda');
  return out.map((q, i) => (i % 4 === 3 ? withTypo(q, i) : q));
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AWS_WORDS = (
  'aws s3 bucket ec2 instance rds aurora lambda dynamodb kms key encryption iam role policy mfa patching ' +
  'guest os hypervisor vpc subnet security group nacl cloudtrail guardduty macie inspector waf shield ' +
  'backup snapshot retention compliance audit soc2 pci hipaa tls certificate acm secrets manager rotation ' +
  'eks ecs fargate container image ami kubernetes node logging monitoring cloudwatch incident response ' +
  'pentest ddos vulnerability scanning firewall network physical datacenter responsibility customer owner shared'
).split(' ');

const FILLER_WORDS = (
  'so basically yesterday our team lead said that maybe we should probably check again because honestly ' +
  'nobody really knows and the meeting ran long anyway coffee was cold while someone mentioned something ' +
  'about the roadmap next quarter budget spreadsheet slides deadline weekend travel lunch pizza weather ' +
  'also however therefore meanwhile actually literally quite rather very just still already perhaps'
).split(' ');

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit a person makes on a word: neighbours swapped, a letter dropped, doubled or replaced. */
function typo(word: string, random: () => number): string {
  if (word.length < 4) return word + word[word.length - 1];
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = LETTERS[Math.floor(random() * LETTERS.length)] as string;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + letter + word.slice(at + 1);
  }
}

/**
 * `count` distinct questions of about `length` characters: sentences of 6–18 words mixing AWS and security
 * words, filler, typos of both, and random letter strings never used before in this set, so every question
 * carries words no per-word cache (typo correction, fuzzy service match, stems) has seen. Deterministic for a seed.
 */
export function longUniqueQuestions(count: number, seed: number, length = 1000): string[] {
  const random = seededRandom(seed);
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] as string;
  const usedTokens = new Set<string>();
  const freshToken = (): string => {
    for (;;) {
      const size = 3 + Math.floor(random() * 9);
      let token = '';
      for (let i = 0; i < size; i++) token += LETTERS[Math.floor(random() * LETTERS.length)];
      if (!usedTokens.has(token)) {
        usedTokens.add(token);
        return token;
      }
    }
  };
  const word = (): string => {
    const roll = random();
    if (roll < 0.35) return pick(AWS_WORDS);
    if (roll < 0.6) return pick(FILLER_WORDS);
    if (roll < 0.8) return typo(pick(random() < 0.7 ? AWS_WORDS : FILLER_WORDS), random);
    return freshToken();
  };
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    let text = '';
    while (text.length < length) {
      const words = Array.from({ length: 6 + Math.floor(random() * 13) }, word);
      const first = words[0] as string;
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      text += `${text === '' ? '' : ' '}${words.join(' ')}${random() < 0.3 ? '?' : '.'}`;
    }
    text = text.slice(0, length).trimEnd();
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
  }
  return out;
}
