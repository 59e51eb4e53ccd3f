import { adaptiveCardProblems } from '../unit/adapters/teams/teams-card-validator';
import { cardTexts, channelMention, startTeamsHarness, teamsActivity, TENANT, USER, type TeamsHarness } from './teams-harness';

/**
 * The admin report lists other people's questions, so the core shows it only where `private` is set: in
 * Teams, the personal chat. A channel @mention gets a notice instead, even from an admin.
 */
describe('Teams adapter, admin report and forget me', () => {
  let h: TeamsHarness;
  const OTHER_USER = { id: '29:user-2', name: 'Grace Hopper' };

  beforeAll(async () => {
    h = await startTeamsHarness(null, { admins: [`teams:${USER.id}`] });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const postedText = () => h.connector.posts.map((post) => [post.activity.text ?? '', ...cardTexts(post.activity.attachments)].join('\n')).join('\n');

  it('gives an admin the report in the personal chat', async () => {
    // A question first, so the report has something of someone else's to show.
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3', from: OTHER_USER }))).status).toBe(200);
    h.connector.clear();

    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'admin report 7d' }))).status).toBe(200);

    expect(h.connector.posts).toHaveLength(1);
    const [card] = h.connector.cards();
    const texts = cardTexts(card?.body).join('\n');
    expect(texts).toMatch(/Knowledge report: last 7d/);
    expect(texts).toMatch(/Most asked topics/);
    expect(texts).toMatch(/s3\/encryption/);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('gives an admin only the private-only notice for a channel @mention, without the report', async () => {
    expect((await h.post(channelMention(h.connector.serviceUrl, 'admin report'))).status).toBe(200);

    expect(h.connector.posts).toHaveLength(1);
    const text = postedText();
    expect(text).toMatch(/only show it privately/);
    expect(text).not.toMatch(/Knowledge report|Most asked topics|s3\/encryption/);
  });

  it('refuses the report to a user who is not an admin, even in a personal chat', async () => {
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'admin report', from: OTHER_USER }))).status).toBe(200);

    const text = postedText();
    expect(text).toMatch(/for srm-bot admins/);
    expect(text).not.toMatch(/Knowledge report/);
  });

  it('does not take a bare user id in SRM_ADMINS for a Teams admin (entries are platform:userId)', async () => {
    const bare = await startTeamsHarness(null, { admins: [USER.id, `slack:${USER.id}`] });
    try {
      expect((await bare.post(teamsActivity(bare.connector.serviceUrl, { text: 'admin report' }))).status).toBe(200);
      expect(bare.connector.posts.map((post) => JSON.stringify(post.activity)).join('\n')).toMatch(/for srm-bot admins/);
    } finally {
      await bare.stop();
    }
  });

  it('forgets a user: their personal chat reference and questions are deleted', async () => {
    const conversation = { id: 'a:personal-forget', conversationType: 'personal', tenantId: TENANT };
    const from = { id: '29:user-forget', name: 'Forget Me' };
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add', conversation, from }))).status).toBe(200);
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'who patches EC2', conversation, from }))).status).toBe(200);
    expect(await h.app.storage.getConversationRef('teams', conversation.id)).not.toBeNull();
    h.connector.clear();

    expect((await h.post(teamsActivity(h.connector.serviceUrl, { text: 'forget me', conversation, from }))).status).toBe(200);

    expect(postedText()).toMatch(/forgotten you/);
    expect(await h.app.storage.getConversationRef('teams', conversation.id)).toBeNull();
    expect(await h.app.storage.forgetUser('teams', from.id)).toBe(0);
  });
});
