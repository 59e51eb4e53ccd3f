import type { Storage } from '../../ports/storage';

/** What the privacy feature deletes: everything stored about one user. */
export type PrivacyStore = Pick<Storage, 'forgetUser'>;
