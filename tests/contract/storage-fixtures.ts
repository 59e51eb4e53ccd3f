import type {
  ConversationRefRecord,
  FeedbackRecord,
  QuestionRecord,
} from '../../src/core/ports/storage';

/** A fixed point in time so reports and `since` filters are deterministic. */
export const T0 = new Date('2026-11-23T09:00:00.000Z');

export function minutesAfter(base: Date, minutes: number): Date {
  return new Date(base.getTime() + minutes * 60_000);
}

export function aRef(overrides: Partial<ConversationRefRecord> = {}): ConversationRefRecord {
  return {
    platform: 'slack',
    conversationKey: 'T001:C001',
    tenantId: 'T001',
    userId: null,
    reference: { team: 'T001', channel: 'C001' },
    updatedAt: T0,
    ...overrides,
  };
}

export function aTeamsRef(overrides: Partial<ConversationRefRecord> = {}): ConversationRefRecord {
  return aRef({
    platform: 'teams',
    conversationKey: 'a:1Xy-personal',
    tenantId: 'tenant-1',
    reference: {
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      conversation: { id: 'a:1Xy-personal', conversationType: 'personal', tenantId: 'tenant-1' },
      bot: { id: '28:bot', name: 'srm-bot' },
      user: { id: '29:user', aadObjectId: 'aad-1' },
      channelId: 'msteams',
      locale: 'en-GB',
      scopes: ['personal', 'team'],
      unicode: 'Zürich — ✓',
    },
    ...overrides,
  });
}

export function aQuestion(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    platform: 'slack',
    userId: 'U001',
    question: 'who patches the guest OS on EC2?',
    intent: 'srm.lookup',
    topic: 'ec2/guest-os-patching',
    confidence: 0.92,
    answered: true,
    askedAt: T0,
    ...overrides,
  };
}

export function aVote(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    platform: 'slack',
    userId: 'U001',
    answerId: 'ec2/guest-os-patching#q1',
    question: 'who patches the guest OS on EC2?',
    topic: 'ec2/guest-os-patching',
    confidence: 0.92,
    vote: 'up',
    createdAt: T0,
    ...overrides,
  };
}
