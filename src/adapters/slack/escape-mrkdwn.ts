/**
 * Slack reads `&`, `<` and `>` as control characters in every text object and in a message's top-level
 * text: `<!channel>` / `<!here>` notify a whole channel, `<@U…>` a user, `<#C…>` links a channel and
 * `<url|label>` disguises a link. Escaping the three (as Slack's formatting reference asks) turns any such
 * sequence in text we did not write into plain characters; Slack decodes the entities for display.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The reverse, for text Slack sends us: message and command text arrive with the same three escaped. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const ELLIPSIS = '…';

/**
 * Cuts already-escaped text to `max` characters with a trailing "…". Never splits an entity (`&am`) or a
 * UTF-16 surrogate pair, either of which would show as garbage. Counts UTF-16 code units, which is never
 * fewer than the characters Slack counts, so the result is always within Slack's limit.
 */
export function truncateEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - ELLIPSIS.length));
  cut = cut.replace(/&[a-z]{0,3}$/, '');
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}${ELLIPSIS}`;
}

/** Escape, then fit: the usual path for any text from a Reply. */
export function escapeAndFit(text: string, max: number): string {
  return truncateEscaped(escapeMrkdwn(text), max);
}

/** Zero-width space: Slack formats *bold*, _italic_, ~strike~ and `code` only when the marker touches a word. */
const ZWSP = '\u200B';

/**
 * For the user's own words echoed back: the three entities escaped, and the formatting markers separated from the
 * text by a zero-width space, so "*urgent*" shows as typed instead of in bold (Slack has no escape for them).
 */
export function escapeUserText(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (marker) => `${ZWSP}${marker}${ZWSP}`);
}
