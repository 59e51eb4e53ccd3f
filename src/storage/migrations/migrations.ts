import { migration001Initial } from './001-initial';
import { migration002ThreadTurns } from './002-thread-turns';
import type { Migration } from './migration';

/** Every migration, oldest first. Append only: never edit, renumber or remove an entry once released. */
export const migrations: readonly Migration[] = [migration001Initial, migration002ThreadTurns];
