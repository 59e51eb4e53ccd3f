import type { Incoming } from '../../core/types';
import { unescapeMrkdwn } from './escape-mrkdwn';

/** The fields of a slash command payload the bot reads. */
export interface SlashCommandFields {
  text: string;
  user_id: string;
  channel_id: string;
  team_id?: string;
}

/** The fields of an app_mention or message event the bot reads. */
export interface MessageEventFields {
  text?: string;
  user?: string;
  channel: string;
  team?: string;
  /** `im` for a DM; message events carry it, app_mention events do not. */
  channel_type?: string;
  ts?: string;
  /** Set on a reply inside a thread: the thread's parent message. */
  thread_ts?: string;
}

/** A slash command's answer is ephemeral (only the asker sees it), so it counts as private wherever it is typed. */
export function commandToIncoming(command: SlashCommandFields): Incoming {
  return {
    platform: 'slack',
    userId: command.user_id,
    text: toPlainQuestion(command.text),
    conversationId: command.channel_id,
    tenantId: command.team_id ?? null,
    conversationRef: slackConversationRef(command.team_id, command.channel_id),
    // Slash-command answers are ephemeral, one asker each: a follow-up /srm continues that user's own thread.
    threadKey: `${command.team_id ?? '-'}:${command.channel_id}:cmd:${command.user_id}`,
    private: true,
  };
}

/** Team + channel is all a Slack messenger needs to post proactively; D… channels are direct messages. */
function slackConversationRef(teamId: string | undefined, channelId: string, channelType?: string): Incoming['conversationRef'] {
  return {
    key: `${teamId ?? '-'}:${channelId}`,
    reference: { teamId: teamId ?? null, channelId },
    direct: isDirectMessage(channelId, channelType),
  };
}

function isDirectMessage(channelId: string, channelType?: string): boolean {
  return channelType === 'im' || channelId.startsWith('D');
}

/**
 * app_mention and DM messages: same shape; the bot's own mention is removed from the question. Only a DM is
 * private: an answer to a channel mention is read by the whole channel.
 */
export function messageToIncoming(event: MessageEventFields, botUserId: string | undefined, teamId: string | undefined): Incoming {
  return {
    platform: 'slack',
    userId: event.user ?? '',
    text: toPlainQuestion(stripBotMention(event.text ?? '', botUserId)),
    conversationId: event.channel,
    tenantId: teamId ?? event.team ?? null,
    conversationRef: slackConversationRef(teamId ?? event.team, event.channel, event.channel_type),
    threadKey: threadKeyOf(teamId ?? event.team, event),
    private: isDirectMessage(event.channel, event.channel_type),
  };
}

/**
 * The thread a message belongs to: a channel mention is answered in a thread under it, so the thread is its
 * thread_ts (or its own ts when it starts one); a DM is one conversation unless the user replies in a thread.
 */
function threadKeyOf(teamId: string | undefined, event: MessageEventFields): string {
  const base = `${teamId ?? '-'}:${event.channel}`;
  if (isDirectMessage(event.channel, event.channel_type)) return event.thread_ts ? `${base}:${event.thread_ts}` : base;
  return `${base}:${event.thread_ts ?? event.ts ?? '-'}`;
}

/** Removes `<@UBOT>` and `<@UBOT|name>` wherever they appear (people also write "… right, @srm?"). */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text;
  const mention = new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, 'g');
  return text.replace(mention, ' ');
}

/**
 * Slack sends `&`, `<`, `>` typed by the user as entities; the core wants the user's words. Other markup
 * (another user's mention, a link) stays as written and is escaped again whenever it is echoed.
 */
function toPlainQuestion(text: string): string {
  return unescapeMrkdwn(text).replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
