import type { Action, Incoming, Reply } from './types';

/** A command a feature claims: matched on the whole message, so a question that mentions it is still a question. */
export interface FeatureCommand {
  /** Scoped id: `admin.report`, `privacy.forget`, `quiz.on`. */
  id: string;
  summary: string;
  /** Example phrases: they drive the help text and table-driven tests. */
  examples: readonly string[];
  pattern: RegExp;
}

/**
 * The feature contract: what a feature claims (its commands and action-id prefixes) and how it handles them. The bot
 * dispatches to the feature that claims a message or a button; features own their replies and stores.
 */
export interface Feature {
  id: string;
  commands: readonly FeatureCommand[];
  /** Action-id prefixes this feature's buttons use (`srm.`, `feedback.`). */
  actionPrefixes: readonly string[];
  runCommand?(command: FeatureCommand, match: RegExpExecArray, incoming: Incoming): Promise<Reply[]>;
  handleAction?(action: Action): Promise<Reply[]>;
}
