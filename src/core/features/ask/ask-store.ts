import type { Storage } from '../../ports/storage';

/** What the ask feature stores: the question log, votes and follow-up context. */
export type AskStore = Pick<Storage, 'recordQuestion' | 'recordFeedback' | 'recordTurn' | 'recentTurns' | 'pruneTurns'>;
