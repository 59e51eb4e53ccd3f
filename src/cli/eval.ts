import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Bot } from '../core/bot';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { defaultKnowledgeDir, projectRoot } from '../project-root';
import { toAskJson } from './ask-json';

const evalRowSchema = z.object({
  q: z.string().min(1),
  /** null: an off-topic question that must not get an owner. */
  owner: z.enum(['aws', 'customer', 'shared']).nullable(),
  service: z.string().nullable().optional(),
  topic: z.string().nullable().optional(),
  style: z.string().default('unspecified'),
});
type EvalRow = z.infer<typeof evalRowSchema>;

export interface EvalResult {
  total: number;
  correct: number;
  byStyle: Map<string, { total: number; correct: number }>;
  misses: { row: EvalRow; got: string | null; confidence: number; topic: string | null; service: string | null }[];
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

export function runEval(bot: Bot, rows: EvalRow[]): EvalResult {
  const result: EvalResult = { total: 0, correct: 0, byStyle: new Map(), misses: [] };
  for (const row of rows) {
    const json = toAskJson(bot.ask(row.q));
    const ok = json.owner === row.owner;
    result.total += 1;
    if (ok) result.correct += 1;
    const style = result.byStyle.get(row.style) ?? { total: 0, correct: 0 };
    style.total += 1;
    if (ok) style.correct += 1;
    result.byStyle.set(row.style, style);
    if (!ok) result.misses.push({ row, got: json.owner, confidence: json.confidence, topic: json.topic, service: json.service });
  }
  return result;
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

if (require.main === module) {
  const file = process.argv[2] ?? join(projectRoot(), '..', 'shared', 'eval', 'public.jsonl');
  const bot = new Bot(loadKnowledge(defaultKnowledgeDir()));
  const result = runEval(bot, parseEvalFile(readFileSync(file, 'utf8'), file));
  const lines = [`eval: ${file}`];
  for (const miss of result.misses) {
    lines.push(`MISS [${miss.row.style}] expected ${miss.row.owner ?? 'no owner'}, got ${miss.got ?? 'no owner'} (confidence ${miss.confidence}, matched ${miss.service ?? '-'}/${miss.topic ?? '-'}): ${miss.row.q}`);
  }
  lines.push('accuracy by style:');
  for (const [style, counts] of [...result.byStyle].sort()) {
    lines.push(`  ${style.padEnd(8)} ${pct(counts.correct, counts.total).padStart(6)}  (${counts.correct}/${counts.total})`);
  }
  lines.push(`owner accuracy: ${pct(result.correct, result.total)} (${result.correct}/${result.total})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
