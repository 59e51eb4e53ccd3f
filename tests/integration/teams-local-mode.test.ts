import { adaptiveCardProblems } from '../unit/adapters/teams/teams-card-validator';
import { cardTexts, channelMention, startTeamsHarness, teamsActivity, type TeamsHarness } from './teams-harness';

/** Local mode (no MICROSOFT_APP_ID): what the Bot Framework Emulator uses; only loopback serviceUrls are served. */
describe('Teams adapter, local mode', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness(null);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  it('answers a 1:1 question with an Adaptive Card 1.5 naming the owner, with a source link', async () => {
    const activity = teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' });
    const response = await h.post(activity);

    expect(response.status).toBe(200);
    expect(h.connector.posts).toHaveLength(1);
    const [post] = h.connector.posts;
    expect(post?.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(post?.replyToId).toBe(activity.id);
    expect(post?.authorization).toBeUndefined();
    expect(post?.activity.summary).toEqual(expect.stringContaining('owner: Customer'));
    const [card] = h.connector.cards();
    expect(card?.version).toBe('1.5');
    expect(card?.fallbackText).toEqual(expect.stringContaining('owner: Customer'));
    const texts = cardTexts(card?.body);
    expect(texts).toContain('CUSTOMER');
    expect(texts.join('\n')).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('answers a channel @mention, with the mention stripped from the question', async () => {
    const activity = channelMention(h.connector.serviceUrl, 'who owns encryption on S3');
    expect((await h.post(activity)).status).toBe(200);

    expect(h.connector.posts).toHaveLength(1);
    expect(h.connector.posts[0]?.conversationId).toBe('19:general@thread.tacv2;messageid=1700000000001');
    const texts = cardTexts(h.connector.cards()[0]?.body);
    expect(texts).toContain('CUSTOMER');
    expect(texts).toContain('**You asked:** who owns encryption on S3');
  });

  it('refuses a bracketed IPv6 serviceUrl at once with a 400 that says what to use instead', async () => {
    const port = new URL(h.connector.serviceUrl).port;
    const started = Date.now();
    const response = await h.post(teamsActivity(`http://[::1]:${port}/`, { text: 'who owns encryption on S3' }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(/127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('stays quiet on a channel message that does not mention the bot', async () => {
    const activity = channelMention(h.connector.serviceUrl, 'who owns encryption on S3');
    delete activity.entities;
    activity.text = 'who owns encryption on S3';
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('does not fail the turn on a mention that arrives without text', async () => {
    const activity = channelMention(h.connector.serviceUrl, 'x');
    delete activity.text;
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.posts.map((p) => p.activity.text)).not.toContainEqual(expect.stringMatching(/^Sorry, something went wrong/));
  });

  it('answers a card button press (Action.Submit) through the core action handler', async () => {
    const activity = teamsActivity(h.connector.serviceUrl, { value: { actionId: 'srm.topic', value: 'ebs/encryption-at-rest' } });
    expect((await h.post(activity)).status).toBe(200);

    const [card] = h.connector.cards();
    expect(cardTexts(card?.body).join('\n')).toContain('Amazon EBS');
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('thanks for a vote with a plain message', async () => {
    const activity = teamsActivity(h.connector.serviceUrl, { value: { actionId: 'feedback.up', value: 'who owns encryption on S3' } });
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.posts.map((p) => p.activity.text)).toEqual(['Thanks, glad it helped.']);
  });

  it.each([
    ['an unknown action id', { actionId: 'admin.drop', value: 'x' }],
    ['a value that is not a string', { actionId: 'srm.ask', value: { nested: true } }],
    ['an oversized value', { actionId: 'srm.ask', value: 'x'.repeat(2001) }],
  ])('refuses a button payload with %s politely', async (_name, value) => {
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { value }))).status).toBe(200);
    expect(h.connector.posts).toHaveLength(1);
    expect(h.connector.posts[0]?.activity.text).toMatch(/could not read that button/);
  });

  it('refuses a non-loopback serviceUrl with 401 and sends nothing', async () => {
    const response = await h.post(teamsActivity('https://example.com/', { text: 'who owns encryption on S3' }));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error).toMatch(/loopback|this machine/);
    expect(h.connector.posts).toHaveLength(0);
  });

  it.each([
    ['no serviceUrl', { serviceUrl: undefined }, /serviceUrl/],
    ['a non-http serviceUrl', { serviceUrl: 'file:///etc/passwd' }, /serviceUrl/],
    ['no conversation', { conversation: undefined }, /conversation/],
    ['an empty type', { type: '' }, /type/],
  ])('answers 400 with the bad field for an activity with %s', async (_name, overrides, field) => {
    const response = await h.post(teamsActivity(h.connector.serviceUrl, { text: 'hi', ...overrides }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(field);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON, and 413 for an oversized one', async () => {
    expect((await h.post('{not json')).status).toBe(400);
    expect((await h.post('[]')).status).toBe(400);
    const huge = teamsActivity(h.connector.serviceUrl, { text: 'x', channelData: { padding: 'x'.repeat(300_000) } });
    expect((await h.post(huge)).status).toBe(413);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('logs a failed turn with context and tells the user something polite', async () => {
    h.connector.failNext(1);
    const before = h.logs.length;
    const activity = teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' });
    expect((await h.post(activity)).status).toBe(200);

    expect(h.connector.posts.map((p) => p.activity.text)).toEqual([expect.stringMatching(/^Sorry, something went wrong/)]);
    const failure = h.logs.slice(before).map((line) => JSON.parse(line)).find((entry) => entry.message === 'teams: turn failed');
    expect(failure).toMatchObject({ level: 'error', activityType: 'message', activityId: activity.id, conversationType: 'personal' });
    expect(JSON.stringify(failure)).not.toContain('who owns encryption');
  });
});
