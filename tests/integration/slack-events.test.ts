import { FAKE_BOT_ID, FAKE_BOT_USER_ID, waitFor } from '../fakes/fake-slack-api';
import { appMentionEvent, ASKER, CHANNEL, directMessageEvent, DM_CHANNEL, eventEnvelope, JSON_TYPE } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type SlackTestApp } from '../fakes/slack-test-app';

let t: SlackTestApp;

beforeAll(async () => {
  t = await startSlackTestApp();
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => t.fake.reset());

/** Replies are posted after the 200 (the ack never waits for the Web API), so tests wait for them. */
const postsArrive = (count = 1) => waitFor(() => t.fake.callsTo('chat.postMessage').length >= count, `${count} chat.postMessage`);

describe('Slack events over HTTP', () => {
  it('answers an @mention in a thread under the mention, without the mention in the echo', async () => {
    const result = await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`)), JSON_TYPE);

    expect(result.status).toBe(200);
    await postsArrive();
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.token).toBe(TEST_BOT_TOKEN);
    expect(posts[0]?.body).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000100' });
    expect(headerText(posts[0]?.body)).toMatch(/Owner: Customer$/);
    expect(allText(posts[0]?.body)).toContain('You asked: who owns encryption on S3');
    expect(allText(posts[0]?.body)).not.toContain(FAKE_BOT_USER_ID);
  });

  it('keeps answering inside an existing thread', async () => {
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}|srm> who patches the guest OS on EC2?`, { thread_ts: '1699999999.000001' })), JSON_TYPE);

    await postsArrive();
    expect(t.fake.callsTo('chat.postMessage')[0]?.body.thread_ts).toBe('1699999999.000001');
  });

  it('answers a DM in the DM', async () => {
    await t.post(eventEnvelope(directMessageEvent('who owns encryption on S3')), JSON_TYPE);

    await postsArrive();
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe(DM_CHANNEL);
    expect(posts[0]?.body.thread_ts).toBeUndefined();
    expect(headerText(posts[0]?.body)).toMatch(/Owner: Customer$/);
  });

  it.each([
    ['another bot (bot_message)', directMessageEvent('who owns encryption on S3', { subtype: 'bot_message', bot_id: 'BOTHER001', user: undefined })],
    ['another bot (bot_id on a user message)', directMessageEvent('who owns encryption on S3', { bot_id: 'BOTHER001' })],
    ['our own bot message', directMessageEvent('Encryption at rest on Amazon S3', { subtype: 'bot_message', bot_id: FAKE_BOT_ID, user: undefined })],
    ['our own bot user', directMessageEvent('Encryption at rest on Amazon S3', { user: FAKE_BOT_USER_ID })],
    ['an edit (message_changed)', directMessageEvent('', { subtype: 'message_changed', user: undefined, message: { user: ASKER, text: 'who owns encryption on S3' } })],
    ['a deletion', directMessageEvent('', { subtype: 'message_deleted', user: undefined })],
    ['any other subtype, even with a user and text', directMessageEvent('who owns encryption on S3', { subtype: 'me_message' })],
    ['a channel message (not a DM)', directMessageEvent('who owns encryption on S3', { channel_type: 'channel', channel: CHANNEL })],
  ])('ignores %s', async (_name, event) => {
    const result = await t.post(eventEnvelope(event), JSON_TYPE);

    expect(result.status).toBe(200);
    await t.settle();
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('ignores a mention posted by a bot and a re-delivered edited mention', async () => {
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`, { bot_id: 'BOTHER001' })), JSON_TYPE);
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`, { edited: { user: ASKER, ts: '1700000009.000000' } })), JSON_TYPE);

    await t.settle();
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('acks a Slack retry (X-Slack-Retry-Num) of an event it already handled without answering again', async () => {
    const body = eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`));
    await t.post(body, JSON_TYPE);
    await postsArrive();
    const retry = await t.post(body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });

    expect(retry.status).toBe(200);
    await t.settle();
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(t.logs.join('')).toContain('slack: duplicate delivery dropped');
  });

  it('answers a retry whose first delivery never arrived (a new event id), once', async () => {
    const body = eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`));
    const headers = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'connection_failed' };
    expect((await t.post(body, JSON_TYPE, { headers })).status).toBe(200);
    await postsArrive();
    expect((await t.post(body, JSON_TYPE, { headers: { ...headers, 'x-slack-retry-num': '2' } })).status).toBe(200);
    await t.settle();
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a signed event replayed three times only once', async () => {
    const body = eventEnvelope(directMessageEvent('who owns encryption on S3'));
    for (let i = 0; i < 3; i += 1) expect((await t.post(body, JSON_TYPE)).status).toBe(200);
    await postsArrive();
    await t.settle();
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects an unsigned event with 401', async () => {
    const result = await t.post(eventEnvelope(directMessageEvent('who owns encryption on S3')), JSON_TYPE, { signature: null });

    expect(result.status).toBe(401);
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('answers the url_verification handshake', async () => {
    const result = await t.post(JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }), JSON_TYPE);

    expect(result.status).toBe(200);
    expect(result.body).toContain('c-123');
  });

  it('tells the user politely (ephemeral) and logs with context when posting the answer fails', async () => {
    t.fake.postFailures.set(CHANNEL, 'internal_error');
    const before = t.logs.length;

    const result = await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`)), JSON_TYPE);

    expect(result.status).toBe(200);
    await waitFor(() => t.fake.callsTo('chat.postEphemeral').length > 0, 'the apology');
    const ephemerals = t.fake.callsTo('chat.postEphemeral');
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.body).toMatchObject({ channel: CHANNEL, user: ASKER });
    // An ephemeral reply in a thread that does not exist yet would never be shown.
    expect(ephemerals[0]?.body.thread_ts).toBeUndefined();
    expect(String(ephemerals[0]?.body.text)).toMatch(/^Sorry, something went wrong/);
    const logged = t.logs.slice(before).join('');
    expect(logged).toContain('"event":"app_mention"');
    expect(logged).toContain('internal_error');
    expect(logged).not.toContain(TEST_BOT_TOKEN);
    expect(logged).not.toContain(TEST_SIGNING_SECRET);
  });
});
