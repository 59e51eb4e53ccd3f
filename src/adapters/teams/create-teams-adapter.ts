import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { TeamsConfig } from '../../config';
import type { Bot } from '../../core/bot';
import type { Logger } from '../../logger';
import { isBracketedIpv6, isLoopbackUrl } from './is-loopback-url';
import { RateLimitedWarning } from '../../rate-limited-warning';
import { checkLocalPeer, LOCAL_PEER_REFUSED } from './local-mode';
import { parseActivity } from './parse-activity';
import type { PlatformAdapter } from '../platform-adapter';
import { TeamsBot } from './teams-bot';
import { TeamsMessenger } from './teams-messenger';

/** Where Azure Bot Service (and the Bot Framework Emulator) deliver activities: the bot's messaging endpoint. */
export const TEAMS_ENDPOINT = '/api/messages';

/** Body size cap: Teams messages are capped near 28 KB, so a few hundred KB leaves room for any real activity. */
export const MAX_BODY_SIZE = '256kb';

/** Said to the user when a turn fails; the details go to the log only. */
const TURN_ERROR_TEXT = 'Sorry, something went wrong on my side. Please try again in a moment.';

export interface TeamsAdapterOptions {
  /** null: local mode (no Bot Framework credentials; only loopback callers and serviceUrls are accepted). */
  teams: TeamsConfig | null;
  bot: Bot;
  logger: Logger;
}

export function authOptions(teams: TeamsConfig | null): ConfigurationBotFrameworkAuthenticationOptions {
  // No MicrosoftAppId: botbuilder skips the JWT check and sends replies without a token (Emulator mode).
  if (!teams) return {};
  return {
    MicrosoftAppId: teams.appId,
    MicrosoftAppPassword: teams.appPassword ?? '',
    MicrosoftAppType: teams.appType,
    MicrosoftAppTenantId: teams.tenantId ?? '',
  };
}

/** CloudAdapter with its protected processActivity exposed, so the route can answer a failed token check itself. */
class CheckedCloudAdapter extends CloudAdapter {
  processChecked(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

function refuse(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

/**
 * The Teams adapter: botbuilder's CloudAdapter behind POST /api/messages, on the shared HTTP server.
 *
 * With credentials every request must carry a Bot Framework token, which CloudAdapter validates (401 when
 * missing or invalid). Without them nothing is authenticated, so only requests sent from this machine, whose
 * activity's serviceUrl is on this machine too, are accepted: otherwise anyone could act as any user, or make
 * the bot POST to a URL of their choosing.
 */
export function createTeamsAdapter(options: TeamsAdapterOptions): PlatformAdapter & { platform: 'teams'; router: Router; messenger: TeamsMessenger } {
  const { teams, logger } = options;
  const adapter = new CheckedCloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(teams)));
  adapter.onTurnError = async (context, error) => {
    const activity = context.activity;
    logger.error('teams: turn failed', {
      error,
      activityType: activity.type,
      activityId: activity.id,
      channelId: activity.channelId,
      conversationType: activity.conversation?.conversationType,
    });
    try {
      await context.sendActivity({ type: 'message', text: TURN_ERROR_TEXT, textFormat: 'plain' });
    } catch (sendError) {
      logger.warn('teams: could not tell the user about a failed turn', { error: sendError });
    }
  };
  const handler = new TeamsBot({ bot: options.bot, logger });
  const rejectedTokens = new RateLimitedWarning(logger, 'teams: rejected a request whose Bot Framework token could not be verified');

  // Before the body parser, so a stranger's request costs no parsing in local mode.
  const localPeerOnly = (req: Request, res: Response, next: NextFunction): void => {
    const check = teams ? { ok: true as const } : checkLocalPeer(req.socket.remoteAddress, req.headers);
    if (check.ok) {
      next();
      return;
    }
    logger.warn('teams: refused a caller in local mode', { reason: check.reason, peer: req.socket.remoteAddress ?? 'unknown' });
    refuse(res, 401, LOCAL_PEER_REFUSED);
  };

  const router = Router();
  router.post(TEAMS_ENDPOINT, localPeerOnly, express.json({ limit: MAX_BODY_SIZE }), async (req: Request, res: Response) => {
    // Refused before any parsing work; a present but invalid token is left to CloudAdapter's JWT validation.
    if (teams && !/^Bearer \S+/i.test(req.headers.authorization ?? '')) {
      refuse(res, 401, 'missing Bot Framework token: expected "Authorization: Bearer <token>"');
      return;
    }
    const parsed = parseActivity(req.body);
    if (!parsed.ok) {
      refuse(res, 400, parsed.message);
      return;
    }
    if (!teams && !isLoopbackUrl(parsed.activity.serviceUrl)) {
      logger.warn('teams: refused a non-loopback serviceUrl in local mode', { serviceUrlHost: new URL(parsed.activity.serviceUrl).host });
      refuse(
        res,
        401,
        'local mode (no MICROSOFT_APP_ID) accepts only activities whose serviceUrl is on this machine (localhost, 127.0.0.0/8, ::1); set the Bot Framework credentials to serve Teams',
      );
      return;
    }
    if (!teams && isBracketedIpv6(parsed.activity.serviceUrl)) {
      refuse(res, 400, `serviceUrl ${new URL(parsed.activity.serviceUrl).host} is not supported in local mode: the Bot Connector client cannot reach a bracketed IPv6 host; use http://127.0.0.1:<port>/ or http://localhost:<port>/`);
      return;
    }
    // processActivity rather than adapter.process: process() prints raw stack traces to the console and answers a
    // failed token check with internal details (the key-fetching URL). Turn errors are handled by onTurnError, so
    // what reaches this catch is the token check: one rate-limited log line and a plain 401.
    try {
      const invokeResponse = await adapter.processChecked(req.headers.authorization ?? '', parsed.activity, (context) => handler.run(context));
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (error) {
      rejectedTokens.log(error);
      if (!res.headersSent) refuse(res, 401, 'invalid Bot Framework token');
    }
  });
  router.use(TEAMS_ENDPOINT, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 500;
    if (status === 413) return refuse(res, 413, `request body too large (limit ${MAX_BODY_SIZE})`);
    if (status === 400) return refuse(res, 400, 'request body is not valid JSON');
    logger.error('teams: request failed', { error });
    return refuse(res, 500, 'internal error');
  });
  // Nothing to stop: Teams delivers over the shared HTTP server, which the composition root closes.
  return { platform: 'teams', router, messenger: new TeamsMessenger(adapter, teams?.appId ?? ''), stop: async () => undefined };
}
