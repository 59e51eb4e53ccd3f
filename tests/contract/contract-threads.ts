import type { Storage, ThreadTurn } from '../../src/core/ports/storage';
import type { StorageHarness, TestDatabase } from './storage-harness';
import { migration001Initial } from '../../src/storage/migrations/001-initial';
import { aQuestion, aRef, aVote, minutesAfter, T0 } from './storage-fixtures';

const turn = (overrides: Partial<ThreadTurn> = {}): ThreadTurn => ({
  platform: 'slack',
  threadKey: 'T001:C001:1700000100.000100',
  userId: 'U001',
  question: 'who patches the guest OS on EC2?',
  askedAt: T0,
  ...overrides,
});

/** Thread turns (follow-up context), delivery claims that expire, and ping. */
export function describeThreadsContract(harness: StorageHarness): void {
  let db: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    db = await harness.freshDatabase();
    storage = await db.open();
  });

  describe('thread turns', () => {
    it('returns the newest turns of one thread since a time, oldest first, at most the limit', async () => {
      for (let i = 0; i < 5; i++) await storage.recordTurn(turn({ question: `q${i}`, askedAt: minutesAfter(T0, i) }));
      await storage.recordTurn(turn({ threadKey: 'T001:C001:other', question: 'elsewhere', askedAt: minutesAfter(T0, 2) }));
      await storage.recordTurn(turn({ platform: 'teams', question: 'teams', askedAt: minutesAfter(T0, 2) }));
      const turns = await storage.recentTurns('slack', 'T001:C001:1700000100.000100', minutesAfter(T0, 1), 3);
      expect(turns.map((t) => t.question)).toEqual(['q2', 'q3', 'q4']);
      expect(turns[0]).toEqual(turn({ question: 'q2', askedAt: minutesAfter(T0, 2) }));
      await expect(storage.recentTurns('slack', 'T001:C001:1700000100.000100', minutesAfter(T0, 10), 3)).resolves.toEqual([]);
    });

    it('prunes turns older than a time and forgets a user\'s turns', async () => {
      await storage.recordTurn(turn({ askedAt: T0 }));
      await storage.recordTurn(turn({ askedAt: minutesAfter(T0, 40) }));
      await storage.recordTurn(turn({ userId: 'U002', askedAt: minutesAfter(T0, 40) }));
      await expect(storage.pruneTurns(minutesAfter(T0, 30))).resolves.toBe(1);
      await expect(storage.forgetUser('slack', 'U001')).resolves.toBe(1);
      expect(await db.countRows('thread_turns')).toBe(1);
    });
  });

  describe('delivery claims', () => {
    it('releases claims with a prefix made before a time, and only those', async () => {
      await storage.claim('delivery:slack:event:Ev1', 'a');
      await storage.claim('quiz:C1:2026-11-23', 'a');
      await expect(storage.releaseClaims('delivery:', new Date(Date.now() + 60_000))).resolves.toBe(1);
      await expect(storage.releaseClaims('delivery:', new Date(Date.now() + 60_000))).resolves.toBe(0);
      expect(await db.countRows('claims')).toBe(1);
      await expect(storage.claim('delivery:slack:event:Ev1', 'b')).resolves.toBe(true);
    });
  });

  it('reports a failed operation as a coded storage error naming the operation', async () => {
    await storage.close();
    await expect(storage.recordQuestion({ platform: 'slack', userId: 'U1', question: 'q', intent: 'srm.lookup', topic: null, confidence: 1, answered: true, askedAt: T0 })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(/recordQuestion failed/),
    });
  });

  it('upgrades a database written by the previous release (schema 1) in place, keeping its rows', async () => {
    const fresh = await harness.freshDatabase();
    const old = await fresh.open({ migrations: [migration001Initial] });
    await old.saveConversationRef(aRef());
    await old.recordQuestion(aQuestion());
    await old.recordFeedback(aVote());
    await old.claim('quiz:C1:2026-11-23', 'replica-a');
    await old.close();
    expect(await fresh.tables()).not.toContain('thread_turns');

    const upgraded = await fresh.open();
    expect(await fresh.tables()).toContain('thread_turns');
    await expect(upgraded.getConversationRef('slack', 'T001:C001')).resolves.toEqual(aRef());
    const report = await upgraded.report(T0);
    expect(report.topTopics).toEqual([{ topic: aQuestion().topic, count: 1 }]);
    expect(report.feedback).toHaveLength(1);
    await expect(upgraded.claim('quiz:C1:2026-11-23', 'replica-b')).resolves.toBe(false);
    await upgraded.recordTurn(turn());
    expect(await fresh.countRows('thread_turns')).toBe(1);
  });

  it('answers ping once migrated', async () => {
    await expect(storage.ping()).resolves.toBeUndefined();
  });
}
