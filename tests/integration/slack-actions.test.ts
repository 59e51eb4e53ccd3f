import { BAD_BUTTON_TEXT } from '../../src/adapters/slack/listeners/button-actions';
import { waitFor } from '../fakes/fake-slack-api';
import { ASKER, buttonClickForm, CHANNEL, FORM } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';

let t: SlackTestApp;

beforeAll(async () => {
  t = await startSlackTestApp();
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => t.fake.reset());

const click = (actionId: string, value: unknown, extra: { channelId?: string | null; threadTs?: string } = {}) =>
  t.post(buttonClickForm({ actionId, value, responseUrl: t.fake.responseUrl(), ...extra }), FORM);

/** A click is acked before its answer is sent, so tests wait for the answer to reach the fake. */
const postArrives = () => waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'chat.postMessage');
const responseArrives = () => waitFor(() => t.fake.responses.length > 0, 'a response_url post');

describe('Slack buttons', () => {
  it('"Share in channel" posts the answer visibly, credited to who shared it', async () => {
    const result = await click('srm.share:0', 'who owns encryption on S3');

    expect(result.status).toBe(200);
    await postArrives();
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe(CHANNEL);
    expect(headerText(posts[0]?.body)).toMatch(/Owner: Customer$/);
    expect(allText(posts[0]?.body)).toContain(`Shared by <@${ASKER}>`);
    // The channel copy carries no second "Share" button.
    expect(allText(posts[0]?.body)).not.toContain('srm.share:');
    await t.settle();
    expect(t.fake.responses).toHaveLength(0);
  });

  it('shares into the thread the card sits in', async () => {
    await click('srm.share:0', 'who owns encryption on S3', { threadTs: '1700000000.000100' });

    await postArrives();
    expect(t.fake.callsTo('chat.postMessage')[0]?.body.thread_ts).toBe('1700000000.000100');
  });

  it('falls back to a visible response_url post where the bot is not in the channel', async () => {
    t.fake.postFailures.set(CHANNEL, 'not_in_channel');

    await click('srm.share:0', 'who owns encryption on S3');

    await responseArrives();
    expect(t.fake.responses).toHaveLength(1);
    expect(t.fake.responses[0]?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(allText(t.fake.responses[0]?.body)).toContain(`Shared by <@${ASKER}>`);
  });

  it('a "Same on …" topic button answers that topic ephemerally, keeping the original card', async () => {
    await click('srm.topic:3', 'rds/encryption-at-rest');

    await responseArrives();
    expect(t.fake.responses).toHaveLength(1);
    const answer = t.fake.responses[0]?.body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerText(answer)).toMatch(/Amazon RDS/);
    await t.settle();
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('an ask button answers its question', async () => {
    await click('srm.ask:1', 'what do I own on s3');

    await responseArrives();
    expect(headerText(t.fake.responses[0]?.body)).toMatch(/Amazon S3/);
  });

  it('a "More on …" button names the service (srm.list), answering its list without matching text', async () => {
    await click('srm.list:1', 's3');

    await responseArrives();
    expect(headerText(t.fake.responses[0]?.body)).toMatch(/What you own on Amazon S3/);
  });

  it.each([
    ['feedback.up:5', /^Thanks, glad it helped/],
    ['feedback.down:6', /^Thanks, noted/],
  ])('%s thanks the user ephemerally and stores the vote', async (actionId, expected) => {
    const since = new Date(Date.now() - 60_000);

    await click(actionId, 'who owns encryption on S3');

    await responseArrives();
    expect(t.fake.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerText(t.fake.responses[0]?.body)).toMatch(expected);
    const report = await t.app.storage.report(since);
    expect(report.feedback.map((row) => row.topic)).toContain('s3/encryption-at-rest');
  });

  it.each([
    ['an unknown action id', 'srm.delete:0', 'who owns encryption on S3'],
    ['a value longer than 2000 characters', 'srm.ask:1', 'x'.repeat(2001)],
    ['a missing value', 'srm.ask:1', undefined],
    ['a non-string value', 'srm.topic:2', { id: 'rds/encryption-at-rest' }],
    ['an empty value', 'feedback.up:5', ''],
  ])('answers %s with a clear ephemeral error and no crash', async (_name, actionId, value) => {
    const result = await click(actionId, value);

    expect(result.status).toBe(200);
    await responseArrives();
    await t.settle();
    expect(t.fake.responses).toHaveLength(1);
    expect(t.fake.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: BAD_BUTTON_TEXT });
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a forged click with 401 and does nothing', async () => {
    const result = await t.post(buttonClickForm({ actionId: 'srm.share:0', value: 'who owns encryption on S3', responseUrl: t.fake.responseUrl() }), FORM, {
      signingSecret: 'forged',
    });

    expect(result.status).toBe(401);
    expect(t.fake.outgoingCount()).toBe(0);
  });
});
