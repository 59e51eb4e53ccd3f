import { FAKE_BOT_USER_ID, waitFor } from '../fakes/fake-slack-api';
import { appMentionEvent, ASKER, CHANNEL, directMessageEvent, DM_CHANNEL, eventEnvelope, FORM, JSON_TYPE, slashCommandForm } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, type SlackTestApp } from '../fakes/slack-test-app';

/** Replies meant for one person (the admin report, refusals, "forget me") never land where a channel reads them. */

let t: SlackTestApp;

beforeAll(async () => {
  t = await startSlackTestApp({ SRM_ADMINS: `slack:${ASKER}` });
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => t.fake.reset());

const mention = (text: string, extra: Record<string, unknown> = {}) =>
  t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> ${text}`, extra)), JSON_TYPE);
const ephemeralArrives = () => waitFor(() => t.fake.callsTo('chat.postEphemeral').length > 0, 'chat.postEphemeral');

describe('Slack privacy', () => {
  it('an admin asking for the report in a channel gets a private notice, never the report, and nothing public', async () => {
    const result = await mention('admin report');

    expect(result.status).toBe(200);
    await ephemeralArrives();
    await t.settle();
    const [notice] = t.fake.callsTo('chat.postEphemeral');
    expect(notice?.body).toMatchObject({ channel: CHANNEL, user: ASKER });
    // A top-level mention has no thread yet, and Slack hides ephemeral replies in a thread that does not exist.
    expect(notice?.body.thread_ts).toBeUndefined();
    expect(headerText(notice?.body)).toMatch(/only show it privately/);
    expect(JSON.stringify(t.fake.calls)).not.toMatch(/Knowledge report/);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.fake.responses).toHaveLength(0);
  });

  it('keeps the private notice in the thread when the mention is inside one', async () => {
    await mention('admin report', { thread_ts: '1699999999.000001' });

    await ephemeralArrives();
    expect(t.fake.callsTo('chat.postEphemeral')[0]?.body.thread_ts).toBe('1699999999.000001');
  });

  it('"forget me" in a channel is confirmed to the asker only', async () => {
    await mention('forget me');

    await ephemeralArrives();
    await t.settle();
    expect(headerText(t.fake.callsTo('chat.postEphemeral')[0]?.body)).toMatch(/forgotten you/);
    expect(t.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('`/srm admin report` from an admin answers with the report, ephemerally in the ack', async () => {
    const result = await t.post(slashCommandForm('admin report 7d', t.fake.responseUrl()), FORM);

    expect(result.status).toBe(200);
    const answer = JSON.parse(result.body) as Record<string, unknown>;
    expect(answer.response_type).toBe('ephemeral');
    expect(headerText(answer)).toMatch(/^Knowledge report: last 7d/);
    expect(allText(answer)).toContain('Most asked topics');
  });

  it('`/srm admin report` from anyone else is politely refused', async () => {
    const result = await t.post(slashCommandForm('admin report', t.fake.responseUrl(), { user_id: 'UOTHER001' }), FORM);

    expect(headerText(JSON.parse(result.body) as Record<string, unknown>)).toMatch(/for srm-bot admins/);
  });

  it('an admin gets the report in a DM', async () => {
    await t.post(eventEnvelope(directMessageEvent('admin report')), JSON_TYPE);

    await waitFor(() => t.fake.callsTo('chat.postMessage').length > 0, 'the report in the DM');
    const [report] = t.fake.callsTo('chat.postMessage');
    expect(report?.body.channel).toBe(DM_CHANNEL);
    expect(headerText(report?.body)).toMatch(/^Knowledge report/);
  });
});
