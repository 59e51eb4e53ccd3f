import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardTexts, startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * A Teams channel @mention recorded in production (tests/fixtures/recorded/, origin in the file), replayed
 * through the real server and botbuilder against the fake Bot Connector. Only serviceUrl is pointed at the fake.
 */
const recorded = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'recorded', 'vercel-chat-teams-channel-mention.json'), 'utf8')) as {
  activity: Record<string, unknown> & { from: { id: string }; recipient: { id: string; name: string }; conversation: Record<string, unknown> };
};

let sequence = 0;
function replay(h: TeamsHarness, change: (activity: Record<string, unknown>) => void): Record<string, unknown> {
  const activity = structuredClone(recorded.activity) as Record<string, unknown>;
  sequence += 1;
  activity.id = `${String(activity.id)}${sequence}`;
  activity.serviceUrl = h.connector.serviceUrl;
  change(activity);
  return activity;
}

describe('Teams adapter, recorded channel payloads', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness(null, { admins: [`teams:${recorded.activity.from.id}`] });
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(() => h.connector.clear());

  const postedText = () => h.connector.posts.map((post) => [post.activity.text ?? '', ...cardTexts(post.activity.attachments)].join('\n')).join('\n');

  it('answers the recorded @mention as recorded', async () => {
    const activity = replay(h, (a) => {
      a.text = '<at>Chat SDK Demo</at> who owns encryption on S3';
    });
    expect((await h.post(activity)).status).toBe(200);
    expect(postedText()).toMatch(/CUSTOMER/i);
  });

  it('ignores a thread reply with isGroup and no conversationType that does not mention the bot', async () => {
    // A follow-up in a channel thread: Teams sends isGroup and the thread id, without conversationType.
    const activity = replay(h, (a) => {
      a.text = 'admin report';
      a.entities = [];
      a.conversation = { isGroup: true, tenantId: (a.conversation as { tenantId: string }).tenantId, id: (a.conversation as { id: string }).id };
    });
    expect((await h.post(activity)).status).toBe(200);
    expect(h.connector.posts).toHaveLength(0);
  });

  it('never posts the admin report into a group thread, even when an admin mentions the bot there', async () => {
    const activity = replay(h, (a) => {
      a.text = '<at>Chat SDK Demo</at> admin report';
      a.conversation = { isGroup: true, tenantId: (a.conversation as { tenantId: string }).tenantId, id: (a.conversation as { id: string }).id };
    });
    expect((await h.post(activity)).status).toBe(200);
    expect(postedText()).toMatch(/only show it privately/);
    expect(postedText()).not.toMatch(/Knowledge report/);
  });

  it.each([
    ['a mention entity without text', (a: Record<string, unknown>) => {
      a.text = '<at>Chat SDK Demo</at> help';
      a.entities = [{ type: 'mention', mentioned: recorded.activity.recipient }];
    }],
    ['a mention entity whose text differs from the <at> tag', (a: Record<string, unknown>) => {
      a.text = '<at>SentryTest</at> help';
      a.entities = [{ type: 'mention', text: '<at>Sentry Test</at>', mentioned: recorded.activity.recipient }];
    }],
  ])('strips the bot mention for %s and answers "help" with the help card', async (_name, change) => {
    expect((await h.post(replay(h, change))).status).toBe(200);
    const text = postedText();
    expect(text).not.toMatch(/&lt;at&gt;|<at>/);
    expect(text).toMatch(/srm-bot: who owns what/);
    expect(text).not.toMatch(/don't know|not sure/i);
  });
});
