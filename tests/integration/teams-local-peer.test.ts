import { networkInterfaces } from 'node:os';
import { startTeamsHarness, teamsActivity, TENANT, USER, type TeamsHarness } from './teams-harness';

/**
 * A non-loopback address of this machine, if it has one. Connecting to it from here makes the peer that
 * address, not 127.0.0.1, while the traffic stays on this machine (the kernel routes local addresses itself).
 */
const otherLocalAddress = Object.values(networkInterfaces())
  .flat()
  .find((info) => info !== undefined && info.family === 'IPv4' && !info.internal)?.address;

/**
 * Local mode has no token, so a caller on another host could name a loopback serviceUrl and act as any user
 * (e.g. "forget me" with someone else's from.id). Only requests sent directly from this machine are served.
 */
describe('Teams adapter, local mode callers', () => {
  let h: TeamsHarness;
  const conversation = { id: 'a:personal-victim', conversationType: 'personal', tenantId: TENANT };

  beforeAll(async () => {
    h = await startTeamsHarness(null);
    // The victim's personal chat is stored, so a successful spoofed "forget me" would be visible.
    await h.post(teamsActivity(h.connector.serviceUrl, { type: 'installationUpdate', action: 'add', conversation }));
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const spoofedForget = () => teamsActivity(h.connector.serviceUrl, { text: 'forget me', conversation, from: USER });

  it('refuses a request relayed by a proxy with 401, and neither sends nor deletes anything', async () => {
    const response = await h.post(spoofedForget(), { 'x-forwarded-for': '192.0.2.99' });

    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error).toMatch(/MICROSOFT_APP_ID/);
    expect(h.connector.posts).toHaveLength(0);
    expect(await h.app.storage.getConversationRef('teams', conversation.id)).toMatchObject({ userId: USER.id });
    const refusal = h.logs.map((line) => JSON.parse(line)).find((entry) => entry.message === 'teams: refused a caller in local mode');
    expect(refusal).toMatchObject({ level: 'warn', reason: 'proxied', peer: '127.0.0.1' });
  });

  (otherLocalAddress ? it : it.skip)('refuses a caller from another interface with 401 explaining the credentials', async () => {
    const response = await h.post(spoofedForget(), {}, otherLocalAddress);

    expect(response.status).toBe(401);
    const { error } = JSON.parse(response.body) as { error: string };
    expect(error).toMatch(/only requests sent directly from this machine/);
    expect(error).toMatch(/MICROSOFT_APP_ID.*MICROSOFT_APP_PASSWORD/);
    expect(h.connector.posts).toHaveLength(0);
    expect(await h.app.storage.getConversationRef('teams', conversation.id)).toMatchObject({ userId: USER.id });
  });

  it('still serves the same activity sent directly from this machine', async () => {
    const question = teamsActivity(h.connector.serviceUrl, { text: 'who owns encryption on S3' });
    expect((await h.post(question)).status).toBe(200);
    expect(h.connector.posts).toHaveLength(1);
  });
});
