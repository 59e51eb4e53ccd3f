import type { ActionId, Owner, ReplyButton, ReplyLink, ReplyTable } from '../../core/types';
import { escapeTeamsMarkdown } from './escape-teams-markdown';

/** One Adaptive Card element or action, as plain JSON (the card travels as JSON in the attachment). */
export type CardElement = Record<string, unknown>;

/** What an Action.Submit carries back in `activity.value`; teams-bot.ts validates it on the way in. */
export interface SubmitData {
  actionId: ActionId;
  value: string;
}

/**
 * Teams renders at most 6 actions per set and adaptivecards' default host config 5; more are cut off
 * silently, so longer button lists are split into several sets of this size.
 */
export const MAX_ACTIONS_PER_SET = 5;

/** Adaptive Cards text colours: the owner badge uses the same colour for an owner on every card. */
const OWNER_COLOR: Record<Owner, string> = { aws: 'Accent', customer: 'Warning', shared: 'Good' };

export function ownerColor(owner: Owner | null): string {
  return owner ? OWNER_COLOR[owner] : 'Default';
}

/** A wrapping TextBlock of plain text, escaped so user or knowledge text never turns into Markdown. */
export function plainText(text: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: escapeTeamsMarkdown(text), wrap: true, ...options };
}

/** A TextBlock whose text the caller has already built from escaped parts and deliberate Markdown. */
export function markdownText(markdown: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: markdown, wrap: true, ...options };
}

/** Heading and text of one section: inline ("**Why:** …") when short, the heading on its own line otherwise. */
export function sectionElements(heading: string, text: string): CardElement[] {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const label = `**${escapeTeamsMarkdown(heading)}:**`;
  if (lines.length <= 1) return [markdownText(`${label} ${escapeTeamsMarkdown(lines[0] ?? '')}`.trim(), { spacing: 'Small' })];
  // One TextBlock per line: a single "\n" inside a TextBlock is not a reliable line break in every Teams client.
  return [
    markdownText(label, { spacing: 'Medium' }),
    ...lines.map((line) => plainText(line, { spacing: 'None' })),
  ];
}

/** Column weights from the cell lengths, so a long "Why" column gets the room and short owner columns do not. */
function columnWidths(table: ReplyTable): number[] {
  return table.columns.map((column, index) => {
    const cells = [column, ...table.rows.map((row) => row[index] ?? '')];
    const average = cells.reduce((sum, cell) => sum + cell.length, 0) / cells.length;
    return Math.min(4, Math.max(1, Math.round(average / 12)));
  });
}

function tableCell(text: string, header: boolean): CardElement {
  return { type: 'TableCell', items: [plainText(text, header ? { weight: 'Bolder' } : {})] };
}

/**
 * The by-service table as an Adaptive Cards 1.5 Table. Clients that cannot draw a Table (older Teams
 * mobile builds) use the `fallback`, one line per row, unless `withFallback` is false to save message size.
 */
export function tableElement(table: ReplyTable, withFallback = true): CardElement {
  const fallbackRows = table.rows.map((row) => {
    const [first = '', ...rest] = row;
    return markdownText(`**${escapeTeamsMarkdown(first)}** · ${rest.map(escapeTeamsMarkdown).join(' · ')}`, { spacing: 'Small' });
  });
  return {
    type: 'Table',
    spacing: 'Medium',
    firstRowAsHeader: true,
    gridStyle: 'accent',
    columns: columnWidths(table).map((width) => ({ width })),
    rows: [
      { type: 'TableRow', style: 'accent', cells: table.columns.map((column) => tableCell(column, true)) },
      ...table.rows.map((row) => ({ type: 'TableRow', cells: table.columns.map((_c, i) => tableCell(row[i] ?? '', false)) })),
    ],
    ...(withFallback ? { fallback: { type: 'Container', items: fallbackRows } } : {}),
  };
}

/** A Markdown link target: only http(s), with the characters that would end a Markdown link encoded. */
function linkTarget(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    // URL.href already percent-encodes spaces and angle brackets; parentheses would end the Markdown link early.
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return null;
  }
}

/** "Source (reviewed …): [label](url) · …" as one small TextBlock; links open in the browser from Teams. */
export function sourcesElement(links: readonly ReplyLink[], reviewed: string | undefined): CardElement | null {
  const parts = links.flatMap((link) => {
    const target = linkTarget(link.url);
    return target ? [`[${escapeTeamsMarkdown(link.label)}](${target})`] : [];
  });
  if (parts.length === 0) return null;
  const label = `Source${parts.length > 1 ? 's' : ''}${reviewed ? ` (reviewed ${escapeTeamsMarkdown(reviewed)})` : ''}`;
  return markdownText(`${label}: ${parts.join(' · ')}`, { size: 'Small', isSubtle: true, spacing: 'Medium' });
}

/** A button as Action.Submit; Teams posts `data` back as the `value` of a message activity. */
export function submitAction(button: ReplyButton): CardElement {
  const data: SubmitData = { actionId: button.actionId, value: button.value };
  return { type: 'Action.Submit', title: button.label, data, ...(button.style === 'primary' ? { style: 'positive' } : {}) };
}

/** Buttons as ActionSets in the card body, at most MAX_ACTIONS_PER_SET per set. */
export function actionSets(buttons: readonly ReplyButton[]): CardElement[] {
  const sets: CardElement[] = [];
  for (let start = 0; start < buttons.length; start += MAX_ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', spacing: 'Small', actions: buttons.slice(start, start + MAX_ACTIONS_PER_SET).map(submitAction) });
  }
  return sets;
}
