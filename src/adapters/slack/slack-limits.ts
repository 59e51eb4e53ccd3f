/**
 * Slack's Block Kit limits the renderer relies on. Slack rejects a whole message (invalid_blocks /
 * msg_too_long) when one of these is exceeded, so the renderer cuts content to fit instead.
 * Source: docs.slack.dev Block Kit reference (blocks, button element, text object), checked for Bolt 5.1.
 */

/** Blocks per message (modals and Home tabs allow 100; messages allow 50). */
export const MAX_BLOCKS = 50;

/** Characters in a section block's text object. */
export const MAX_SECTION_TEXT = 3000;

/** Characters in a context block's text elements (the generic text object limit). */
export const MAX_CONTEXT_TEXT = 3000;

/** Elements (texts or images) in one context block. */
export const MAX_CONTEXT_ELEMENTS = 10;

/** Characters in a header block's plain_text. */
export const MAX_HEADER_TEXT = 150;

/** Characters in a button's label. */
export const MAX_BUTTON_TEXT = 75;

/** Characters in a button's value; it comes back verbatim in the block_actions payload. */
export const MAX_BUTTON_VALUE = 2000;

/** Interactive elements in one actions block (the reference says 25; older SDKs still enforce 5). */
export const MAX_ACTIONS_ELEMENTS = 25;

/** Characters in action_id and block_id. */
export const MAX_ACTION_ID = 255;

/**
 * Top-level `text` of a message. Slack truncates beyond 40,000 characters and advises keeping it under
 * 4,000; it is only the notification / screen-reader fallback when blocks are present.
 */
export const MAX_FALLBACK_TEXT = 4000;
