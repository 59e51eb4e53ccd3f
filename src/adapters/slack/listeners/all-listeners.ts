import { appMention } from './app-mention';
import { buttonActions } from './button-actions';
import { directMessage } from './direct-message';
import { ignoreForeignActions } from './ignore-foreign-actions';
import type { SlackListener } from './slack-listener';
import { srmCommand } from './srm-command';

/** Every listener the Slack app registers, in registration order. */
export const SLACK_LISTENERS: readonly SlackListener[] = [srmCommand, appMention, directMessage, buttonActions, ignoreForeignActions];

const unique = (values: (string[] | undefined)[]): string[] => [...new Set(values.flatMap((list) => list ?? []))].sort();

/** What the code registers, for manifests/slack/manifest.yaml to match (tests/unit/slack-manifest.test.ts). */
export const REGISTERED_COMMANDS: readonly string[] = unique(SLACK_LISTENERS.map((l) => l.needs.commands));
export const REGISTERED_BOT_EVENTS: readonly string[] = unique(SLACK_LISTENERS.map((l) => l.needs.botEvents));
export const REQUIRED_BOT_SCOPES: readonly string[] = unique(SLACK_LISTENERS.map((l) => l.needs.scopes));
export const USES_INTERACTIVITY: boolean = SLACK_LISTENERS.some((l) => l.needs.interactivity === true);
