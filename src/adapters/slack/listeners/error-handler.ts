import type { App } from '@slack/bolt';
import type { Logger } from '../../../logger';
import { postResponseUrl } from '../post-response-url';

export const SORRY_TEXT = 'Sorry, something went wrong while answering that. Please try again in a moment.';


interface RequestFacts {
  kind: string;
  command?: string;
  event?: string;
  actionId?: string;
  channel?: string;
  user?: string;
  /** The thread the failed message was in, if any (see tellUser). */
  threadTs?: string;
  /** Not logged: a response_url lets anyone holding it post into the conversation for 30 minutes. */
  responseUrl?: string;
}

/**
 * The one place Slack listener failures end up (Bolt's app.error with extendedErrorHandler). Logs what
 * happened with enough context to find the request (never the body, which holds the response_url and a
 * verification token, nor the context, which holds the bot token), then tells the user politely.
 */
export function registerErrorHandler(app: App, logger: Logger): void {
  // The last overload of app.error is the extended one ({ error, body, context }); the type is not exported.
  const handler: Parameters<App['error']>[0] = async ({ error, body, context }) => {
    const facts = requestFacts(body);
    const { responseUrl: _responseUrl, ...loggable } = facts;
    logger.error('slack: listener failed', {
      code: error.code,
      error: { name: error.name, message: error.message },
      team: context.teamId,
      ...loggable,
    });
    try {
      await tellUser(app, facts);
    } catch (notifyError) {
      logger.warn('slack: could not tell the user about the failure', { error: describe(notifyError), kind: facts.kind });
    }
  };
  app.error(handler);
}

async function tellUser(app: App, facts: RequestFacts): Promise<void> {
  if (facts.responseUrl) {
    await postResponseUrl(facts.responseUrl, { response_type: 'ephemeral', replace_original: false, text: SORRY_TEXT });
    return;
  }
  if (facts.channel && facts.user) {
    // Slack only shows an ephemeral thread reply in an existing thread, so a top-level message gets it beside it.
    await app.client.chat.postEphemeral({
      channel: facts.channel,
      user: facts.user,
      text: SORRY_TEXT,
      ...(facts.threadTs ? { thread_ts: facts.threadTs } : {}),
    });
  }
}

function requestFacts(body: unknown): RequestFacts {
  const b = asRecord(body);
  const event = asRecord(b.event);
  const firstAction = asRecord(Array.isArray(b.actions) ? b.actions[0] : undefined);
  const responseUrl = text(b.response_url);
  return {
    kind: text(b.type) ?? (text(b.command) ? 'slash_command' : 'unknown'),
    command: text(b.command),
    event: text(event.type),
    actionId: text(firstAction.action_id),
    channel: text(b.channel_id) ?? text(asRecord(b.channel).id) ?? text(event.channel),
    user: text(b.user_id) ?? text(asRecord(b.user).id) ?? text(event.user),
    threadTs: text(event.thread_ts),
    responseUrl: responseUrl && /^https?:\/\//.test(responseUrl) ? responseUrl : undefined,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, 200) : undefined;
}

function describe(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'unknown', message: String(error) };
}
