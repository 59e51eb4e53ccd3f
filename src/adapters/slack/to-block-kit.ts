import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { OWNER_LABEL, type Reply, type ReplyButton, type ReplyLink, type ReplyTable } from '../../core/types';
import { escapeAndFit, escapeMrkdwn, escapeUserText, truncateEscaped } from './escape-mrkdwn';
import { encodeActionId } from './slack-action-ids';
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
} from './slack-limits';

/** What chat.postMessage, chat.postEphemeral and respond() all take. */
export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows it where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

export interface BlockKitOptions {
  /** Slack user id of whoever shared the card into the channel; shown as "Shared by @name". */
  sharedBy?: string;
}

/** A card with more buttons than this is already unreadable; two actions blocks hold them. */
const MAX_ACTIONS_BLOCKS = 2;
const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;

/** Reply → Block Kit. Every string from the Reply is escaped, so none of it can mention, ping or link. */
export function toBlockKit(reply: Reply, options: BlockKitOptions = {}): SlackMessage {
  const head: KnownBlock[] = [headerBlock(reply)];
  if (options.sharedBy && SLACK_USER_ID.test(options.sharedBy)) head.push(contextBlock([`Shared by <@${options.sharedBy}>`]));
  if (reply.echo) head.push(verbatimContextBlock(`You asked: ${escapeUserText(reply.echo)}`));

  const body: KnownBlock[] = reply.sections.map((section) =>
    sectionBlock(section.heading ? `*${escapeMrkdwn(section.heading)}*\n${escapeMrkdwn(section.text)}` : escapeMrkdwn(section.text)),
  );
  if (reply.table && reply.table.rows.length > 0) body.push(...tableBlocks(reply.table));

  const tail: KnownBlock[] = [];
  const sources = sourcesBlock(reply.links, reply.reviewed);
  if (sources) tail.push(sources);
  tail.push(...actionsBlocks(reply.buttons));

  return { text: fallbackText(reply), blocks: fitBlocks(head, body, tail) };
}

/** Keeps the header, the source links and the buttons; cuts the middle when the card is too long. */
function fitBlocks(head: KnownBlock[], body: KnownBlock[], tail: KnownBlock[]): KnownBlock[] {
  if (head.length + body.length + tail.length <= MAX_BLOCKS) return [...head, ...body, ...tail];
  const room = MAX_BLOCKS - head.length - tail.length - 1;
  const kept = body.slice(0, Math.max(0, room));
  const notice = contextBlock([`(truncated: ${body.length - kept.length} more part${body.length - kept.length === 1 ? '' : 's'} not shown)`]);
  return [...head, ...kept, notice, ...tail].slice(0, MAX_BLOCKS);
}

function headerBlock(reply: Reply): KnownBlock {
  const owner = reply.owner ? ` · Owner: ${OWNER_LABEL[reply.owner]}` : '';
  const title = truncateEscaped(escapeMrkdwn(reply.title.trim() || 'srm-bot'), MAX_HEADER_TEXT - owner.length);
  return { type: 'header', text: { type: 'plain_text', text: `${title}${owner}`, emoji: true } };
}

function sectionBlock(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(mrkdwn, MAX_SECTION_TEXT) } };
}

/** A context line of the user's own words: verbatim, so Slack does not turn their bare URLs into links. */
function verbatimContextBlock(mrkdwnText: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateEscaped(mrkdwnText, MAX_CONTEXT_TEXT), verbatim: true }] };
}

function contextBlock(mrkdwnTexts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwnTexts.slice(0, MAX_CONTEXT_ELEMENTS).map((text) => ({ type: 'mrkdwn', text: truncateEscaped(text, MAX_CONTEXT_TEXT) })),
  };
}

/** Block Kit has no table: one mrkdwn line per row, packed into as few sections as the text limit allows. */
function tableBlocks(table: ReplyTable): SectionBlock[] {
  const [first, ...rest] = table.columns;
  const lines = table.rows.map((row) => {
    const lead = `• *${escapeMrkdwn(row[0] ?? '')}*`;
    const cells = rest.map((column, index) => `${escapeMrkdwn(column)}: ${escapeMrkdwn(row[index + 1] ?? '')}`);
    return truncateEscaped([lead, ...cells].join(' · '), MAX_SECTION_TEXT);
  });
  const heading = first ? `*By ${escapeMrkdwn(first.toLowerCase())}*` : '';
  const chunks: string[] = [];
  let current = heading;
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > MAX_SECTION_TEXT) {
      chunks.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks.map(sectionBlock);
}

/** Source links plus the review date, one context element each so a long list never breaks a link. */
function sourcesBlock(links: ReplyLink[], reviewed: string | undefined): ContextBlock | null {
  const room = MAX_CONTEXT_ELEMENTS - (reviewed ? 2 : 1);
  const rendered = links.slice(0, room).map(linkText);
  if (rendered.length === 0 && !reviewed) return null;
  const texts = [links.length > 1 ? 'Sources:' : 'Source:', ...rendered];
  if (reviewed) texts.push(`reviewed ${escapeMrkdwn(reviewed)}`);
  return contextBlock(texts);
}

/** `<url|label>` for http(s) URLs; anything else is shown as plain text, never as a link. */
function linkText(link: ReplyLink): string {
  const label = escapeMrkdwn(link.label.replace(/\|/g, '¦')).slice(0, 200) || 'link';
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return label;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return label;
  const href = escapeMrkdwn(url.href.replace(/\|/g, '%7C'));
  return href.length + label.length + 3 > MAX_CONTEXT_TEXT ? label : `<${href}|${label}>`;
}

function actionsBlocks(buttons: ReplyButton[]): ActionsBlock[] {
  // A value longer than Slack allows cannot be shortened without changing what the button asks, so drop it.
  const usable = buttons.filter((button) => button.value.length <= MAX_BUTTON_VALUE);
  const elements: Button[] = usable.slice(0, MAX_ACTIONS_BLOCKS * MAX_ACTIONS_ELEMENTS).map((button, position) => ({
    type: 'button',
    text: { type: 'plain_text', text: escapeAndFit(button.label, MAX_BUTTON_TEXT) || '…', emoji: true },
    action_id: encodeActionId(button.actionId, position),
    value: button.value,
    ...(button.style === 'primary' ? { style: 'primary' as const } : {}),
  }));
  const blocks: ActionsBlock[] = [];
  for (let start = 0; start < elements.length; start += MAX_ACTIONS_ELEMENTS) {
    blocks.push({ type: 'actions', elements: elements.slice(start, start + MAX_ACTIONS_ELEMENTS) });
  }
  return blocks;
}

/** The top-level text is parsed as mrkdwn too (and drives notifications), so it is escaped like the rest. */
function fallbackText(reply: Reply): string {
  const text = escapeAndFit(reply.fallbackText, MAX_FALLBACK_TEXT);
  return text.trim() === '' ? escapeAndFit(reply.title || 'srm-bot', MAX_FALLBACK_TEXT) || 'srm-bot' : text;
}
