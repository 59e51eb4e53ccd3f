import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../../src/adapters/slack/create-slack-app';
import { REGISTERED_BOT_EVENTS, REGISTERED_COMMANDS, REQUIRED_BOT_SCOPES, USES_INTERACTIVITY } from '../../../../src/adapters/slack/listeners/all-listeners';

interface SlackManifest {
  display_information: { name: string; description?: string; long_description?: string };
  features: {
    app_home?: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: { command: string; url?: string; description: string; usage_hint?: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events?: string[]; user_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled?: boolean;
  };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', '../../manifests/slack/manifest.yaml'), 'utf8')) as SlackManifest;
const sorted = (values: readonly string[] | undefined): string[] => [...(values ?? [])].sort();

describe('manifests/slack/manifest.yaml matches what the code registers', () => {
  it('declares exactly the slash commands the code registers', () => {
    expect(sorted(manifest.features.slash_commands?.map((command) => command.command))).toEqual(sorted(REGISTERED_COMMANDS));
  });

  it('subscribes to exactly the bot events the code listens to', () => {
    expect(sorted(manifest.settings.event_subscriptions?.bot_events)).toEqual(sorted(REGISTERED_BOT_EVENTS));
    expect(manifest.settings.event_subscriptions?.user_events ?? []).toEqual([]);
  });

  it('asks for exactly the bot scopes the listeners need, and no user scopes', () => {
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(sorted(REQUIRED_BOT_SCOPES));
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('turns interactivity on exactly when the code handles buttons', () => {
    expect(manifest.settings.interactivity?.is_enabled ?? false).toBe(USES_INTERACTIVITY);
  });

  it('lets users write to the bot when the code answers DMs', () => {
    const answersDms = REGISTERED_BOT_EVENTS.includes('message.im');
    expect(manifest.features.app_home?.messages_tab_enabled ?? false).toBe(answersDms);
    if (answersDms) expect(manifest.features.app_home?.messages_tab_read_only_enabled).toBe(false);
  });

  it('points every request URL at the one endpoint the HTTP receiver serves (HTTP mode)', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    const urls = [
      manifest.settings.event_subscriptions?.request_url,
      manifest.settings.interactivity?.request_url,
      ...(manifest.features.slash_commands ?? []).map((command) => command.url),
    ];
    for (const url of urls) expect(url).toBe(`https://YOUR-HOST${SLACK_EVENTS_PATH}`);
  });

  it('tells users about the commands /srm understands besides questions', () => {
    const srm = manifest.features.slash_commands?.find((command) => command.command === '/srm');
    for (const command of ['help', 'forget me', 'admin report']) {
      expect(srm?.usage_hint).toContain(command);
      if (command !== 'help') expect(manifest.display_information.long_description).toContain(`/srm ${command}`);
    }
  });

  it('stays within the limits Slack enforces when the manifest is pasted', () => {
    expect(manifest.features.bot_user?.display_name).toBeTruthy();
    expect((manifest.display_information.description ?? '').length).toBeLessThanOrEqual(139);
    const long = manifest.display_information.long_description ?? '';
    expect(long.length).toBeGreaterThanOrEqual(174);
    expect(long.length).toBeLessThanOrEqual(4000);
  });
});
