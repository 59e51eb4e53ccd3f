import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot } from '../../../../../src/core/bot';
import { loadKnowledge } from '../../../../../src/core/knowledge/load-knowledge';
import type { Clock } from '../../../../../src/core/ports/clock';
import type { Storage } from '../../../../../src/core/ports/storage';
import type { Incoming } from '../../../../../src/core/types';
import { defaultKnowledgeDir } from '../../../../../src/project-root';
import { createStorage } from '../../../../../src/storage/create-storage';

/** Follow-up context lives in storage and expires after the window, measured on the bot's clock. */
describe('thread memory on a fixed clock', () => {
  const kb = loadKnowledge(defaultKnowledgeDir());
  const dir = mkdtempSync(join(tmpdir(), 'srm-thread-'));
  let storage: Storage;
  let at = new Date('2026-11-23T09:00:00Z');
  const clock: Clock = { now: () => new Date(at.getTime()) };
  const message = (text: string, threadKey = 'T1:C1:1700.1'): Incoming => ({ platform: 'slack', userId: 'U1', text, conversationId: 'C1', threadKey });

  beforeAll(async () => {
    storage = await createStorage({ sqlitePath: join(dir, 'srm.db') });
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a follow-up in its thread within the window, and on its own after it', async () => {
    const bot = new Bot(kb, { storage, clock });
    await bot.handleMessage(message('who patches the guest OS on EC2?'));
    await bot.settled();

    at = new Date('2026-11-23T09:20:00Z');
    const [within] = await bot.handleMessage(message('and on Lambda?'));
    expect(within?.title).toMatch(/Guest OS patching on AWS Lambda/);
    await bot.settled();

    at = new Date('2026-11-23T10:30:00Z');
    const [after] = await bot.handleMessage(message('and on Lambda?'));
    expect(after?.title).not.toMatch(/Guest OS patching/);
  });

  it('lets "forget me" wait for a question of the same user still being answered', async () => {
    at = new Date('2026-11-25T09:00:00Z');
    const bot = new Bot(kb, { storage, clock });
    const user = { ...message('who patches the guest OS on EC2?', 'T1:D9'), userId: 'UFORGET', conversationId: 'D9' };
    const asking = bot.handleMessage(user);
    const [done] = await bot.handleMessage({ ...user, text: 'forget me' });
    await asking;
    await bot.settled();
    expect(done?.title).toMatch(/forgotten/);
    expect(await storage.forgetUser('slack', 'UFORGET')).toBe(0);
  });

  it('does not carry context across threads', async () => {
    at = new Date('2026-11-24T09:00:00Z');
    const bot = new Bot(kb, { storage, clock });
    await bot.handleMessage(message('who patches the guest OS on EC2?', 'T1:C1:a'));
    await bot.settled();
    const [other] = await bot.handleMessage(message('and on Lambda?', 'T1:C1:b'));
    expect(other?.title).not.toMatch(/Guest OS patching/);
  });
});
