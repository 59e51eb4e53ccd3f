import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger';

/**
 * Routes Bolt's and the WebClient's own log lines (signature failures, unhandled requests, rate limits)
 * into our JSON logger, so they share its level and its secret redaction instead of printing to stdout.
 */
export function toBoltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]): string =>
    parts.map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : typeof part === 'string' ? part : safeJson(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => logger.debug(line(parts), { source: 'bolt' }),
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
