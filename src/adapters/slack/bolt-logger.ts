import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger';

/**
 * Routes Bolt's and the WebClient's own log lines (signature failures, unhandled requests, rate limits)
 * into our JSON logger, so they share its level and its secret redaction instead of printing to stdout.
 */
export function toBoltLogger(logger: Logger, logQuestions = false): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string =>
    parts.map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : typeof part === 'string' ? part : safeJson(part))).join(' ');
  return {
    // Bolt's and the WebClient's debug lines print request and response bodies, i.e. users' questions and our
    // answers: they are passed on only when LOG_QUESTIONS=true.
    debug: (...parts: unknown[]) => {
      if (logQuestions) logger.debug(line(parts), { source: 'bolt' });
    },
    info: (...parts: unknown[]) => logger.info(line(parts), { source: 'bolt' }),
    warn: (...parts: unknown[]) => logger.warn(line(parts), { source: 'bolt' }),
    error: (...parts: unknown[]) => logger.error(line(parts), { source: 'bolt' }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
