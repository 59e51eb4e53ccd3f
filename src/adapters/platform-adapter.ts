import type { Messenger } from '../core/ports/messenger';
import type { Platform } from '../core/types';

/**
 * What every platform adapter gives the composition root: it has mounted its routes on the shared HTTP app (or
 * opened its own connection, as Slack's Socket Mode does), it delivers proactive messages, and it can be stopped.
 */
export interface PlatformAdapter {
  platform: Platform;
  messenger: Messenger;
  stop(): Promise<void>;
}
