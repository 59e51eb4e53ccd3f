import type { Storage } from '../../ports/storage';

/** What the admin feature reads: the knowledge report. */
export type AdminStore = Pick<Storage, 'report'>;
