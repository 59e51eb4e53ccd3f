import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeBotConnector } from '../fakes/fake-bot-connector';
import { ROOT, runSrm as run, SRM } from '../fakes/srm-cli';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID, waitFor } from '../fakes/fake-slack-api';
import { appMentionEvent, CHANNEL, eventEnvelope, JSON_TYPE } from '../fakes/slack-payloads';
import { startSlackTestApp, TEST_BOT_TOKEN, TEST_SIGNING_SECRET, type SlackTestApp } from '../fakes/slack-test-app';
import { teamsActivity } from './teams-harness';


/**
 * Proactive sends end to end: conversations are stored on first contact through real Bolt and botbuilder, then the
 * operator commands list them and send to each through the Messenger (the fakes record the calls).
 */
describe('srm conversations / send', () => {
  const dir = mkdtempSync(join(tmpdir(), 'srm-send-'));
  const sqlitePath = join(dir, 'srm.db');
  let t: SlackTestApp;
  let connector: FakeBotConnector;
  const teamsConversation = { id: 'a:personal-proactive', conversationType: 'personal', tenantId: 'tenant-1' };
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    connector = await new FakeBotConnector().start();
    t = await startSlackTestApp({ SQLITE_PATH: sqlitePath });
    env = { ...process.env, SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: t.fake.apiUrl, SQLITE_PATH: sqlitePath, DATABASE_URL: '' };
    await t.post(eventEnvelope(appMentionEvent(`<@${FAKE_BOT_USER_ID}> who owns encryption on S3`)), JSON_TYPE);
    await waitFor(() => t.fake.callsTo('chat.postMessage').length === 1, 'the mention answer');
    const response = await fetch(`http://127.0.0.1:${t.app.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsActivity(connector.serviceUrl, { text: 'help', conversation: teamsConversation })),
    });
    expect(response.status).toBe(200);
    await t.app.bot.settled();
  });
  afterAll(async () => {
    await t.close();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists both stored conversations, each line starting with its key', async () => {
    const { stdout } = await run(process.execPath, [...SRM, 'conversations'], { cwd: ROOT, env });
    const lines = stdout.trim().split('\n');
    expect(lines).toContain(`${FAKE_TEAM_ID}:${CHANNEL}\tslack\t${FAKE_TEAM_ID}\t${CHANNEL}\tchannel`);
    expect(lines).toContain(`${teamsConversation.id}\tteams\ttenant-1\t${teamsConversation.id}\tpersonal`);
  });

  it('sends a text to the Slack channel through chat.postMessage', async () => {
    t.fake.reset();
    const { stdout } = await run(process.execPath, [...SRM, 'send', '--conversation', `${FAKE_TEAM_ID}:${CHANNEL}`, 'quiz starts tomorrow at 10:00'], { cwd: ROOT, env });
    expect(stdout).toMatch(/sent to slack/);
    const posts = t.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body.channel).toBe(CHANNEL);
    expect(JSON.stringify(posts[0]?.body)).toContain('quiz starts tomorrow at 10:00');
  });

  it('sends a text to the Teams conversation from its stored reference', async () => {
    connector.clear();
    const { stdout } = await run(process.execPath, [...SRM, 'send', '--conversation', teamsConversation.id, 'hello from the operator'], { cwd: ROOT, env });
    expect(stdout).toMatch(/sent to teams/);
    expect(connector.posts).toHaveLength(1);
    expect(connector.posts[0]?.conversationId).toBe(teamsConversation.id);
    expect(JSON.stringify(connector.posts[0]?.activity)).toContain('hello from the operator');
  });

  it('says how to find a key when the conversation is unknown', async () => {
    await expect(run(process.execPath, [...SRM, 'send', '--conversation', 'T0:C404', 'x'], { cwd: ROOT, env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/srm -- conversations/),
    });
  });
});
