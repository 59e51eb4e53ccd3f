import { FAKE_BOT_USER_ID, FAKE_TEAM_ID, waitFor } from '../fakes/fake-slack-api';
import { FakeSocketMode } from '../fakes/fake-socket-mode';
import { appMentionEvent, CHANNEL, FORM, slashCommandForm } from '../fakes/slack-payloads';
import { headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';

const APP_TOKEN = 'xapp-1-A0SRMBOT1-test';

let socket: FakeSocketMode;
let t: SlackTestApp;
let connectionTokens: (string | null)[] = [];

beforeAll(async () => {
  socket = await FakeSocketMode.start();
  t = await startSlackTestApp({ SLACK_APP_TOKEN: APP_TOKEN }, (fake) => {
    fake.socketModeUrl = socket.url;
  });
  connectionTokens = t.fake.callsTo('apps.connections.open').map((call) => call.token);
});

afterAll(async () => {
  await t.close();
  await socket.close();
});

beforeEach(() => t.fake.reset());

const commandPayload = (text: string): Record<string, string> => Object.fromEntries(new URLSearchParams(slashCommandForm(text, t.fake.responseUrl())));

describe('Socket Mode (SLACK_APP_TOKEN set)', () => {
  it('opens the connection with the app-level token, not the bot token', () => {
    expect(connectionTokens).toEqual([APP_TOKEN]);
    expect(t.logs.join('')).toContain('"mode":"socket-mode"');
  });

  it('acks a /srm envelope with the ephemeral answer as its payload', async () => {
    socket.send({ envelope_id: 'env-cmd-1', type: 'slash_commands', accepts_response_payload: true, payload: commandPayload('who owns encryption on S3') });

    const ack = await socket.waitForAck('env-cmd-1');
    const answer = ack.payload as Record<string, unknown> | undefined;
    expect(answer?.response_type).toBe('ephemeral');
    expect(headerText(answer)).toMatch(/Owner: Customer$/);
    expect(t.fake.responses).toHaveLength(0);
  });

  it('answers a mention in a thread, and drops a redelivery (retry_attempt > 0)', async () => {
    const eventPayload = {
      token: 'x',
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0SRMBOT1',
      type: 'event_callback',
      event_id: 'EvSOCKET1',
      event_time: 1700000000,
      event: appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`),
      authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
    };
    socket.send({ envelope_id: 'env-ev-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: eventPayload });
    await socket.waitForAck('env-ev-1');
    await waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'the threaded answer');

    socket.send({ envelope_id: 'env-ev-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload: eventPayload });
    await socket.waitForAck('env-ev-2');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
  });

  it('does not mount /slack/events over HTTP (nothing to sign or expose)', async () => {
    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM);
    expect(result.status).toBe(404);
  });
});
