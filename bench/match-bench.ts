import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { AnswerEngine } from '../src/core/answer/answer-engine';
import { loadKnowledge } from '../src/core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../src/project-root';

/**
 * Match latency of the answer engine over ≥ 1,000 varied questions, beside a plain fuse.js search over the
 * same entries in the same run, plus the size of the knowledge base. Prints figures; asserts nothing.
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

function questions(engine: AnswerEngine): string[] {
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

/** Questions the plain fuse.js baseline runs on: enough for stable percentiles, short enough to finish. */
const FUSE_SAMPLE = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time(label: string, qs: string[], run: (q: string) => unknown): void {
  for (const q of qs.slice(0, 50)) run(q); // warm-up: JIT and caches
  const samples: number[] = [];
  for (const q of qs) {
    const start = performance.now();
    run(q);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;
  console.log(
    `${label.padEnd(34)} n=${samples.length}  p50=${fmt(percentile(samples, 50))}  p90=${fmt(percentile(samples, 90))}  p99=${fmt(percentile(samples, 99))}  max=${fmt(samples[samples.length - 1] ?? 0)}`,
  );
}

function folderBytes(dir: string): { files: number; bytes: number } {
  return readdirSync(dir).reduce(
    (acc, name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        const inner = folderBytes(path);
        return { files: acc.files + inner.files, bytes: acc.bytes + inner.bytes };
      }
      return name.endsWith('.yaml') ? { files: acc.files + 1, bytes: acc.bytes + stat.size } : acc;
    },
    { files: 0, bytes: 0 },
  );
}

const root = defaultKnowledgeDir();
const loadStart = performance.now();
const kb = loadKnowledge(root);
const loadMs = performance.now() - loadStart;
const buildStart = performance.now();
const engine = new AnswerEngine(kb);
const buildMs = performance.now() - buildStart;
const qs = questions(engine);
const size = folderBytes(root);
const entries = [kb.general, ...kb.services].reduce((n, f) => n + f.responsibilities.length, 0);
const variants = [kb.general, ...kb.services].reduce((n, f) => n + f.responsibilities.reduce((m, r) => m + r.variants.length, 0), 0);

console.log(`knowledge base: ${size.files} YAML files, ${(size.bytes / 1024).toFixed(1)} KiB; ${kb.services.length} services, ${kb.domains.length} domains, ${entries} entries, ${variants} variants, ${kb.concepts.length} concepts`);
console.log(`index: ${engine.index.units.length} searchable units, ${engine.index.vocabulary.size} terms; load ${loadMs.toFixed(0)} ms, build ${buildMs.toFixed(0)} ms`);
console.log(`questions: ${qs.length} (templates × services × domains, authored examples, every 4th with a typo)`);

const fuse = new Fuse(
  engine.index.units.map((unit) => ({
    id: unit.id,
    text: [unit.entry?.why, unit.variant?.when, ...(unit.variant?.keywords ?? unit.entry?.keywords ?? []), unit.concept?.title].filter(Boolean).join(' '),
  })),
  { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 },
);
time('answer engine (engine.answer)', qs, (q) => engine.answer(q));
// fuse.js scores every unit's whole text per question (≈ 100 ms each here), so it runs on an even sample.
const sample = qs.filter((_, i) => i % Math.ceil(qs.length / FUSE_SAMPLE) === 0);
time('plain fuse.js over the same units', sample, (q) => fuse.search(q, { limit: 5 }));
