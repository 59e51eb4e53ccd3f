import { webApi } from '@slack/bolt';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { config as loadDotenv } from 'dotenv';
import { authOptions } from '../adapters/teams/create-teams-adapter';
import { slackClientOptions } from '../adapters/slack/create-slack-app';
import { SlackMessenger } from '../adapters/slack/slack-messenger';
import { TeamsMessenger } from '../adapters/teams/teams-messenger';
import { loadConfig, type Config } from '../config';
import { PlatformMessenger, type Messenger } from '../core/ports/messenger';
import type { ConversationRefRecord, Platform } from '../core/ports/storage';
import { finishReply } from '../core/render/reply-parts';
import { createStorage } from '../storage/create-storage';

/** What kind of conversation a stored reference is: a Slack channel, group or DM; a Teams channel, group chat or personal chat. */
function kindOf(ref: ConversationRefRecord): string {
  const reference = ref.reference as { channelId?: unknown; conversation?: { conversationType?: unknown } };
  if (ref.platform === 'slack') {
    const channel = String(reference.channelId ?? '');
    return channel.startsWith('D') ? 'dm' : channel.startsWith('G') ? 'group' : 'channel';
  }
  return String(reference.conversation?.conversationType ?? (ref.userId ? 'personal' : 'unknown'));
}

function whereOf(ref: ConversationRefRecord): string {
  const reference = ref.reference as { channelId?: unknown; conversation?: { id?: unknown } };
  return ref.platform === 'slack' ? String(reference.channelId ?? '-') : String(reference.conversation?.id ?? ref.conversationKey);
}

/** One line per stored conversation: key, platform, team or tenant, channel or chat, kind (tab-separated). */
export function formatConversations(refs: ConversationRefRecord[]): string {
  return refs.map((ref) => [ref.conversationKey, ref.platform, ref.tenantId ?? '-', whereOf(ref), kindOf(ref)].join('\t')).join('\n');
}

/** Messengers for every configured platform, built without starting the server (for operator commands). */
export function createMessenger(config: Config): Messenger {
  const byPlatform: Partial<Record<Platform, Messenger>> = {};
  if (config.slack) byPlatform.slack = new SlackMessenger(new webApi.WebClient(config.slack.botToken, slackClientOptions(config.slack)));
  byPlatform.teams = new TeamsMessenger(new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(config.teams))), config.teams?.appId ?? '');
  return new PlatformMessenger(byPlatform);
}

/** `npm run srm -- conversations` and `npm run srm -- send --conversation <key> [--platform slack|teams] "text"`. */
export async function conversationsCommand(command: 'conversations' | 'send', args: string[]): Promise<number> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const storage = await createStorage(config.storage);
  try {
    const refs = await storage.listConversationRefs();
    if (command === 'conversations') {
      process.stdout.write(refs.length > 0 ? `${formatConversations(refs)}\n` : 'No stored conversations yet: they are stored when the bot is installed or first spoken to.\n');
      return 0;
    }
    const option = (name: string): string | undefined => {
      const at = args.indexOf(name);
      return at >= 0 ? args[at + 1] : undefined;
    };
    const key = option('--conversation');
    const platform = option('--platform');
    const text = args.filter((arg, i) => !arg.startsWith('--') && !['--conversation', '--platform'].includes(args[i - 1] ?? '')).join(' ').trim();
    if (!key || text === '') {
      process.stderr.write('Usage: npm run srm -- send --conversation <key from "srm conversations"> [--platform slack|teams] "text"\n');
      return 2;
    }
    const matches = refs.filter((ref) => ref.conversationKey === key && (platform === undefined || ref.platform === platform));
    if (matches.length !== 1) {
      process.stderr.write(matches.length === 0 ? `No stored conversation "${key}": run "npm run srm -- conversations" to list them.\n` : `"${key}" is stored for both platforms: add --platform slack or --platform teams.\n`);
      return 2;
    }
    const ref = matches[0] as ConversationRefRecord;
    const reply = finishReply({ kind: 'notice', title: 'Message from srm-bot', owner: null, sections: [{ heading: '', text }], buttons: [], links: [] });
    const posted = await createMessenger(config).send(ref, reply);
    process.stdout.write(`sent to ${ref.platform} ${ref.conversationKey} (message ${posted.messageId || 'id not returned'})\n`);
    return 0;
  } finally {
    await storage.close();
  }
}
