/**
 * Makes plain text safe inside a Teams Adaptive Card TextBlock, whose text is read as Markdown: user words
 * such as "*all* buckets" or "[x](https://evil.example)" must show as typed, never as emphasis or a link.
 *
 * & < > become entities so nothing reads as an HTML tag; inline Markdown punctuation is backslash-escaped
 * everywhere (CommonMark allows a backslash before any ASCII punctuation); list and heading markers only
 * where they act, at the start of a line. Escaping no more than that matters because some Teams mobile
 * clients have shown escaping backslashes literally (MicrosoftDocs/msteams-docs#5793): "SSE-S3" and
 * "2023." stay untouched.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * "(" and ")" are left alone: they only form a link after "]", which is always escaped, and escaping them
 * would litter every parenthesis in answers with a backslash on the clients that show it.
 */
const INLINE_MARKDOWN = /[\\`*_~[\]#]/g;
/** "- item", "+ item", "= underline" and "1. item" only become lists or headings at the start of a line. */
const LINE_START_MARKER = /^(\s*)(?:([-+=])|(\d+)\.)/gm;

export function escapeTeamsMarkdown(text: string): string {
  return text
    .replace(/[&<>]/g, (char) => ENTITIES[char] ?? char)
    .replace(INLINE_MARKDOWN, (char) => `\\${char}`)
    .replace(LINE_START_MARKER, (_match, indent: string, marker: string | undefined, digits: string | undefined) =>
      marker !== undefined ? `${indent}\\${marker}` : `${indent}${digits ?? ''}\\.`,
    );
}
