import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot } from '../../../src/core/bot';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import type { Storage } from '../../../src/core/ports/storage';
import type { Incoming } from '../../../src/core/types';
import { createStorage } from '../../../src/storage/create-storage';

const kb = loadKnowledge(join(__dirname, '..', '..', '..', 'knowledge'));

function incoming(text: string, userId = 'U1', channel = 'D1'): Incoming {
  return {
    platform: 'slack',
    userId,
    text,
    conversationId: channel,
    tenantId: 'T1',
    conversationRef: { key: `T1:${channel}`, reference: { teamId: 'T1', channelId: channel }, direct: channel.startsWith('D') },
    private: channel.startsWith('D'),
  };
}

describe('bot commands with real SQLite storage', () => {
  let dir: string;
  let storage: Storage;
  let bot: Bot;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'srm-bot-'));
    storage = await createStorage({ sqlitePath: join(dir, 'srm.db') });
    bot = new Bot(kb, { storage, admins: new Set(['slack:UADMIN']) });
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the conversation reference on first contact', async () => {
    await bot.handleMessage(incoming('who owns encryption on s3', 'U1', 'C9'));
    // The reference is a best-effort write after the answer: wait for it.
    await bot.settled();
    const ref = await storage.getConversationRef('slack', 'T1:C9');
    expect(ref?.reference).toEqual({ teamId: 'T1', channelId: 'C9' });
  });

  it('records questions, marking the ones it could not answer', async () => {
    await bot.handleMessage(incoming('who owns encryption on s3'));
    await bot.handleMessage(incoming("what's for lunch"));
    await bot.settled();
    const report = await storage.report(new Date(Date.now() - 60_000));
    expect(report.topTopics).toEqual([{ topic: 's3/encryption-at-rest', count: 1 }]);
    expect(report.unanswered.map((u) => u.question)).toEqual(["what's for lunch"]);
  });

  it('keeps one vote per user per answer, and the last one counts', async () => {
    const vote = (actionId: 'feedback.up' | 'feedback.down') =>
      bot.handleAction({ platform: 'slack', userId: 'U1', conversationId: 'C1', actionId, value: 'who owns encryption on s3' });
    await vote('feedback.up');
    await vote('feedback.down');
    const report = await storage.report(new Date(Date.now() - 60_000));
    expect(report.feedback).toEqual([{ topic: 's3/encryption-at-rest', up: 0, down: 1 }]);
  });

  it('shows the report to admins and politely refuses everyone else', async () => {
    await bot.handleMessage(incoming('who patches the guest os on ec2'));
    await bot.settled();
    const [refusal] = await bot.handleMessage(incoming('admin report', 'U1'));
    expect(refusal?.title).toMatch(/for srm-bot admins/);
    expect(refusal?.fallbackText).not.toContain('ec2/guest-os-patching');
    const [report] = await bot.handleMessage(incoming('admin report 24h', 'UADMIN'));
    expect(report?.title).toMatch(/Knowledge report: last 24h/);
    expect(report?.fallbackText).toContain('ec2/guest-os-patching: 1');
    const [bad] = await bot.handleMessage(incoming('admin report soon', 'UADMIN'));
    expect(bad?.title).toMatch(/not a time window/);
    const [inChannel] = await bot.handleMessage(incoming('admin report', 'UADMIN', 'C1'));
    expect(inChannel?.title).toMatch(/only show it privately/);
    expect(inChannel?.fallbackText).not.toContain('ec2/guest-os-patching');
  });

  it('forgets a user everywhere and confirms, leaving other users alone', async () => {
    await bot.handleMessage(incoming('who owns encryption on s3', 'U1', 'D1'));
    await bot.handleMessage(incoming('who owns iam', 'U2', 'D2'));
    await bot.handleAction({ platform: 'slack', userId: 'U1', conversationId: 'D1', actionId: 'feedback.up', value: 'who owns iam' });
    const [reply] = await bot.handleMessage(incoming('forget me', 'U1', 'D1'));
    expect(reply?.title).toMatch(/forgotten you/);
    expect(reply?.fallbackText).toMatch(/[1-9]\d* stored records? /);
    expect(await storage.getConversationRef('slack', 'T1:D1')).toBeNull();
    expect(await storage.getConversationRef('slack', 'T1:D2')).not.toBeNull();
    const report = await storage.report(new Date(Date.now() - 60_000));
    expect(report.feedback).toEqual([]);
    expect(report.topTopics.map((t) => t.topic)).toEqual(['iam/identity-access']);
  });
});
