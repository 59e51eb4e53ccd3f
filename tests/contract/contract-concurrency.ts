import type { Storage } from '../../src/core/ports/storage';
import type { StorageHarness, TestDatabase } from './storage-harness';
import { aQuestion, aRef, aVote, minutesAfter, T0 } from './storage-fixtures';

/**
 * Two Storage instances (two pools / two connections) on one database, as two replicas would be.
 * Operations are started together and awaited together so they overlap as much as the backend allows.
 */
export function describeConcurrencyContract(harness: StorageHarness): void {
  describe('two instances on one database', () => {
    let db: TestDatabase;
    let first: Storage;
    let second: Storage;

    beforeEach(async () => {
      db = await harness.freshDatabase();
      [first, second] = [await db.open(), await db.open()];
    });

    it('lose no writes when both write at once', async () => {
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 25; i += 1) {
        for (const [name, storage] of [['a', first], ['b', second]] as const) {
          writes.push(storage.recordQuestion(aQuestion({ userId: `U-${name}`, askedAt: minutesAfter(T0, i) })));
          writes.push(storage.saveConversationRef(aRef({ conversationKey: `T001:${name}${i}` })));
          writes.push(storage.recordFeedback(aVote({ userId: `U-${name}`, answerId: `answer-${i}` })));
        }
      }
      await Promise.all(writes);
      expect(await db.countRows('questions')).toBe(50);
      expect(await db.countRows('conversation_refs')).toBe(50);
      expect(await db.countRows('feedback')).toBe(50);
      expect((await first.report(T0)).topTopics).toEqual([{ topic: 'ec2/guest-os-patching', count: 50 }]);
    });

    it('keep one row per unique key when both upsert it at once', async () => {
      const writes: Promise<void>[] = [];
      for (let i = 0; i < 20; i += 1) {
        const storage = i % 2 === 0 ? first : second;
        writes.push(storage.recordFeedback(aVote({ vote: i % 2 === 0 ? 'up' : 'down' })));
        writes.push(storage.saveConversationRef(aRef({ reference: { writer: i } })));
      }
      await Promise.all(writes);
      expect(await db.countRows('feedback')).toBe(1);
      expect(await db.countRows('conversation_refs')).toBe(1);
      const [tally] = (await second.report(T0)).feedback;
      expect((tally?.up ?? 0) + (tally?.down ?? 0)).toBe(1);
    });

    it('grant a claim to exactly one of 20 racing callers', async () => {
      const key = 'quiz:C123:2026-11-23';
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? first : second).claim(key, `caller-${i}`)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `caller-${results.indexOf(true)}`;
      expect(await db.countRows('claims')).toBe(1);
      expect(await db.countRows('claims', { key, holder: winner })).toBe(1);
    });

    it('grant each of several raced keys exactly once', async () => {
      const keys = ['quiz:C1:2026-11-23', 'quiz:C2:2026-11-23', 'lesson:U1:3', 'lesson:U2:3', 'digest:2026-11-23'];
      const attempts = keys.flatMap((key) =>
        Array.from({ length: 6 }, async (_, i) => {
          const won = await (i % 2 === 0 ? first : second).claim(key, `caller-${i}`);
          return { key, won };
        }),
      );
      const results = await Promise.all(attempts);
      for (const key of keys) {
        expect(results.filter((result) => result.key === key && result.won)).toHaveLength(1);
      }
    });

    it('forget a user while the other instance keeps writing other users', async () => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => first.recordQuestion(aQuestion({ askedAt: minutesAfter(T0, i) }))),
      );
      const [removed] = await Promise.all([
        second.forgetUser('slack', 'U001'),
        ...Array.from({ length: 10 }, () => first.recordQuestion(aQuestion({ userId: 'U002' }))),
      ]);
      expect(removed).toBeGreaterThanOrEqual(10);
      expect(await db.countRows('questions', { user_id: 'U002' })).toBe(10);
    });
  });
}
