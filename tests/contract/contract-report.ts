import type { Storage } from '../../src/core/ports/storage';
import type { StorageHarness } from './storage-harness';
import { aQuestion, aVote, minutesAfter, T0 } from './storage-fixtures';

/** report(): top topics, unanswered questions, feedback per topic, the `since` filter and the limit. */
export function describeReportContract(harness: StorageHarness): void {
  describe('report', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await (await harness.freshDatabase()).open();
    });

    async function ask(topic: string | null, times: number, at = T0): Promise<void> {
      for (let i = 0; i < times; i += 1) await storage.recordQuestion(aQuestion({ topic, askedAt: at }));
    }

    it('is empty on an empty database and echoes `since`', async () => {
      await expect(storage.report(T0)).resolves.toEqual({ since: T0, topTopics: [], unanswered: [], feedback: [] });
    });

    it('ranks topics by questions asked, ties by name, ignoring questions without a topic', async () => {
      await ask('s3/encryption-at-rest', 3);
      await ask('rds/engine-patching', 2);
      await ask('ec2/guest-os-patching', 2);
      await ask(null, 5);
      const report = await storage.report(T0);
      expect(report.topTopics).toEqual([
        { topic: 's3/encryption-at-rest', count: 3 },
        { topic: 'ec2/guest-os-patching', count: 2 },
        { topic: 'rds/engine-patching', count: 2 },
      ]);
    });

    it('groups unanswered questions by normalised text, newest first among equals', async () => {
      const unanswered = (question: string, minutes: number) =>
        storage.recordQuestion(
          aQuestion({ question, answered: false, topic: null, confidence: 0.2, askedAt: minutesAfter(T0, minutes) }),
        );
      await unanswered('who patches  RDS?', 1);
      await unanswered('Who patches RDS?', 7);
      await unanswered('who patches rds', 3);
      await unanswered('is glacier encrypted', 2);
      await unanswered('what is a VPC endpoint?', 9);
      await storage.recordQuestion(aQuestion({ question: 'who patches rds', answered: true }));

      const report = await storage.report(T0);
      expect(report.unanswered).toEqual([
        { question: 'Who patches RDS?', count: 3, lastAskedAt: minutesAfter(T0, 7) },
        { question: 'what is a VPC endpoint?', count: 1, lastAskedAt: minutesAfter(T0, 9) },
        { question: 'is glacier encrypted', count: 1, lastAskedAt: minutesAfter(T0, 2) },
      ]);
    });

    it('tallies current votes per topic, busiest topic first', async () => {
      await storage.recordFeedback(aVote({ userId: 'U1', topic: 'iam/users', vote: 'up' }));
      await storage.recordFeedback(aVote({ userId: 'U2', topic: 'iam/users', vote: 'down' }));
      await storage.recordFeedback(aVote({ userId: 'U3', topic: 'iam/users', vote: 'down' }));
      await storage.recordFeedback(aVote({ userId: 'U3', topic: 'iam/users', vote: 'up' }));
      await storage.recordFeedback(aVote({ userId: 'U1', answerId: 'kms/keys#1', topic: 'kms/keys', vote: 'up' }));
      await storage.recordFeedback(aVote({ userId: 'U9', topic: null, vote: 'down' }));
      const report = await storage.report(T0);
      expect(report.feedback).toEqual([
        { topic: 'iam/users', up: 2, down: 1 },
        { topic: 'kms/keys', up: 1, down: 0 },
      ]);
    });

    it('counts only rows at or after `since` in every section', async () => {
      const before = minutesAfter(T0, -1);
      await ask('old/topic', 4, before);
      await ask('new/topic', 1, T0);
      await storage.recordQuestion(aQuestion({ question: 'old gap', answered: false, askedAt: before }));
      await storage.recordQuestion(aQuestion({ question: 'new gap', answered: false, askedAt: T0 }));
      await storage.recordFeedback(aVote({ userId: 'U1', topic: 'old/topic', createdAt: before }));
      await storage.recordFeedback(aVote({ userId: 'U2', topic: 'new/topic', createdAt: minutesAfter(T0, 1) }));

      const report = await storage.report(T0);
      expect(report.topTopics.map((row) => row.topic)).toEqual(['ec2/guest-os-patching', 'new/topic']);
      expect(report.unanswered.map((row) => row.question)).toEqual(['new gap']);
      expect(report.feedback.map((row) => row.topic)).toEqual(['new/topic']);

      const later = await storage.report(minutesAfter(T0, 1));
      expect(later).toEqual({
        since: minutesAfter(T0, 1),
        topTopics: [],
        unanswered: [],
        feedback: [{ topic: 'new/topic', up: 1, down: 0 }],
      });
    });

    it('limits each section, to 10 rows by default', async () => {
      for (let i = 0; i < 12; i += 1) {
        const topic = `topic-${String(i).padStart(2, '0')}`;
        await storage.recordQuestion(aQuestion({ topic, question: `gap ${i}`, answered: false }));
        await storage.recordFeedback(aVote({ answerId: `a${i}`, topic }));
      }
      const byDefault = await storage.report(T0);
      expect([byDefault.topTopics, byDefault.unanswered, byDefault.feedback].map((rows) => rows.length)).toEqual([
        10, 10, 10,
      ]);
      const top3 = await storage.report(T0, 3);
      expect(top3.topTopics.map((row) => row.topic)).toEqual(['topic-00', 'topic-01', 'topic-02']);
      expect([top3.unanswered.length, top3.feedback.length]).toEqual([3, 3]);
    });

    it('rejects a limit that is not a positive whole number', async () => {
      await expect(storage.report(T0, 0)).rejects.toThrow(RangeError);
      await expect(storage.report(T0, 2.5)).rejects.toThrow(RangeError);
    });
  });
}
