import type { Storage } from '../../src/core/ports/storage';
import type { StorageHarness, TestDatabase } from './storage-harness';
import { aQuestion, aRef, aTeamsRef, aVote, minutesAfter, T0 } from './storage-fixtures';

/** Conversation refs, questions, feedback, claims, forgetUser and close. */
export function describeRecordsContract(harness: StorageHarness): void {
  let db: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    db = await harness.freshDatabase();
    storage = await db.open();
  });

  it('reports its backend', () => {
    expect(storage.backend).toBe(harness.backend);
  });

  describe('conversation references', () => {
    it('returns null for an unknown conversation', async () => {
      await expect(storage.getConversationRef('slack', 'T001:C404')).resolves.toBeNull();
    });

    it('round-trips Slack and Teams references, including nested JSON', async () => {
      const slack = aRef();
      const teams = aTeamsRef({ userId: '29:user' });
      await storage.saveConversationRef(slack);
      await storage.saveConversationRef(teams);
      await expect(storage.getConversationRef('slack', 'T001:C001')).resolves.toEqual(slack);
      await expect(storage.getConversationRef('teams', 'a:1Xy-personal')).resolves.toEqual(teams);
    });

    it('reads an unset userId back as null', async () => {
      const { userId: _omitted, ...withoutUser } = aRef();
      await storage.saveConversationRef(withoutUser);
      expect((await storage.getConversationRef('slack', 'T001:C001'))?.userId).toBeNull();
    });

    it('keeps one row per (platform, conversation key): a second save replaces the first', async () => {
      await storage.saveConversationRef(aRef());
      const newer = aRef({
        tenantId: 'T999',
        reference: { team: 'T999', channel: 'C001', moved: true },
        updatedAt: minutesAfter(T0, 5),
      });
      await storage.saveConversationRef(newer);
      await expect(storage.getConversationRef('slack', 'T001:C001')).resolves.toEqual(newer);
      expect(await db.countRows('conversation_refs')).toBe(1);
    });

    it('treats the same key on another platform as a different conversation', async () => {
      await storage.saveConversationRef(aRef({ conversationKey: 'shared-key' }));
      await storage.saveConversationRef(aTeamsRef({ conversationKey: 'shared-key' }));
      expect(await db.countRows('conversation_refs')).toBe(2);
      expect((await storage.getConversationRef('teams', 'shared-key'))?.platform).toBe('teams');
    });

    it('lists all references ordered by platform then key, or one platform only', async () => {
      await storage.saveConversationRef(aTeamsRef());
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:C002' }));
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:C001' }));
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:c003' }));
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:D001' }));
      const all = await storage.listConversationRefs();
      // Code-point order (upper case before lower case) on both backends, whatever the server locale.
      expect(all.map((ref) => `${ref.platform}/${ref.conversationKey}`)).toEqual([
        'slack/T001:C001',
        'slack/T001:C002',
        'slack/T001:D001',
        'slack/T001:c003',
        'teams/a:1Xy-personal',
      ]);
      expect(await storage.listConversationRefs('teams')).toEqual([aTeamsRef()]);
      expect(await storage.listConversationRefs('slack')).toHaveLength(4);
    });
  });

  describe('questions and feedback', () => {
    it('records questions from every platform, including the CLI', async () => {
      await storage.recordQuestion(aQuestion());
      await storage.recordQuestion(aQuestion({ platform: 'teams', userId: '29:user' }));
      await storage.recordQuestion(aQuestion({ platform: 'cli', userId: 'local', answered: false, topic: null }));
      expect(await db.countRows('questions')).toBe(3);
      expect(await db.countRows('questions', { platform: 'cli' })).toBe(1);
    });

    it('keeps one vote per (platform, user, answer): a second vote replaces the first', async () => {
      await storage.recordFeedback(aVote({ vote: 'up' }));
      await storage.recordFeedback(aVote({ vote: 'down', createdAt: minutesAfter(T0, 1) }));
      expect(await db.countRows('feedback')).toBe(1);
      const report = await storage.report(T0);
      expect(report.feedback).toEqual([{ topic: 'ec2/guest-os-patching', up: 0, down: 1 }]);
    });

    it('counts votes by different users, answers and platforms separately', async () => {
      await storage.recordFeedback(aVote());
      await storage.recordFeedback(aVote({ userId: 'U002' }));
      await storage.recordFeedback(aVote({ answerId: 'ec2/guest-os-patching#q2', vote: 'down' }));
      await storage.recordFeedback(aVote({ platform: 'teams' }));
      expect(await db.countRows('feedback')).toBe(4);
      const report = await storage.report(T0);
      expect(report.feedback).toEqual([{ topic: 'ec2/guest-os-patching', up: 3, down: 1 }]);
    });
  });

  describe('claim', () => {
    it('grants a key once, whoever asks again', async () => {
      await expect(storage.claim('quiz:C123:2026-11-23', 'replica-a')).resolves.toBe(true);
      await expect(storage.claim('quiz:C123:2026-11-23', 'replica-a')).resolves.toBe(false);
      await expect(storage.claim('quiz:C123:2026-11-23', 'replica-b')).resolves.toBe(false);
      await expect(storage.claim('quiz:C123:2026-11-24', 'replica-b')).resolves.toBe(true);
      expect(await db.countRows('claims', { key: 'quiz:C123:2026-11-23', holder: 'replica-a' })).toBe(1);
    });
  });

  describe('forgetUser', () => {
    beforeEach(async () => {
      await storage.recordQuestion(aQuestion());
      await storage.recordQuestion(aQuestion({ answered: false, question: 'what about lambda?' }));
      await storage.recordFeedback(aVote());
      await storage.recordFeedback(aVote({ answerId: 'other#1', vote: 'down' }));
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:D001', userId: 'U001' }));
      // Rows that must survive: another user, the same id on another platform, a channel, a claim.
      await storage.recordQuestion(aQuestion({ userId: 'U002' }));
      await storage.recordFeedback(aVote({ userId: 'U002' }));
      await storage.saveConversationRef(aRef({ conversationKey: 'T001:D002', userId: 'U002' }));
      await storage.recordQuestion(aQuestion({ platform: 'teams' }));
      await storage.recordFeedback(aVote({ platform: 'teams' }));
      await storage.saveConversationRef(aTeamsRef({ userId: 'U001' }));
      await storage.saveConversationRef(aRef());
      await storage.claim('onboarding:U001:lesson-1', 'replica-a');
    });

    it("removes the user's rows from every table and says how many", async () => {
      await expect(storage.forgetUser('slack', 'U001')).resolves.toBe(5);
      for (const table of ['questions', 'feedback', 'conversation_refs']) {
        expect(await db.countRows(table, { platform: 'slack', user_id: 'U001' })).toBe(0);
      }
      await expect(storage.getConversationRef('slack', 'T001:D001')).resolves.toBeNull();
    });

    it("leaves other users' rows, the same id on another platform, channels and claims", async () => {
      await storage.forgetUser('slack', 'U001');
      expect(await db.countRows('questions')).toBe(2);
      expect(await db.countRows('feedback')).toBe(2);
      expect((await storage.listConversationRefs()).map((ref) => ref.conversationKey)).toEqual([
        'T001:C001',
        'T001:D002',
        'a:1Xy-personal',
      ]);
      expect(await db.countRows('claims')).toBe(1);
    });

    it('resolves 0 when there is nothing left to forget', async () => {
      await storage.forgetUser('slack', 'U001');
      await expect(storage.forgetUser('slack', 'U001')).resolves.toBe(0);
      await expect(storage.forgetUser('teams', 'nobody')).resolves.toBe(0);
    });
  });

  it('can be closed twice', async () => {
    await storage.close();
    await expect(storage.close()).resolves.toBeUndefined();
  });
}
