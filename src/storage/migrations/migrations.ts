import { migration001Initial } from './001-initial';
import type { Migration } from './migration';

/** Every migration, oldest first. Append only: never edit, renumber or remove an entry once released. */
export const migrations: readonly Migration[] = [migration001Initial];
