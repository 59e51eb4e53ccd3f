/**
 * A small structured logger: one JSON line per event on stderr. Callers pass context objects, never
 * config or tokens; `redact` is a second line of defence for values that look like secrets.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_PATTERN = /\b(xox[abposr]-[\w-]+|xapp-[\w-]+|eyJ[\w-]{10,}\.[\w-]+\.[\w-]+)|(\/\/[^:/\s]+:)[^@\s]+@/g;

export function redact(text: string): string {
  return text.replace(SECRET_PATTERN, (_match, token: string | undefined, userPart: string | undefined) =>
    token ? '[redacted]' : `${userPart ?? ''}[redacted]@`,
  );
}

/** Errors keep their stack and cause in the log line: the context a turn-error log needs. */
function describeError(error: Error): Record<string, unknown> {
  const cause = error.cause instanceof Error ? describeError(error.cause) : error.cause;
  return { name: error.name, message: error.message, stack: error.stack, ...(cause === undefined ? {} : { cause }) };
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  const log = (at: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (ORDER[at] < ORDER[level]) return;
    const entry = { time: new Date().toISOString(), level: at, message, ...context };
    write(`${redact(JSON.stringify(entry, (_key, value: unknown) => (value instanceof Error ? describeError(value) : value)))}\n`);
  };
  return {
    debug: (m, c) => log('debug', m, c),
    info: (m, c) => log('info', m, c),
    warn: (m, c) => log('warn', m, c),
    error: (m, c) => log('error', m, c),
  };
}
