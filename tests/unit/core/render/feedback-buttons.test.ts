import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot } from '../../../../src/core/bot';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../../../../src/project-root';
import { createStorage } from '../../../../src/storage/create-storage';

describe('feedback buttons carry the topic they vote on', () => {
  it('names the knowledge unit, and a vote on it is stored under that topic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-vote-'));
    const storage = await createStorage({ sqlitePath: join(dir, 'srm.db') });
    try {
      const bot = new Bot(loadKnowledge(defaultKnowledgeDir()), { storage });
      const { reply } = bot.ask('who owns encryption on S3');
      const up = reply.buttons.find((button) => button.actionId === 'feedback.up');
      expect(up?.value).toBe('topic:s3/encryption-at-rest');
      const [thanks] = await bot.handleAction({ platform: 'slack', userId: 'U1', conversationId: 'C1', actionId: 'feedback.up', value: up?.value ?? '' });
      expect(thanks?.title).toMatch(/Thanks/);
      expect((await storage.report(new Date(0))).feedback).toEqual([{ topic: 's3/encryption-at-rest', up: 1, down: 0 }]);
    } finally {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
