import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ACTIONS_PER_SET } from '../../../../src/adapters/teams/card-elements';
import { MAX_MESSAGE_BYTES, toAdaptiveCard, toTeamsMessage } from '../../../../src/adapters/teams/to-adaptive-card';
import { Bot } from '../../../../src/core/bot';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { finishReply } from '../../../../src/core/render/reply-parts';
import type { Reply } from '../../../../src/core/types';
import { defaultKnowledgeDir, projectRoot } from '../../../../src/project-root';
import { adaptiveCardProblems } from './teams-card-validator';

type Json = Record<string, unknown>;

const base = (overrides: Partial<Omit<Reply, 'fallbackText'>> = {}): Reply =>
  finishReply({ kind: 'answer', title: 'Encryption at rest on Amazon S3', owner: 'customer', sections: [], buttons: [], links: [], ...overrides });

/** Every element in the card, depth first. */
function elements(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Json;
  const own = typeof record.type === 'string' ? [record] : [];
  return [...own, ...Object.values(record).flatMap(elements)];
}

const texts = (card: unknown): string[] => elements(card).flatMap((e) => (e.type === 'TextBlock' ? [String(e.text)] : []));

describe('toAdaptiveCard', () => {
  it('renders a 1.5 card with a coloured owner badge beside the title and the fallback text', () => {
    const card = toAdaptiveCard(base());
    expect(card.version).toBe('1.5');
    const badge = elements(card).find((e) => e.type === 'TextBlock' && e.text === 'CUSTOMER');
    expect(badge).toMatchObject({ weight: 'Bolder', color: 'Warning' });
    expect(elements(card).some((e) => e.type === 'ColumnSet')).toBe(true);
    expect(card.fallbackText).toContain('owner: Customer');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it.each([
    ['aws', 'AWS', 'Accent'],
    ['shared', 'SHARED', 'Good'],
  ] as const)('colours the %s badge', (owner, label, color) => {
    expect(elements(toAdaptiveCard(base({ owner })))).toContainEqual(expect.objectContaining({ text: label, color }));
  });

  it('escapes the echoed question so user text never becomes Markdown', () => {
    const card = toAdaptiveCard(base({ echo: 'who owns **[this](https://evil.example)** <b>x</b>' }));
    expect(texts(card)).toContain('**You asked:** who owns \\*\\*\\[this\\](https://evil.example)\\*\\* &lt;b&gt;x&lt;/b&gt;');
  });

  it('puts short sections inline and splits multi-line ones into one TextBlock per line', () => {
    const card = toAdaptiveCard(base({ sections: [{ heading: 'Why', text: 'Because.' }, { heading: 'You own', text: '• one\n• two' }] }));
    expect(texts(card)).toEqual(expect.arrayContaining(['**Why:** Because.', '**You own:**', '• one', '• two']));
  });

  it('draws the by-service table as a Table with a header row and a one-line-per-row fallback', () => {
    const table = { columns: ['Service', 'Owner', 'Why'], rows: [['Amazon S3', 'Customer', 'You pick the key.'], ['Amazon DynamoDB', 'AWS', 'Always on.']] };
    const card = toAdaptiveCard(base({ kind: 'depends', owner: null, table }));
    const element = elements(card).find((e) => e.type === 'Table');
    expect(element).toMatchObject({ firstRowAsHeader: true });
    expect((element?.rows as unknown[]).length).toBe(3);
    expect(texts(element?.fallback)).toEqual(['**Amazon S3** · Customer · You pick the key.', '**Amazon DynamoDB** · AWS · Always on.']);
    expect(texts(card)).toContain('DEPENDS');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('links sources in Markdown, with the review date, and drops non-http links', () => {
    const links = [
      { label: 'docs · a_b.md', url: 'https://docs.aws.amazon.com/x/a_(b).md' },
      { label: 'bad', url: 'javascript:alert(1)' },
    ];
    const card = toAdaptiveCard(base({ links, reviewed: '2026-11-22' }));
    expect(texts(card)).toContain('Source (reviewed 2026-11-22): [docs · a\\_b.md](https://docs.aws.amazon.com/x/a_%28b%29.md)');
  });

  it('puts navigation buttons in the body, votes in the action bar, and leaves out "Share in channel"', () => {
    const buttons: Reply['buttons'] = [
      { label: 'Share in channel', actionId: 'srm.share', value: 'q', style: 'primary' },
      ...Array.from({ length: 7 }, (_v, i) => ({ label: `Same on service ${i}`, actionId: 'srm.topic' as const, value: `svc${i}/encryption-at-rest` })),
      { label: '👍 Helpful', actionId: 'feedback.up', value: 'q' },
      { label: '👎 Not helpful', actionId: 'feedback.down', value: 'q' },
    ];
    const card = toAdaptiveCard(base({ buttons }));
    const sets = elements(card.body).filter((e) => e.type === 'ActionSet');
    expect(sets.map((set) => (set.actions as unknown[]).length)).toEqual([MAX_ACTIONS_PER_SET, 7 - MAX_ACTIONS_PER_SET]);
    expect(elements(card.body).find((e) => e.type === 'Action.Submit')).toMatchObject({ data: { actionId: 'srm.topic', value: 'svc0/encryption-at-rest' } });
    expect(card.actions.map((a) => (a.data as Json).actionId)).toEqual(['feedback.up', 'feedback.down']);
    expect(JSON.stringify(card)).not.toContain('srm.share');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});

describe('toTeamsMessage', () => {
  it('sends the card as an attachment with a short summary', () => {
    const message = toTeamsMessage(base({ sections: [{ heading: 'Why', text: 'x'.repeat(2000) }] }));
    expect(message.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.summary?.startsWith('Encryption at rest on Amazon S3 — owner: Customer')).toBe(true);
    expect(message.summary?.length).toBeLessThanOrEqual(500);
  });

  it('sends a bare notice as plain text', () => {
    const message = toTeamsMessage(base({ kind: 'notice', title: 'Thanks, noted.', owner: null }));
    expect(message).toEqual({ type: 'message', text: 'Thanks, noted.', textFormat: 'plain' });
  });

  it('drops the table fallback, then the card, when the message would pass the Teams size limit', () => {
    const rows = (count: number, width: number): string[][] => Array.from({ length: count }, (_v, i) => [`Service ${i}`, 'AWS', 'w'.repeat(width)]);
    const large = base({ table: { columns: ['Service', 'Owner', 'Why'], rows: rows(24, 300) } });
    expect(Buffer.byteLength(JSON.stringify(toAdaptiveCard(large)))).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const compactable = toTeamsMessage(large);
    expect(Buffer.byteLength(JSON.stringify(compactable))).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(JSON.stringify(compactable)).toContain('"Table"');
    expect(JSON.stringify(compactable)).not.toContain('"fallback"');

    const huge = toTeamsMessage(base({ table: { columns: ['Service', 'Owner', 'Why'], rows: rows(200, 300) } }));
    expect(huge.attachments).toBeUndefined();
    expect(huge.text?.startsWith('Encryption at rest on Amazon S3 — owner: Customer')).toBe(true);
  });
});

describe('cards for the dev question set', () => {
  const bot = new Bot(loadKnowledge(defaultKnowledgeDir()));
  const questions = readFileSync(join(projectRoot(), 'tests', 'fixtures', 'dev-questions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);

  it('each parses and validates in adaptivecards with zero problems and fits a Teams message', () => {
    const failures = questions.flatMap((question) => {
      const reply = bot.ask(question).reply;
      const problems = adaptiveCardProblems(toAdaptiveCard(reply));
      const size = Buffer.byteLength(JSON.stringify(toTeamsMessage(reply)));
      return problems.length > 0 || size > MAX_MESSAGE_BYTES ? [{ question, problems, size }] : [];
    });
    expect(failures).toEqual([]);
  });
});
