/**
 * The time, as a port: every time-based decision in the core (follow-up windows, quiz days, lesson days) asks a
 * Clock, so tests can run them at any instant with a fixed clock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that says what it is told: for tests and for `--now` on the command line. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
