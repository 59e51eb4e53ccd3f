import { toTeamsMessage } from '../../../../src/adapters/teams/to-adaptive-card';
import { Bot } from '../../../../src/core/bot';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../../../../src/project-root';
import { adaptiveCardSchemaProblems } from './teams-card-validator';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Varied questions: owner answers on S3, EC2, RDS and Lambda, a "depends" answer, a did-you-mean, help, the
 * by-service table, a compare table, concepts and an off-topic one.
 */
const QUESTIONS = [
  'who is responsible for encrypting data in s3',
  'who patches the guest os on ec2',
  'encryption',
  'who handles backups for rds',
  'who patches the database engine in rds',
  'who is responsible for lambda runtime updates',
  'who secures lambda function code',
  'who owns s3 bucket policies',
  'who handles the data',
  'help',
  'what do i own for ec2 rds s3',
  'compare patching on ec2 vs lambda',
  'what is the shared responsibility model',
  'what is security of the cloud vs security in the cloud',
  'what is the best pizza topping',
];

const minimalCard = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello', wrap: true }],
  ...extra,
});

/** Every `type` in a card (elements, actions, the card itself), depth first. */
function typesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(typesIn);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  return [...(typeof record.type === 'string' ? [record.type] : []), ...Object.values(record).flatMap(typesIn)];
}

describe('Teams cards against the Adaptive Card 1.5 JSON schema', () => {
  const bot = new Bot(loadKnowledge(defaultKnowledgeDir()));
  const cardsFor = (question: string): unknown[] =>
    (toTeamsMessage(bot.ask(question).reply).attachments ?? [])
      .filter((attachment) => attachment.contentType === ADAPTIVE_CARD)
      .map((attachment) => attachment.content as unknown);

  it.each(QUESTIONS)('%s: every card attachment is schema-valid', (question) => {
    const cards = cardsFor(question);
    // Every one of these questions gets a card (none is a plain notice, none is too big for a card).
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(adaptiveCardSchemaProblems(card)).toEqual([]);
  });

  it('the questions cover every element the Teams adapter draws', () => {
    const types = new Set(QUESTIONS.flatMap((question) => cardsFor(question).flatMap(typesIn)));
    for (const type of ['Container', 'ColumnSet', 'Column', 'TextBlock', 'Table', 'TableRow', 'TableCell', 'ActionSet', 'Action.Submit']) {
      expect(types).toContain(type);
    }
  });
});

describe('adaptiveCardSchemaProblems', () => {
  it('accepts a plain valid card with msteams {width: "Full"}', () => {
    expect(adaptiveCardSchemaProblems(minimalCard({ msteams: { width: 'Full' } }))).toEqual([]);
  });

  it('accepts a plain valid card without msteams', () => {
    expect(adaptiveCardSchemaProblems(minimalCard())).toEqual([]);
  });

  it('rejects msteams content beyond {width: "Full"}', () => {
    const problems = adaptiveCardSchemaProblems(minimalCard({ msteams: { width: 'Full', foo: 1 } }));
    expect(problems).toEqual([expect.stringContaining('/msteams')]);
  });

  it('rejects an msteams width other than "Full"', () => {
    expect(adaptiveCardSchemaProblems(minimalCard({ msteams: { width: 'Wide' } }))).not.toEqual([]);
  });

  it('rejects an unknown top-level property', () => {
    const problems = adaptiveCardSchemaProblems(minimalCard({ msteams: { width: 'Full' }, colour: 'red' }));
    expect(problems).toEqual([expect.stringContaining("'colour'")]);
  });

  it('rejects a TextBlock with an unknown property', () => {
    const card = minimalCard({ body: [{ type: 'TextBlock', text: 'Hello', wrap: true, fontColour: 'red' }] });
    const problems = adaptiveCardSchemaProblems(card);
    expect(problems).toEqual([expect.stringMatching(/^\/body\/0: .*'fontColour'/)]);
  });

  it('names an element type the schema does not define', () => {
    expect(adaptiveCardSchemaProblems(minimalCard({ body: [{ type: 'Banner', text: 'Hi' }] }))).toEqual(["/body/0/type: unknown type 'Banner'"]);
  });

  it('rejects a TextBlock nested in a Container with an unknown property, pointing at the TextBlock', () => {
    const card = minimalCard({ body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Hi', bogus: true }] }] });
    expect(adaptiveCardSchemaProblems(card)).toEqual([expect.stringMatching(/^\/body\/0\/items\/0: .*'bogus'/)]);
  });
});
