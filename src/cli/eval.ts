import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Bot } from '../core/bot';
import { ANSWER_THRESHOLD } from '../core/answer/answer-engine';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { defaultKnowledgeDir, projectRoot } from '../project-root';
import { toAskJson } from './ask-json';

const evalRowSchema = z.object({
  q: z.string().min(1),
  /** null: a question that must not get an owner (not about ownership, another cloud, on-premises, small talk). */
  owner: z.enum(['aws', 'customer', 'shared']).nullable(),
  service: z.string().nullable().optional(),
  topic: z.string().nullable().optional(),
  style: z.string().default('unspecified'),
  /** Earlier questions of the same thread, oldest first (follow-ups). */
  context: z.array(z.string()).optional(),
});
export type EvalRow = z.infer<typeof evalRowSchema>;

export interface EvalMiss {
  row: EvalRow;
  got: string | null;
  confidence: number;
  topic: string | null;
  service: string | null;
}

interface Tally {
  total: number;
  correct: number;
  /** An owner was given and it is wrong (also: an owner given where none was expected). */
  confidentlyWrong: number;
  /** No owner given where one was expected. */
  abstained: number;
}

export interface EvalResult extends Tally {
  byStyle: Map<string, Tally>;
  /** Answers with an owner, by confidence bucket: how often the owner was right. */
  reliability: Map<string, { answered: number; right: number }>;
  misses: EvalMiss[];
}

const emptyTally = (): Tally => ({ total: 0, correct: 0, confidentlyWrong: 0, abstained: 0 });
const BUCKETS = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];

function bucketOf(confidence: number): string {
  for (let i = 0; i < BUCKETS.length - 1; i++) {
    const low = BUCKETS[i] as number;
    const high = BUCKETS[i + 1] as number;
    if (confidence < high) return `${low.toFixed(1)}–${Math.min(high, 1).toFixed(1)}`;
  }
  return '1.0';
}

export function parseEvalFile(text: string, file: string): EvalRow[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line !== '')
    .map(({ line, index }) => {
      const parsed = evalRowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

function count(tally: Tally, expected: string | null, got: string | null): void {
  tally.total += 1;
  if (got === expected) tally.correct += 1;
  else if (got === null) tally.abstained += 1;
  else tally.confidentlyWrong += 1;
}

export function runEval(bot: Bot, rows: EvalRow[]): EvalResult {
  const result: EvalResult = { ...emptyTally(), byStyle: new Map(), reliability: new Map(), misses: [] };
  for (const row of rows) {
    const json = toAskJson(bot.ask(row.q, row.context ?? []));
    count(result, row.owner, json.owner);
    const style = result.byStyle.get(row.style) ?? emptyTally();
    count(style, row.owner, json.owner);
    result.byStyle.set(row.style, style);
    if (json.owner !== null) {
      const bucket = result.reliability.get(bucketOf(json.confidence)) ?? { answered: 0, right: 0 };
      bucket.answered += 1;
      if (json.owner === row.owner) bucket.right += 1;
      result.reliability.set(bucketOf(json.confidence), bucket);
    }
    if (json.owner !== row.owner) result.misses.push({ row, got: json.owner, confidence: json.confidence, topic: json.topic, service: json.service });
  }
  return result;
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

export function formatEval(file: string, result: EvalResult, showMisses = true): string {
  const lines = [`eval: ${file}`];
  if (showMisses) {
    for (const miss of result.misses) {
      const kind = miss.got === null ? 'ABSTAINED' : 'WRONG';
      const context = miss.row.context?.length ? ` [after: ${miss.row.context.join(' / ')}]` : '';
      lines.push(`${kind} [${miss.row.style}] expected ${miss.row.owner ?? 'no owner'}, got ${miss.got ?? 'no owner'} (confidence ${miss.confidence}, matched ${miss.service ?? '-'}/${miss.topic ?? '-'}): ${miss.row.q}${context}`);
    }
  }
  lines.push('by style:            accuracy   confidently wrong   abstained on answerable');
  for (const [style, t] of [...result.byStyle].sort()) {
    lines.push(`  ${style.padEnd(12)} ${pct(t.correct, t.total).padStart(7)} (${t.correct}/${t.total})   ${String(t.confidentlyWrong).padStart(3)}   ${String(t.abstained).padStart(3)}`);
  }
  lines.push(`reliability (answers with an owner; an owner is named at calibrated confidence ${ANSWER_THRESHOLD} or above):`);
  for (const [bucket, r] of [...result.reliability].sort()) lines.push(`  confidence ${bucket}: ${pct(r.right, r.answered).padStart(6)} right (${r.right}/${r.answered})`);
  lines.push(`owner accuracy: ${pct(result.correct, result.total)} (${result.correct}/${result.total})`);
  lines.push(`confidently wrong: ${pct(result.confidentlyWrong, result.total)} (${result.confidentlyWrong}/${result.total})`);
  lines.push(`abstained on answerable: ${pct(result.abstained, result.total)} (${result.abstained}/${result.total})`);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const shared = join(projectRoot(), '..', 'shared', 'eval');
  const targets = files.length > 0 ? files : [join(shared, 'public.jsonl'), join(shared, 'public-v2.jsonl')];
  const bot = new Bot(loadKnowledge(defaultKnowledgeDir()));
  const out = targets.map((file) => formatEval(file, runEval(bot, parseEvalFile(readFileSync(file, 'utf8'), file)), !quiet));
  process.stdout.write(`${out.join('\n\n')}\n`);
}
