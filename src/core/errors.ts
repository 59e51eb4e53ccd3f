/**
 * Coded errors. Codes are stable (logs, tests and docs refer to them); messages say how to fix the problem.
 */
export type ErrorCode =
  | 'KNOWLEDGE_INVALID'
  | 'KNOWLEDGE_MISSING'
  | 'CONFIG_INVALID'
  | 'STORAGE_MIGRATION_FAILED'
  | 'STORAGE_FAILED'
  | 'BAD_INPUT';

export class SrmError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SrmError';
    this.code = code;
  }
}
