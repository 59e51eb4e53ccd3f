import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack-api';

/** Request bodies shaped like Slack's, with the fields Bolt and the adapter read. */

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';
export const ASKER = 'UASKER001';
export const CHANNEL = 'CGENERAL1';
export const DM_CHANNEL = 'DDIRECT01';

let commandCounter = 0;

export function slashCommandForm(text: string, responseUrl: string, overrides: Record<string, string> = {}): string {
  commandCounter += 1;
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'test',
    channel_id: CHANNEL,
    channel_name: 'general',
    user_id: ASKER,
    user_name: 'asker',
    command: '/srm',
    text,
    api_app_id: 'A0SRMBOT1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    // Slack gives every command its own trigger id; the bot de-duplicates replays by it.
    trigger_id: `1700000000.${commandCounter}`,
    ...overrides,
  }).toString();
}

let eventCounter = 0;

/** An Events API envelope around `event`. */
export function eventEnvelope(event: Record<string, unknown>): string {
  eventCounter += 1;
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0SRMBOT1',
    event,
    type: 'event_callback',
    event_id: `Ev${String(eventCounter).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  });
}

export function appMentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: ASKER, text, ts: '1700000000.000100', channel: CHANNEL, event_ts: '1700000000.000100', ...extra };
}

export function directMessageEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    channel: DM_CHANNEL,
    user: ASKER,
    text,
    ts: '1700000000.000200',
    event_ts: '1700000000.000200',
    channel_type: 'im',
    ...extra,
  };
}

let triggerCounter = 0;

export interface ButtonClick {
  actionId: string;
  value?: unknown;
  channelId?: string | null;
  responseUrl: string;
  userId?: string;
  threadTs?: string;
}

/** A block_actions interactivity payload, form-encoded as `payload=<json>` like Slack sends it. */
export function buttonClickForm(click: ButtonClick): string {
  const action: Record<string, unknown> = {
    type: 'button',
    action_id: click.actionId,
    block_id: 'b1',
    text: { type: 'plain_text', text: 'x' },
    action_ts: '1700000001.000000',
  };
  if (click.value !== undefined) action.value = click.value;
  const channelId = click.channelId === undefined ? CHANNEL : click.channelId;
  triggerCounter += 1;
  const payload = {
    type: 'block_actions',
    user: { id: click.userId ?? ASKER, username: 'asker', team_id: FAKE_TEAM_ID },
    api_app_id: 'A0SRMBOT1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000300', channel_id: channelId, is_ephemeral: true, ...(click.threadTs ? { thread_ts: click.threadTs } : {}) },
    // Slack gives every click its own trigger id; the bot de-duplicates deliveries by it.
    trigger_id: `1700000001.${triggerCounter}`,
    team: { id: FAKE_TEAM_ID, domain: 'test' },
    ...(channelId ? { channel: { id: channelId, name: 'general' } } : {}),
    response_url: click.responseUrl,
    actions: [action],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
