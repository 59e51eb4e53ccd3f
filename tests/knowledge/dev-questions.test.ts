import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bot } from '../../src/core/bot';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { parseEvalFile, runEval } from '../../src/cli/eval';

/**
 * A question set written independently of the knowledge base and of the published evaluation questions
 * (tests/fixtures/dev-questions.jsonl: one question per fact of the research table, six styles, plus off-topic
 * questions that must get no owner). It guards the engine against regressions on phrasings nobody tuned for.
 */
const file = join(__dirname, '..', 'fixtures', 'dev-questions.jsonl');
const rows = parseEvalFile(readFileSync(file, 'utf8'), file);
const result = runEval(new Bot(loadKnowledge(join(__dirname, '..', '..', 'knowledge'))), rows);

describe('independent development question set', () => {
  it('has a few hundred questions across every style', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect([...result.byStyle.keys()].sort()).toEqual(['exam', 'long', 'plain', 'short', 'slang', 'typo']);
  });

  it('gets the owner right on at least 92% of them', () => {
    expect(result.correct / result.total).toBeGreaterThanOrEqual(0.92);
  });

  it('gives no owner to any off-topic question', () => {
    expect(result.misses.filter((miss) => miss.row.owner === null).map((miss) => miss.row.q)).toEqual([]);
  });
});
