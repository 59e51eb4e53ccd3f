import { SORRY_TEXT } from '../../src/adapters/slack/listeners/error-handler';
import { waitFor } from '../fakes/fake-slack-api';
import { ASKER, FORM, slashCommandForm } from '../fakes/slack-payloads';
import { allText, headerText, startSlackTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type SlackTestApp } from '../fakes/slack-test-app';

/** Slack shows "operation_timeout" when a slash command is not acknowledged within 3 seconds. */
const SLACK_ACK_DEADLINE_MS = 3000;

let t: SlackTestApp;

beforeAll(async () => {
  t = await startSlackTestApp();
});

afterAll(async () => {
  await t.close();
});

beforeEach(() => t.fake.reset());

/** The answer Slack shows for a slash command whose 200 carries a body. */
const ackBody = (body: string): Record<string, unknown> => JSON.parse(body) as Record<string, unknown>;

describe('/srm over HTTP', () => {
  it('acks a signed command within the deadline with an ephemeral Block Kit answer in the ack body', async () => {
    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM);

    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    const answer = ackBody(result.body);
    expect(answer.response_type).toBe('ephemeral');
    expect(headerText(answer)).toMatch(/Owner: Customer$/);
    expect(String(answer.text)).toContain('owner: Customer');
    const blocks = answer.blocks as { type: string; elements?: { text?: string; action_id?: string }[] }[];
    const sources = blocks.find((block) => block.type === 'context' && block.elements?.some((e) => e.text?.startsWith('Source')));
    expect(sources?.elements?.some((element) => /^<https:\/\/[^|>]+\|[^>]+>$/.test(element.text ?? ''))).toBe(true);
    expect(allText(answer)).toContain('reviewed 20');
    const actionIds = blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements?.map((e) => e.action_id) ?? []);
    expect(actionIds[0]).toBe('srm.share:0');
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect(actionIds.some((id) => id?.startsWith('feedback.up:'))).toBe(true);
    // One answer, one place: nothing else goes to response_url or the Web API.
    await t.settle();
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('still acks with the answer when the response_url never answers', async () => {
    // The ack used to wait for the response_url post; a stuck endpoint delayed it past Slack's deadline.
    t.fake.responseUrlHangs = true;

    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl('stuck')), FORM, { deadlineMs: SLACK_ACK_DEADLINE_MS });

    expect(result.status).toBe(200);
    expect(headerText(ackBody(result.body))).toMatch(/Owner: Customer$/);
  });

  it('answers `/srm` and `/srm help` with the usage card', async () => {
    for (const text of ['', 'help']) {
      const answer = ackBody((await t.post(slashCommandForm(text, t.fake.responseUrl()), FORM)).body);
      expect(headerText(answer)).toMatch(/^srm-bot: who owns what/);
      expect(answer.response_type).toBe('ephemeral');
    }
  });

  it.each([
    ['a bad signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['a signature made with another secret', { signingSecret: 'not-the-secret' }],
    ['no signature headers', { signature: null }],
    ['a timestamp older than 5 minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects %s with 401 and sends nothing', async (_name, options) => {
    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM, options);

    expect(result.status).toBe(401);
    expect(result.body).not.toContain('Owner');
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('escapes mention and link markup echoed from the question', async () => {
    const hostile = 'who owns encryption on s3 <!channel> <!here> <@U123> <#C999> <https://evil.example|click> &amp; more';
    const answer = ackBody((await t.post(slashCommandForm(hostile, t.fake.responseUrl()), FORM)).body);

    const echo = allText(answer);
    expect(echo).toContain('You asked: who owns encryption on s3 &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C999&gt;');
    // Slack's own &amp; is decoded once and escaped once: the user sees "&", not "&amp;".
    expect(echo).toContain('&lt;https://evil.example|click&gt; &amp; more');
    // Button values are never displayed (they come back to us verbatim), so only displayed text counts.
    const displayed = JSON.stringify(answer, (key, value: unknown) => (key === 'value' ? undefined : value));
    expect(displayed).not.toMatch(/<!channel>|<!here>|<@U123>|<#C999>|<https:\/\/evil/);
    expect(String(answer.text)).not.toContain('<!channel>');
  });

  it('never logs the bot token or the signing secret', () => {
    const logs = t.logs.join('');
    expect(logs).not.toContain(TEST_BOT_TOKEN);
    expect(logs).not.toContain(TEST_SIGNING_SECRET);
  });
});

describe('/srm when the core fails', () => {
  let broken: SlackTestApp;

  beforeAll(async () => {
    broken = await startSlackTestApp({ SRM_ADMINS: `slack:${ASKER}` });
    // A closed database makes what needs it (the admin report) fail in the core; questions need no database.
    await broken.app.storage.close();
  });

  afterAll(async () => {
    await broken.close();
  });

  it('still answers questions in the ack while the database is gone', async () => {
    const result = await broken.post(slashCommandForm('who owns encryption on S3', broken.fake.responseUrl()), FORM);
    expect(result.status).toBe(200);
    expect(headerText(ackBody(result.body))).toMatch(/Owner: Customer$/);
  });

  it('still acks, says sorry on response_url and logs the failure without secrets', async () => {
    const before = broken.logs.length;

    const result = await broken.post(slashCommandForm('admin report', broken.fake.responseUrl()), FORM);

    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    await waitFor(() => broken.fake.responses.length > 0, 'the apology on response_url');
    expect(broken.fake.responses[0]?.body).toMatchObject({ response_type: 'ephemeral', text: SORRY_TEXT });
    const newLogs = broken.logs.slice(before).join('');
    expect(newLogs).toContain('slack: listener failed');
    expect(newLogs).toContain('"command":"/srm"');
    expect(newLogs).not.toContain(TEST_BOT_TOKEN);
    expect(newLogs).not.toContain(TEST_SIGNING_SECRET);
    expect(newLogs).not.toContain('/respond/');
  });
});

describe('Slack start-up', () => {
  it('fails with a message naming SLACK_BOT_TOKEN when Slack rejects the token', async () => {
    await expect(startSlackTestApp({ SLACK_BOT_TOKEN: 'xoxb-revoked' })).rejects.toThrow(/SLACK_BOT_TOKEN was rejected by Slack \(auth.test: invalid_auth\)/);
  });

  it('answers GET /healthz next to /slack/events on the shared server', async () => {
    const response = await fetch(`http://127.0.0.1:${t.app.port}/healthz`);
    expect(response.status).toBe(200);
  });
});
