import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { AnswerEngine } from '../src/core/answer/answer-engine';
import { loadKnowledge } from '../src/core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../src/project-root';
import { longUniqueQuestions, ordinaryQuestions } from './bench-questions';

/**
 * Match latency of the answer engine over ≥ 1,000 varied questions, beside a plain fuse.js search over the
 * same entries in the same run, plus the size of the knowledge base. Prints figures; asserts nothing.
 */

/** Questions the plain fuse.js baseline runs on: enough for stable percentiles, short enough to finish. */
const FUSE_SAMPLE = 300;
/** Long unique questions timed one by one (plus LONG_WARM_UP others, never timed, so none is asked twice). */
const LONG_COUNT = 1000;
const LONG_WARM_UP = 50;
const LONG_LENGTH = 1000;
const LONG_SEED = 0x5eed1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Sorted samples in ms. Warm-up (JIT and caches) runs the first 50 questions unless given others to run. */
function time(label: string, qs: string[], run: (q: string) => unknown, warmUp: string[] = qs.slice(0, 50)): number[] {
  for (const q of warmUp) run(q);
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
  return samples;
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
const qs = ordinaryQuestions(engine);
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
const ordinary = time('answer engine (engine.answer)', qs, (q) => engine.answer(q));
// fuse.js scores every unit's whole text per question (≈ 100 ms each here), so it runs on an even sample.
const sample = qs.filter((_, i) => i % Math.ceil(qs.length / FUSE_SAMPLE) === 0);
time('plain fuse.js over the same units', sample, (q) => fuse.search(q, { limit: 5 }));

// Long questions that share no cache entry: each carries random letter strings no earlier question used.
const longQs = longUniqueQuestions(LONG_WARM_UP + LONG_COUNT, LONG_SEED, LONG_LENGTH);
const longLengths = longQs.map((q) => q.length);
console.log('');
console.log(
  `long unique questions: ${LONG_COUNT} timed (+${LONG_WARM_UP} warm-up), ${Math.min(...longLengths)}–${Math.max(...longLengths)} characters, ${new Set(longQs).size} distinct (seed 0x${LONG_SEED.toString(16)})`,
);
const long = time('answer engine, long unique', longQs.slice(LONG_WARM_UP), (q) => engine.answer(q), longQs.slice(0, LONG_WARM_UP));
const ordinaryP99 = percentile(ordinary, 99);
const longMax = long[long.length - 1] ?? 0;
console.log(
  `long max / ordinary p99 (same run):  ${longMax.toFixed(3)} ms / ${ordinaryP99.toFixed(3)} ms = ${(longMax / ordinaryP99).toFixed(1)}×`,
);
