import { TOPIC_REF_PREFIX, type Answer } from '../answer/answer-engine';
import type { Reply, ReplyButton, ReplyLink } from '../types';
import { renderText } from './render-text';

/** Completes a reply with its fallback text, which every platform message must carry. */
export function finishReply(reply: Omit<Reply, 'fallbackText'>): Reply {
  return { ...reply, fallbackText: renderText(reply) };
}

/** Source URLs as links labelled with host and file name, de-duplicated. */
export function sourceLinks(urls: readonly string[]): ReplyLink[] {
  return [...new Set(urls)].map((url) => {
    const { hostname, pathname } = new URL(url);
    const file = pathname.split('/').filter(Boolean).pop() ?? '';
    return { label: file ? `${hostname} · ${file}` : hostname, url };
  });
}

/** The user's words to show back, unless the answer came from a button naming a topic. */
export function echoOf(answer: Answer): string | undefined {
  return answer.ref.startsWith(TOPIC_REF_PREFIX) ? undefined : answer.question;
}

/** 👍 / 👎 on every answer; the value points back at the answer so a vote can be stored against it. */
/** Votes name the knowledge unit answered (`topic:<unit id>`), so recording one never re-runs the text matcher. */
export function feedbackButtons(answer: Answer): ReplyButton[] {
  const value = answer.hit ? `${TOPIC_REF_PREFIX}${answer.hit.id}` : answer.ref;
  return [
    { label: '👍 Helpful', actionId: 'feedback.up', value },
    { label: '👎 Not helpful', actionId: 'feedback.down', value },
  ];
}
