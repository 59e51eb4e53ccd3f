/**
 * Value rules shared by both backends, computed in TypeScript rather than SQL so SQLite and
 * PostgreSQL cannot disagree (their LOWER() differ outside ASCII, for one).
 */

export const DEFAULT_REPORT_LIMIT = 10;

/** Groups "Who patches RDS?" with "who patches  rds" in the unanswered-questions report. */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?!.]+$/, '');
}

export function resolveReportLimit(limit: number | undefined): number {
  const resolved = limit ?? DEFAULT_REPORT_LIMIT;
  if (!Number.isInteger(resolved) || resolved < 1) {
    throw new RangeError(`report limit must be a positive whole number, got ${String(limit)}`);
  }
  return resolved;
}
