import type { ActionsBlock, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { decodeActionId } from '../../../../src/adapters/slack/slack-action-ids';
import {
  MAX_ACTIONS_ELEMENTS,
  MAX_BLOCKS,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_CONTEXT_ELEMENTS,
  MAX_CONTEXT_TEXT,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
} from '../../../../src/adapters/slack/slack-limits';
import { toBlockKit } from '../../../../src/adapters/slack/to-block-kit';
import type { Reply, ReplyButton } from '../../../../src/core/types';

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'answer',
    title: 'Encryption at rest on Amazon S3',
    owner: 'customer',
    echo: 'who owns encryption on S3',
    sections: [{ heading: 'Why', text: 'You choose how objects are encrypted.' }],
    buttons: [{ label: 'Share in channel', actionId: 'srm.share', value: 'who owns encryption on S3', style: 'primary' }],
    links: [{ label: 'docs.aws.amazon.com · UsingEncryption.html', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html' }],
    reviewed: '2026-11-22',
    fallbackText: 'Encryption at rest on Amazon S3 — owner: Customer',
    ...overrides,
  };
}

const ofType = <T extends KnownBlock>(blocks: KnownBlock[], type: T['type']): T[] => blocks.filter((block): block is T => block.type === type);

/** Every text object in a message, wherever it sits. */
function allTexts(blocks: KnownBlock[]): { where: string; text: string }[] {
  return blocks.flatMap((block) => {
    if (block.type === 'header') return [{ where: 'header', text: block.text.text }];
    if (block.type === 'section') return [{ where: 'section', text: block.text?.text ?? '' }];
    if (block.type === 'context') return block.elements.map((e) => ({ where: 'context', text: 'text' in e ? e.text : '' }));
    if (block.type === 'actions') return block.elements.map((e) => ({ where: 'button', text: e.type === 'button' ? e.text.text : '' }));
    return [];
  });
}

const LIMIT: Record<string, number> = { header: MAX_HEADER_TEXT, section: MAX_SECTION_TEXT, context: MAX_CONTEXT_TEXT, button: MAX_BUTTON_TEXT };

describe('toBlockKit', () => {
  it('renders header with owner, echo, sections, sources with review date and buttons, plus fallback text', () => {
    const message = toBlockKit(reply());

    expect(message.text).toBe('Encryption at rest on Amazon S3 — owner: Customer');
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'context', 'section', 'context', 'actions']);
    expect(ofType<HeaderBlock>(message.blocks, 'header')[0]?.text.text).toBe('Encryption at rest on Amazon S3 · Owner: Customer');
    const [echo, sources] = ofType<ContextBlock>(message.blocks, 'context');
    expect(echo?.elements).toEqual([{ type: 'mrkdwn', text: 'You asked: who owns encryption on S3', verbatim: true }]);
    expect(sources?.elements.map((e) => ('text' in e ? e.text : ''))).toEqual([
      'Source:',
      '<https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html|docs.aws.amazon.com · UsingEncryption.html>',
      'reviewed 2026-11-22',
    ]);
    expect(ofType<SectionBlock>(message.blocks, 'section')[0]?.text?.text).toBe('*Why*\nYou choose how objects are encrypted.');
    const button = ofType<ActionsBlock>(message.blocks, 'actions')[0]?.elements[0];
    expect(button).toMatchObject({ type: 'button', action_id: 'srm.share:0', value: 'who owns encryption on S3', style: 'primary' });
  });

  it('renders the by-service table as mrkdwn lines', () => {
    const message = toBlockKit(
      reply({ table: { columns: ['Service', 'Owner', 'Why'], rows: [['Amazon EBS', 'Customer', 'you enable it'], ['Amazon DynamoDB', 'AWS', 'always on']] } }),
    );

    const texts = ofType<SectionBlock>(message.blocks, 'section').map((s) => s.text?.text);
    expect(texts).toContain('*By service*\n• *Amazon EBS* · Owner: Customer · Why: you enable it\n• *Amazon DynamoDB* · Owner: AWS · Why: always on');
  });

  it('escapes every string from the Reply, so nothing can mention, ping or link', () => {
    const hostile = '<!channel> <!here> <@U123> <#C123> <https://evil.example|x> & done';
    const message = toBlockKit(
      reply({
        title: hostile,
        echo: hostile,
        sections: [{ heading: hostile, text: hostile }],
        table: { columns: [hostile, hostile], rows: [[hostile, hostile]] },
        buttons: [{ label: hostile, actionId: 'srm.ask', value: hostile }],
        links: [{ label: hostile, url: 'https://docs.aws.amazon.com/a?b=1&c=2' }],
        reviewed: hostile,
        fallbackText: hostile,
      }),
    );

    for (const { where, text } of [...allTexts(message.blocks), { where: 'fallback', text: message.text }]) {
      expect({ where, text }).toEqual({ where, text: expect.not.stringMatching(/<!|<@|<#|<https:\/\/evil|&(?!amp;|lt;|gt;)/) });
    }
    expect(allTexts(message.blocks).some(({ text }) => text.includes('<https://docs.aws.amazon.com/a?b=1&amp;c=2|'))).toBe(true);
  });

  it('echoes the user\'s *bold*, _italic_, ~strike~ and `code` without formatting, and bare URLs verbatim (not linked)', () => {
    const message = toBlockKit(reply({ echo: 'who owns *urgent* _this_ ~not~ `rm` https://evil.example/x' }));
    const [echo] = ofType<ContextBlock>(message.blocks, 'context');
    const element = echo?.elements[0] as { text: string; verbatim?: boolean };
    expect(element.verbatim).toBe(true);
    // Slack formats a marker only when it touches a word: each marker is fenced off with a zero-width space.
    for (const formatted of [/\*urgent\*/, /_this_/, /~not~/, /`rm`/]) expect(element.text).not.toMatch(formatted);
    expect(element.text.replace(/\u200B/g, '')).toBe('You asked: who owns *urgent* _this_ ~not~ `rm` https://evil.example/x');
  });

  it('shows a non-http source as plain text, never as a link', () => {
    const message = toBlockKit(reply({ links: [{ label: 'click me', url: 'javascript:alert(1)' }] }));

    const texts = allTexts(message.blocks).map((t) => t.text);
    expect(texts).toContain('click me');
    expect(texts.join('')).not.toContain('javascript:');
  });

  it('credits the sharer only with a well-formed Slack user id', () => {
    expect(JSON.stringify(toBlockKit(reply(), { sharedBy: 'U0ABC123' }).blocks)).toContain('Shared by <@U0ABC123>');
    expect(JSON.stringify(toBlockKit(reply(), { sharedBy: 'U1> <!channel' }).blocks)).not.toContain('Shared by');
  });

  it('cuts an oversized Reply to Slack limits: blocks, texts, buttons, values, fallback', () => {
    const buttons: ReplyButton[] = Array.from({ length: 40 }, (_, i) => ({
      label: `${'Same question on a service with a very long name '.repeat(2)}${i}`.slice(0, 100),
      actionId: i % 2 === 0 ? 'srm.topic' : 'srm.ask',
      value: i === 7 ? 'v'.repeat(MAX_BUTTON_VALUE + 1) : `value-${i}`,
    }));
    const huge = reply({
      title: 'T'.repeat(400),
      echo: 'e'.repeat(5000),
      sections: Array.from({ length: 60 }, (_, i) => ({ heading: `Part ${i}`, text: `${'long & <text> '.repeat(400)}`.slice(0, 5000) })),
      table: { columns: ['Service', 'Owner'], rows: Array.from({ length: 300 }, (_, i) => [`Service ${i} ${'x'.repeat(80)}`, 'AWS']) },
      buttons,
      links: Array.from({ length: 15 }, (_, i) => ({ label: `source ${i}`, url: `https://docs.aws.amazon.com/${i}` })),
      fallbackText: 'f'.repeat(50_000),
    });

    const message = toBlockKit(huge);

    expect(message.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(message.text.length).toBeGreaterThan(0);
    expect(message.text.length).toBeLessThanOrEqual(MAX_FALLBACK_TEXT);
    for (const { where, text } of allTexts(message.blocks)) {
      expect(text.length).toBeLessThanOrEqual(LIMIT[where] as number);
      expect(text.length).toBeGreaterThan(0);
    }
    const header = ofType<HeaderBlock>(message.blocks, 'header')[0]?.text.text ?? '';
    expect(header).toMatch(/… · Owner: Customer$/);
    // The cut keeps the header first and the sources and buttons last, with a visible notice in between.
    expect(message.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(message.blocks)).toMatch(/\(truncated: \d+ more parts not shown\)/);
    const actions = ofType<ActionsBlock>(message.blocks, 'actions');
    expect(actions.length).toBe(2);
    expect(message.blocks.slice(-2).every((block) => block.type === 'actions')).toBe(true);
    for (const block of actions) expect(block.elements.length).toBeLessThanOrEqual(MAX_ACTIONS_ELEMENTS);
    const elements = actions.flatMap((block) => block.elements).filter((e) => e.type === 'button');
    expect(elements).toHaveLength(39);
    for (const element of elements) {
      expect(element.value?.length ?? 0).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
      expect(decodeActionId(element.action_id ?? '')).not.toBeNull();
    }
    expect(new Set(elements.map((e) => e.action_id)).size).toBe(elements.length);
    for (const block of ofType<ContextBlock>(message.blocks, 'context')) expect(block.elements.length).toBeLessThanOrEqual(MAX_CONTEXT_ELEMENTS);
  });

  it('never cuts inside an escaped entity or an emoji', () => {
    const message = toBlockKit(reply({ sections: [{ heading: '', text: `${'a'.repeat(MAX_SECTION_TEXT - 3)}&&&&` }] }));
    const text = ofType<SectionBlock>(message.blocks, 'section')[0]?.text?.text ?? '';
    expect(text).toMatch(/a…$/);

    const emoji = toBlockKit(reply({ buttons: [{ label: `${'b'.repeat(MAX_BUTTON_TEXT - 2)}👍👍`, actionId: 'feedback.up', value: 'q' }] }));
    const label = ofType<ActionsBlock>(emoji.blocks, 'actions')[0]?.elements[0];
    expect(label?.type === 'button' ? label.text.text : '').toMatch(/^b+…$/);
  });
});
