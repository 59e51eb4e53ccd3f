import type { Owner } from './knowledge/schema';

/**
 * The neutral models both platforms share. Adapters turn platform events into `Incoming` / `Action` and
 * render `Reply`; nothing in here knows about Slack or Teams.
 */

export type { Owner };
/** The chat platforms; adding one means an adapter, a renderer and a messenger (ARCHITECTURE.md). */
export const PLATFORMS = ['slack', 'teams'] as const;
export type Platform = (typeof PLATFORMS)[number];
/** Where a message can come from: a platform, or the command line. */
export type PlatformName = Platform | 'cli';

export interface Incoming {
  platform: PlatformName;
  userId: string;
  /** The user's text with any bot mention already stripped by the adapter. */
  text: string;
  conversationId: string;
  /** Slack team id or Teams tenant id, when known. */
  tenantId?: string | null;
  /** Where proactive posts can reach this conversation later; stored on first contact. */
  conversationRef?: IncomingConversationRef;
  /**
   * The thread a follow-up belongs to: Slack `team:channel:thread ts` (a DM: `team:channel`), Teams conversation id.
   * Questions in the same thread within the follow-up window are read as context for the next one.
   */
  threadKey?: string;
  /**
   * True when only the asker sees the reply (a Slack slash command's ephemeral answer, a DM, a Teams personal
   * chat). Replies about other users' data (the admin report) are given only here.
   */
  private?: boolean;
}

export interface IncomingConversationRef {
  /** Stable key: Slack `team:channel`, Teams conversation id. */
  key: string;
  /** Platform data a messenger needs to post here (Slack team + channel; Teams ConversationReference). */
  reference: Record<string, unknown>;
  /** A one-to-one conversation: stored with the user id so "forget me" removes it. */
  direct: boolean;
}

/** A button press, decoded and validated by the adapter from the platform payload. */
export interface Action {
  platform: PlatformName;
  userId: string;
  conversationId: string;
  tenantId?: string | null;
  actionId: ActionId;
  /** Validated string payload (a question for srm.ask, an answer id for feedback). */
  value: string;
}

/**
 * Button actions. srm.ask: free text; srm.topic: a knowledge unit id such as "s3/encryption-at-rest#2";
 * srm.share: the answer to post visibly; feedback.*: a vote on an answer. Adapters validate payloads against this list.
 */
export const ACTION_IDS = ['srm.ask', 'srm.topic', 'srm.list', 'srm.share', 'feedback.up', 'feedback.down'] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export interface ReplyButton {
  label: string;
  actionId: ActionId;
  value: string;
  style?: 'primary' | 'default';
}

export interface ReplySection {
  heading: string;
  /** Plain text, never platform markup: renderers escape and format it. */
  text: string;
}

export interface ReplyTable {
  columns: string[];
  rows: string[][];
}

export interface ReplyLink {
  label: string;
  url: string;
}

export type ReplyKind =
  | 'answer'
  | 'depends'
  | 'list'
  | 'matrix'
  | 'compare'
  | 'concept'
  | 'did-you-mean'
  | 'help'
  | 'unknown'
  | 'notice';

export interface Reply {
  kind: ReplyKind;
  title: string;
  owner: Owner | null;
  /** The user's own words, shown back as "You asked: …"; renderers must escape it. */
  echo?: string;
  sections: ReplySection[];
  table?: ReplyTable;
  buttons: ReplyButton[];
  links: ReplyLink[];
  reviewed?: string;
  /** Plain-text version of the whole reply: notifications, screen readers, platforms without cards. */
  fallbackText: string;
  /** Visible only to the asker (Slack ephemeral) when true. */
  ephemeral?: boolean;
}

export const OWNER_LABEL: Record<Owner, string> = { aws: 'AWS', customer: 'Customer', shared: 'Shared' };
