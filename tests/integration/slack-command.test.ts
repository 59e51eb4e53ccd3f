import { FORM, slashCommandForm } from '../fakes/slack-payloads';
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

describe('/srm over HTTP', () => {
  it('acks a signed command within the deadline and posts an ephemeral Block Kit answer to response_url', async () => {
    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM);

    expect(result.status).toBe(200);
    expect(result.elapsedMs).toBeLessThan(SLACK_ACK_DEADLINE_MS);
    expect(t.fake.responses).toHaveLength(1);
    const answer = t.fake.responses[0]?.body;
    expect(answer?.response_type).toBe('ephemeral');
    expect(headerText(answer)).toMatch(/Owner: Customer$/);
    expect(String(answer?.text)).toContain('owner: Customer');
    const blocks = answer?.blocks as { type: string; elements?: { text?: string; action_id?: string }[] }[];
    const sources = blocks.find((block) => block.type === 'context' && block.elements?.some((e) => e.text?.startsWith('Source')));
    expect(sources?.elements?.some((element) => /^<https:\/\/[^|>]+\|[^>]+>$/.test(element.text ?? ''))).toBe(true);
    expect(allText(answer)).toContain('reviewed 20');
    const actionIds = blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements?.map((e) => e.action_id) ?? []);
    expect(actionIds[0]).toBe('srm.share:0');
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect(actionIds.some((id) => id?.startsWith('feedback.up:'))).toBe(true);
  });

  it('answers `/srm` and `/srm help` with the usage card', async () => {
    await t.post(slashCommandForm('', t.fake.responseUrl('empty')), FORM);
    await t.post(slashCommandForm('help', t.fake.responseUrl('help')), FORM);

    expect(t.fake.responses.map((response) => response.id)).toEqual(['empty', 'help']);
    for (const response of t.fake.responses) {
      expect(headerText(response.body)).toMatch(/^srm-bot: who owns what/);
      expect(response.body.response_type).toBe('ephemeral');
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
    expect(t.fake.outgoingCount()).toBe(0);
  });

  it('escapes mention and link markup echoed from the question', async () => {
    const hostile = 'who owns encryption on s3 <!channel> <!here> <@U123> <#C999> <https://evil.example|click> &amp; more';
    await t.post(slashCommandForm(hostile, t.fake.responseUrl()), FORM);

    const answer = t.fake.responses[0]?.body;
    const echo = allText(answer);
    expect(echo).toContain('You asked: who owns encryption on s3 &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C999&gt;');
    // Slack's own &amp; is decoded once and escaped once: the user sees "&", not "&amp;".
    expect(echo).toContain('&lt;https://evil.example|click&gt; &amp; more');
    // Button values are never displayed (they come back to us verbatim), so only displayed text counts.
    const displayed = JSON.stringify(answer, (key, value: unknown) => (key === 'value' ? undefined : value));
    expect(displayed).not.toMatch(/<!channel>|<!here>|<@U123>|<#C999>|<https:\/\/evil/);
    expect(String(answer?.text)).not.toContain('<!channel>');
  });

  it('logs a failed response_url post without secrets and still acks', async () => {
    t.fake.responseUrlStatus = 500;
    const before = t.logs.length;

    const result = await t.post(slashCommandForm('who owns encryption on S3', t.fake.responseUrl()), FORM);

    expect(result.status).toBe(200);
    const newLogs = t.logs.slice(before).join('');
    expect(newLogs).toContain('slack: listener failed');
    expect(newLogs).toContain('"command":"/srm"');
    expect(newLogs).not.toContain(TEST_BOT_TOKEN);
    expect(newLogs).not.toContain(TEST_SIGNING_SECRET);
    expect(newLogs).not.toContain('/respond/');
  });

  it('never logs the bot token or the signing secret', () => {
    const logs = t.logs.join('');
    expect(logs).not.toContain(TEST_BOT_TOKEN);
    expect(logs).not.toContain(TEST_SIGNING_SECRET);
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
