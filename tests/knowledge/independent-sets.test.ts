import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvalFile, runEval } from '../../src/cli/eval';
import { Bot } from '../../src/core/bot';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';

/**
 * Question sets written from AWS documentation by helpers who never saw the knowledge base or the engine, in the
 * styles of the published v2 set (realistic, exam, new services, variants, concepts, non-ownership, typos,
 * multi-service, follow-ups with context, false premises). Floors sit a little under the measured figures, so a
 * regression fails here; the ceilings on confidently wrong answers keep "never guess confidently" honest.
 */
const bot = new Bot(loadKnowledge(join(__dirname, '..', '..', 'knowledge')));

describe.each([
  // file, rows, accuracy floor, confidently-wrong ceiling, non-ownership slips allowed
  ['independent-a.jsonl', 130, 0.84, 0.1, 1],
  ['independent-b.jsonl', 130, 0.8, 0.12, 1],
  ['holdout-c.jsonl', 120, 0.86, 0.07, 0],
  ['holdout-d.jsonl', 120, 0.78, 0.16, 1],
])('independent question set %s', (name, rows, accuracyFloor, wrongCeiling, slips) => {
  const file = join(__dirname, '..', 'fixtures', 'eval', name);
  const parsed = parseEvalFile(readFileSync(file, 'utf8'), file);
  const result = runEval(bot, parsed);

  it('has its questions, follow-ups with context among them', () => {
    expect(parsed).toHaveLength(rows);
    expect(parsed.some((row) => (row.context ?? []).length > 0)).toBe(true);
  });

  it(`names the right owner on at least ${Math.round(accuracyFloor * 100)}% and is confidently wrong on at most ${Math.round(wrongCeiling * 100)}%`, () => {
    expect(result.correct / result.total).toBeGreaterThanOrEqual(accuracyFloor);
    expect(result.confidentlyWrong / result.total).toBeLessThanOrEqual(wrongCeiling);
  });

  it('gives no owner to questions that are not about ownership', () => {
    expect(result.misses.filter((miss) => miss.row.owner === null).length).toBeLessThanOrEqual(slips);
  });
});
