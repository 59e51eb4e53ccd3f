import { BAD_BUTTON_TEXT } from '../../src/adapters/slack/listeners/button-actions';
import { FILES_NOT_READ } from '../../src/adapters/slack/listeners/direct-message';
import { FAKE_BOT_USER_ID, waitFor } from '../fakes/fake-slack-api';
import { appMentionEvent, ASKER, buttonClickForm, directMessageEvent, DM_CHANNEL, eventEnvelope, FORM, JSON_TYPE, slashCommandForm } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';

/** Defects found by a fault probe and by replaying public payloads; each test failed before its fix. */
let t: SlackTestApp;

beforeAll(async () => {
  t = await startSlackTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => t.fake.reset());

const click = (actionId: string, value: unknown, userId = ASKER) => t.post(buttonClickForm({ actionId, value, userId, responseUrl: t.fake.responseUrl() }), FORM);

describe('Slack edge: rate limits and timeouts', () => {
  it('does not let one channel\'s 429 (Retry-After 20 s) delay an answer in another conversation', async () => {
    t.fake.rateLimitedChannels.set('CSLOW0001', 20);
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`, { channel: 'CSLOW0001' })), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').some((call) => call.body.channel === 'CSLOW0001'), 'the rate-limited post');

    const started = Date.now();
    await t.post(eventEnvelope(directMessageEvent('who patches the guest OS on EC2', { user: 'UOTHER001' })), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').some((call) => call.body.channel === DM_CHANNEL), 'the DM answer', 2000);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up on a response_url that never answers after a few seconds, freeing the socket', async () => {
    t.fake.responseUrlHangs = true;
    for (let i = 0; i < 5; i += 1) expect((await click(`srm.ask:${i}`, 'who owns encryption on S3')).status).toBe(200);
    await waitFor(() => t.fake.responses.length >= 5, 'five response_url posts');
    expect(t.fake.hangingCount()).toBeGreaterThan(0);
    // Each answer post gives up after 5 s, then the apology to the same URL gives up after 5 s more.
    await waitFor(() => t.fake.hangingCount() === 0, 'the bot to abandon the hanging response_url posts', 13_000);
  }, 20_000);
});

describe('Slack edge: request checks before Bolt', () => {
  it('refuses an oversized unsigned body with 413 from its Content-Length, without reading it', async () => {
    const result = await t.post('x'.repeat(3_900_000), JSON_TYPE, { signature: null });
    expect(result.status).toBe(413);
  });

  it('refuses an oversized chunked body with 413 once it passes the cap', async () => {
    const chunk = new TextEncoder().encode('y'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 60) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(t.eventsUrl, { method: 'POST', headers: { 'content-type': JSON_TYPE }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it.each([
    ['an hour ahead', Math.floor(Date.now() / 1000) + 3600],
    ['a year ahead', Math.floor(Date.now() / 1000) + 365 * 86400],
    ['1e30', 1e30],
    ['ten minutes old', Math.floor(Date.now() / 1000) - 600],
  ])('refuses a correctly signed request dated %s with 401', async (_name, timestamp) => {
    const result = await t.post(eventEnvelope(directMessageEvent('who owns encryption on S3')), JSON_TYPE, { timestamp });
    expect(result.status).toBe(401);
    await t.settle();
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it.each([
    ['JSON null', 'null', JSON_TYPE],
    ['a JSON array', '[]', JSON_TYPE],
    ['an event_callback without event', JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }), JSON_TYPE],
    ['block_actions with no actions', `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: ASKER }, actions: [] }))}`, FORM],
    ['a payload that is not JSON', 'payload=%7Bnope', FORM],
  ])('answers a signed but malformed body (%s) with 400 and a reason, not 500', async (_name, body, type) => {
    const result = await t.post(body, type);
    expect(result.status).toBe(400);
    expect(JSON.parse(result.body).error).toMatch(/not a Slack payload this app handles/);
  });

  it('acks at once and ignores an action id outside the bot\'s namespace', async () => {
    const result = await click('someone_elses_button', 'x');
    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(1000);
    await t.settle();
    expect(t.fake.outgoingCount()).toBe(0);
  });
});

describe('Slack edge: replays', () => {
  it('answers a replayed slash command (same trigger id) only once', async () => {
    const form = slashCommandForm('who owns encryption on S3', t.fake.responseUrl(), { trigger_id: '1700000009.777' });
    const first = await t.post(form, FORM);
    const replay = await t.post(form, FORM);
    expect(headerText(JSON.parse(first.body) as Record<string, unknown>)).toMatch(/Owner: Customer$/);
    expect(replay.status).toBe(200);
    expect(replay.body).not.toMatch(/Owner: Customer/);
  });
});

describe('Slack edge: smaller things', () => {
  it('answers the text of a DM that has a file attached', async () => {
    await t.post(eventEnvelope(directMessageEvent('who owns encryption on S3', { subtype: 'file_share', files: [{ id: 'F1', name: 'diagram.png' }] })), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'the answer');
    expect(headerText(t.fake.callsTo('chat.postMessage')[0]?.body)).toMatch(/Owner: Customer$/);
  });

  it('says files are not read when a DM is only a file', async () => {
    await t.post(eventEnvelope(directMessageEvent('', { subtype: 'file_share', files: [{ id: 'F2', name: 'x.pdf' }] })), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'the note');
    expect(t.fake.callsTo('chat.postMessage')[0]?.body.text).toBe(FILES_NOT_READ);
  });

  it('has no Slack markup in the bad-button text', () => {
    expect(BAD_BUTTON_TEXT).not.toMatch(/[<>]/);
  });

  it('counts one vote per user per topic, however the question was spelt', async () => {
    const spellings = ['who owns encryption on S3', 'who owns encryption on s3?', 'S3 encryption: who owns it', 'whose job is encrypting S3 data'];
    for (const [i, spelling] of spellings.entries()) {
      expect((await click(`feedback.up:${i}`, spelling, 'UVOTER001')).status).toBe(200);
    }
    await waitFor(() => t.fake.responses.length >= 4, 'four thank-yous');
    const report = await t.app.storage.report(new Date(0));
    const votes = report.feedback.filter((row) => row.topic === 's3/encryption-at-rest');
    expect(votes).toEqual([{ topic: 's3/encryption-at-rest', up: 1, down: 0 }]);
  });

  it('keeps users\' question text out of debug logs unless LOG_QUESTIONS=true', async () => {
    await t.post(eventEnvelope(directMessageEvent('who owns encryption on S3 zzqmarker')), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'the answer');
    expect(allText(t.fake.callsTo('chat.postMessage')[0]?.body)).toContain('zzqmarker');
    expect(t.logs.join('\n')).not.toContain('zzqmarker');
  });
});
