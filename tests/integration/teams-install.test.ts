import { adaptiveCardProblems } from '../unit/adapters/teams/teams-card-validator';
import { BOT, cardTexts, channelMention, startTeamsHarness, teamsActivity, TENANT, USER, type TeamsHarness } from './teams-harness';

/**
 * Install and conversationUpdate events go through the core (bot.handleInstall), which stores the
 * conversation reference and decides the greeting; the adapter sends it for a new install only.
 */
describe('Teams adapter, install and conversation references', () => {
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness(null);
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const personal = (id: string) => ({ id, conversationType: 'personal', tenantId: TENANT });
  const storedRef = (conversationId: string) => h.app.storage.getConversationRef('teams', conversationId);

  it('welcomes a user who installs the app in a personal chat, and keeps the conversation reference', async () => {
    const activity = teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add' });
    expect((await h.post(activity)).status).toBe(200);

    expect(h.connector.posts).toHaveLength(1);
    const [card] = h.connector.cards();
    expect(cardTexts(card?.body).join('\n')).toMatch(/Shared Responsibility Model/);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const conversationId = (activity.conversation as { id: string }).id;
    const ref = await storedRef(conversationId);
    expect(ref).toMatchObject({ platform: 'teams', conversationKey: conversationId, tenantId: TENANT, userId: USER.id });
    expect(ref?.reference).toMatchObject({ serviceUrl: h.connector.serviceUrl, conversation: { id: conversationId } });
  });

  it('welcomes once when Teams sends conversationUpdate and then installationUpdate for one personal install', async () => {
    const conversation = personal('a:personal-install-pair');
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { type: 'conversationUpdate', conversation, membersAdded: [BOT] }))).status).toBe(200);
    expect(h.connector.posts).toHaveLength(0);
    expect(await storedRef(conversation.id)).toMatchObject({ userId: USER.id });

    expect((await h.post(teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add', conversation }))).status).toBe(200);
    expect(h.connector.cards()).toHaveLength(1);
  });

  it('keeps the conversation reference when the bot is added to a team, without posting', async () => {
    const conversation = { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-x' };
    const activity = teamsActivity(h.connector.serviceUrl, { type: 'conversationUpdate', conversation, membersAdded: [BOT] });
    expect((await h.post(activity)).status).toBe(200);

    expect(h.connector.posts).toHaveLength(0);
    expect(await storedRef(conversation.id)).toMatchObject({ tenantId: 'tenant-x', userId: null });
  });

  it('does not greet a channel on install (the welcome is for a personal chat)', async () => {
    const conversation = { id: '19:team-install@thread.tacv2', conversationType: 'channel', tenantId: TENANT };
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add', conversation }))).status).toBe(200);

    expect(h.connector.posts).toHaveLength(0);
    expect(await storedRef(conversation.id)).toMatchObject({ userId: null });
  });

  it('stores an app upgrade without greeting again', async () => {
    const conversation = personal('a:personal-upgrade');
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add-upgrade', conversation }))).status).toBe(200);

    expect(h.connector.posts).toHaveLength(0);
    expect(await storedRef(conversation.id)).toMatchObject({ userId: USER.id });
  });

  it.each([
    ['an uninstall', { type: 'installationUpdate', action: 'remove' }],
    ['the bot being removed', { type: 'conversationUpdate', membersRemoved: [BOT] }],
  ])('neither stores nor posts on %s', async (_name, overrides) => {
    const conversation = personal(`a:personal-removed-${overrides.type}`);
    expect((await h.post(teamsActivity(h.connector.serviceUrl, { ...overrides, conversation }))).status).toBe(200);

    expect(h.connector.posts).toHaveLength(0);
    expect(await storedRef(conversation.id)).toBeNull();
  });

  it('stores the reference on a first message too (the Emulator sends no install event)', async () => {
    const direct = teamsActivity(h.connector.serviceUrl, { text: 'help', channelId: 'emulator', conversation: { id: 'emulator-conv-1' } });
    const mention = channelMention(h.connector.serviceUrl, 'help');
    expect((await h.post(direct)).status).toBe(200);
    expect((await h.post(mention)).status).toBe(200);

    expect(await storedRef('emulator-conv-1')).toMatchObject({ userId: USER.id });
    expect(await storedRef((mention.conversation as { id: string }).id)).toMatchObject({ tenantId: TENANT, userId: null });
  });
});
