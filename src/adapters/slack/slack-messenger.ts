import { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Messenger, PostedMessage } from '../../core/ports/messenger';
import type { ConversationRefRecord } from '../../core/ports/storage';
import type { Reply } from '../../core/types';
import { callWithRateLimit } from './call-with-rate-limit';
import { toBlockKit } from './to-block-kit';

/** What the Slack adapter stores as a conversation reference (to-incoming.ts). */
const slackReferenceSchema = z.object({ teamId: z.string().nullable(), channelId: z.string().min(1) });

function channelOf(ref: ConversationRefRecord): string {
  const parsed = slackReferenceSchema.safeParse(ref.reference);
  if (!parsed.success) throw new Error(`conversation ${ref.conversationKey} has no Slack channel in its stored reference`);
  return parsed.data.channelId;
}

/** Proactive Slack messages through the Web API, with the bot token; renders through the same Block Kit renderer. */
export class SlackMessenger implements Messenger {
  constructor(private readonly client: webApi.WebClient) {}

  async send(ref: ConversationRefRecord, reply: Reply): Promise<PostedMessage> {
    const result = await callWithRateLimit(() => this.client.chat.postMessage({ channel: channelOf(ref), ...toBlockKit(reply) }));
    return { platform: 'slack', conversationKey: ref.conversationKey, messageId: String(result.ts ?? '') };
  }

  async update(ref: ConversationRefRecord, messageId: string, reply: Reply): Promise<void> {
    await callWithRateLimit(() => this.client.chat.update({ channel: channelOf(ref), ts: messageId, ...toBlockKit(reply) }));
  }

  async remove(ref: ConversationRefRecord, messageId: string): Promise<void> {
    await callWithRateLimit(() => this.client.chat.delete({ channel: channelOf(ref), ts: messageId }));
  }
}
