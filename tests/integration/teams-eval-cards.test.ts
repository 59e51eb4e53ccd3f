import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/project-root';
import { adaptiveCardProblems } from '../unit/adapters/teams/teams-card-validator';
import { startTeamsHarness, teamsActivity, type TeamsHarness } from './teams-harness';

/**
 * The published evaluation questions live beside the repository (../shared/eval), not in it; they are read at
 * test time and never copied. A checkout without them runs the same check on tests/fixtures/dev-questions.jsonl.
 */
const PUBLIC_EVAL = join(projectRoot(), '..', 'shared', 'eval', 'public.jsonl');
const DEV_QUESTIONS = join(projectRoot(), 'tests', 'fixtures', 'dev-questions.jsonl');
const source = existsSync(PUBLIC_EVAL) ? PUBLIC_EVAL : DEV_QUESTIONS;

function questions(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);
}

describe(`Teams cards for every question in ${source === PUBLIC_EVAL ? 'the public eval set' : 'the dev questions'}`, () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness(null);
  });
  afterAll(async () => {
    await h.stop();
  });

  it('answers each with a card that adaptivecards parses and validates with zero problems', async () => {
    const list = questions(source);
    expect(list.length).toBeGreaterThan(10);
    const failures: { question: string; problems: string[] }[] = [];
    for (const question of list) {
      h.connector.clear();
      const response = await h.post(teamsActivity(h.connector.serviceUrl, { text: question }));
      const cards = h.connector.cards();
      const problems =
        response.status !== 200 ? [`HTTP ${response.status}`] : cards.length !== 1 ? [`${cards.length} cards posted`] : adaptiveCardProblems(cards[0]);
      if (cards[0] && cards[0].version !== '1.5') problems.push(`version ${String(cards[0].version)}`);
      if (problems.length > 0) failures.push({ question, problems });
    }
    expect(failures).toEqual([]);
  });
});
