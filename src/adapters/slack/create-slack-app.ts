import { App, ExpressReceiver, webApi } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../../config';
import type { Bot } from '../../core/bot';
import { SrmError } from '../../core/errors';
import type { Logger } from '../../logger';
import type { PlatformAdapter } from '../platform-adapter';
import { toBoltLogger } from './bolt-logger';
import { SlackMessenger } from './slack-messenger';
import { SLACK_LISTENERS } from './listeners/all-listeners';
import { registerErrorHandler } from './listeners/error-handler';
import { dropRedeliveries } from './listeners/drop-redeliveries';
import { MAX_SLACK_BODY_BYTES, slackRequestGuard } from './slack-request-guard';

/** Slash commands, events and interactivity all arrive on this one URL (the manifest points all three here). */
export const SLACK_EVENTS_PATH = '/slack/events';

const DEFAULT_API_URL = 'https://slack.com/api/';

/**
 * An answer is only useful while the asker waits, so Web API calls give up after seconds instead of hanging or
 * retrying for minutes the way the WebClient's defaults (no timeout, 10 retries over 30 minutes) would.
 */
const API_TIMEOUT_MS = 8000;
const API_RETRIES = 2;

export interface SlackAdapterOptions {
  config: SlackConfig;
  bot: Bot;
  logger: Logger;
  /** The shared HTTP app; in HTTP mode the adapter mounts SLACK_EVENTS_PATH on it. */
  http: Express;
  /** LOG_QUESTIONS: let Bolt's debug lines (which carry message bodies) into the log. */
  logQuestions?: boolean;
}

export interface SlackAdapter extends PlatformAdapter {
  platform: 'slack';
  app: App;
  messenger: SlackMessenger;
  mode: 'http' | 'socket-mode';
  botUserId: string;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: HTTP through an ExpressReceiver on the shared server, or Socket Mode when an app-level
 * token is configured (no public URL needed). Listeners only convert and forward to the core.
 */
export async function createSlackApp({ config, bot, logger, http, logQuestions = false }: SlackAdapterOptions): Promise<SlackAdapter> {
  const boltLogger = toBoltLogger(logger, logQuestions);
  const clientOptions = slackClientOptions(config, boltLogger);
  const identity = await verifyBotToken(config.botToken, clientOptions);
  // With botId and botUserId given, Bolt skips its own auth.test (which retries forever when Slack is unreachable)
  // and ignoreSelf can recognise our own messages.
  const common = {
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    clientOptions,
    logger: boltLogger,
    extendedErrorHandler: true,
    ignoreSelf: true,
    // Bolt's default in-memory conversation store is per process; the bot keeps no conversation state in Slack.
    convoStore: false as const,
  };
  const socketMode = config.appToken !== undefined;
  if (!socketMode) http.use(SLACK_EVENTS_PATH, ...slackRequestGuard({ signingSecret: config.signingSecret }));
  const app = socketMode
    ? new App({ ...common, appToken: config.appToken, socketMode: true })
    : new App({
        ...common,
        receiver: new ExpressReceiver({
          signingSecret: config.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          app: http,
          // Answer Slack's HTTP request as soon as a listener acks, before its Web API or response_url calls:
          // Slack wants the 200 within 3 s whatever those calls do (waiting for them once delayed an ack to 5 s).
          // The cost is that a process stopping right after the 200 drops that answer; the user can ask again.
          processBeforeResponse: false,
          bodyLimit: MAX_SLACK_BODY_BYTES,
          logger: boltLogger,
        }),
      });

  dropRedeliveries(app, bot, logger);
  for (const listener of SLACK_LISTENERS) listener.register(app, { bot, logger });
  registerErrorHandler(app, logger);

  if (socketMode) await app.start();
  logger.info('slack adapter ready', { mode: socketMode ? 'socket-mode' : 'http', path: socketMode ? undefined : SLACK_EVENTS_PATH, team: identity.teamId });
  return {
    platform: 'slack',
    app,
    messenger: new SlackMessenger(app.client),
    mode: socketMode ? 'socket-mode' : 'http',
    botUserId: identity.botUserId,
    async stop() {
      if (socketMode) await app.stop();
    },
  };
}

/** Web API client options shared by the Bolt app and the proactive messenger. */
export function slackClientOptions(config: SlackConfig, logger?: webApi.WebClientOptions['logger']): webApi.WebClientOptions {
  return {
    slackApiUrl: withTrailingSlash(config.apiUrl ?? DEFAULT_API_URL),
    timeout: API_TIMEOUT_MS,
    retryConfig: { retries: API_RETRIES },
    // A 429 rejects the one call (callWithRateLimit waits and retries it) instead of pausing every call of the client.
    rejectRateLimitedCalls: true,
    ...(logger ? { logger } : {}),
  };
}

interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
}

/** One auth.test at start: a wrong token fails here, with a message that says which variable to fix. */
async function verifyBotToken(token: string, clientOptions: webApi.WebClientOptions): Promise<BotIdentity> {
  const client = new webApi.WebClient(token, clientOptions);
  const where = describeApiUrl(clientOptions.slackApiUrl ?? DEFAULT_API_URL);
  let result: Awaited<ReturnType<typeof client.auth.test>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) {
      throw new SrmError(
        'CONFIG_INVALID',
        `SLACK_BOT_TOKEN was rejected by Slack (auth.test: ${code}): copy the Bot User OAuth Token from the Slack app's OAuth & Permissions page.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new SrmError('CONFIG_INVALID', `Could not reach the Slack Web API at ${where} to check SLACK_BOT_TOKEN (${reason}). Check network access, or SLACK_API_URL if set.`);
  }
  if (!result.bot_id || !result.user_id) {
    throw new SrmError('CONFIG_INVALID', 'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id): use the Bot User OAuth Token (xoxb-…).');
  }
  return { botId: result.bot_id, botUserId: result.user_id, teamId: result.team_id };
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The API URL for messages, without any credentials a proxy URL might carry. */
function describeApiUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return '(invalid URL)';
  }
}
