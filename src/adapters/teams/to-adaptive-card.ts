import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { OWNER_LABEL, type Reply, type ReplyButton } from '../../core/types';
import { escapeTeamsMarkdown } from './escape-teams-markdown';
import {
  actionSets,
  markdownText,
  ownerColor,
  plainText,
  sectionElements,
  sourcesElement,
  submitAction,
  tableElement,
  type CardElement,
} from './card-elements';

/** Teams desktop, web and mobile render Adaptive Cards 1.5 (Table, action styles); later versions are not everywhere. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * Teams refuses bot messages above about 28 KB (text plus attachments). A reply whose card would pass this
 * goes out as its plain-text fallback instead, so the user always gets an answer.
 */
export const MAX_MESSAGE_BYTES = 26_000;

/** Longest plain-text message sent when the card is too big (Teams' text limit is near 28 KB). */
const MAX_TEXT_CHARS = 12_000;

/** `summary` feeds notifications and previews, which show a line or two; the card keeps the full fallback text. */
const MAX_SUMMARY_CHARS = 500;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions: CardElement[];
  /** Shown by clients that cannot render the card. */
  fallbackText: string;
  /** Teams-only: lets tables use the full message width. */
  msteams: { width: 'Full' };
}

/** Buttons that lead to another answer sit in the body; votes go to the card's own action bar. */
const isFeedback = (button: ReplyButton): boolean => button.actionId === 'feedback.up' || button.actionId === 'feedback.down';

/**
 * "Share in channel" is left out on Teams: Teams has no ephemeral replies, so every answer is already visible
 * in the conversation it was asked in, and re-posting it there would only duplicate it.
 */
const isShare = (button: ReplyButton): boolean => button.actionId === 'srm.share';

function header(reply: Reply): CardElement {
  const title = plainText(reply.title, { size: 'Medium', weight: 'Bolder' });
  const badge = reply.owner ? OWNER_LABEL[reply.owner].toUpperCase() : reply.kind === 'depends' ? 'DEPENDS' : null;
  if (!badge) return { type: 'Container', style: 'emphasis', bleed: true, items: [title] };
  return {
    type: 'Container',
    style: 'emphasis',
    bleed: true,
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: [title] },
          {
            type: 'Column',
            width: 'auto',
            verticalContentAlignment: 'Center',
            items: [{ type: 'TextBlock', text: badge, weight: 'Bolder', color: ownerColor(reply.owner), horizontalAlignment: 'Right', wrap: false }],
          },
        ],
      },
    ],
  };
}

export interface CardOptions {
  /** Leave out the Table's one-line-per-row fallback (for clients without Table) to keep a large card under the size limit. */
  compact?: boolean;
}

/** The neutral Reply as an Adaptive Card 1.5: owner badge, echo, sections, table, sources, buttons. */
export function toAdaptiveCard(reply: Reply, options: CardOptions = {}): AdaptiveCard {
  const body: CardElement[] = [header(reply)];
  if (reply.echo) {
    body.push(markdownText(`**You asked:** ${escapeTeamsMarkdown(reply.echo)}`, { isSubtle: true, spacing: 'Small' }));
  }
  for (const section of reply.sections) body.push(...sectionElements(section.heading, section.text));
  if (reply.table && reply.table.rows.length > 0) body.push(tableElement(reply.table, !options.compact));
  const sources = sourcesElement(reply.links, reply.reviewed);
  if (sources) body.push(sources);
  body.push(...actionSets(reply.buttons.filter((button) => !isFeedback(button) && !isShare(button))));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    actions: reply.buttons.filter(isFeedback).map(submitAction),
    fallbackText: reply.fallbackText,
    msteams: { width: 'Full' },
  };
}

/** A notice ("Thanks, noted") has nothing a card would add: it goes out as a plain message. */
function isPlainNotice(reply: Reply): boolean {
  return reply.kind === 'notice' && reply.sections.length === 0 && reply.buttons.length === 0 && reply.links.length === 0 && !reply.table;
}

const truncate = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function plainMessage(text: string): Partial<Activity> {
  // textFormat plain: Teams would otherwise read the text as Markdown.
  return { type: 'message', text: truncate(text, MAX_TEXT_CHARS), textFormat: 'plain' };
}

function cardMessage(reply: Reply, options: CardOptions): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(toAdaptiveCard(reply, options)));
  // Bot Framework's field for "text to show where the card cannot be shown"; Teams uses it for notifications.
  activity.summary = truncate(reply.fallbackText, MAX_SUMMARY_CHARS);
  return activity;
}

const fits = (activity: Partial<Activity>): boolean => Buffer.byteLength(JSON.stringify(activity), 'utf8') <= MAX_MESSAGE_BYTES;

/**
 * The outgoing Teams message for a Reply: the card with its text fallback (card `fallbackText` and activity
 * `summary`); a compact card when the full one is too big; plain text when even that is.
 */
export function toTeamsMessage(reply: Reply): Partial<Activity> {
  if (isPlainNotice(reply)) return plainMessage(reply.fallbackText);
  const full = cardMessage(reply, {});
  if (fits(full)) return full;
  const compact = cardMessage(reply, { compact: true });
  return fits(compact) ? compact : plainMessage(reply.fallbackText);
}
