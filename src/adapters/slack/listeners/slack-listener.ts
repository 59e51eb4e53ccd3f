import type { App } from '@slack/bolt';
import type { Bot } from '../../../core/bot';
import type { Logger } from '../../../logger';

export interface SlackListenerDeps {
  bot: Bot;
  logger: Logger;
}

/**
 * What a listener needs from the Slack app configuration. The manifest test compares the union of these
 * with manifests/slack/manifest.yaml, so the manifest cannot drift from what the code registers.
 */
export interface ManifestNeeds {
  /** Slash command names, e.g. "/srm". */
  commands?: string[];
  /** Event subscription names as the manifest spells them, e.g. "message.im". */
  botEvents?: string[];
  /** True when the listener handles block_actions (needs Interactivity turned on). */
  interactivity?: boolean;
  /** Bot token scopes the listener's events and API calls require. */
  scopes: string[];
}

export interface SlackListener {
  name: string;
  needs: ManifestNeeds;
  register(app: App, deps: SlackListenerDeps): void;
}
