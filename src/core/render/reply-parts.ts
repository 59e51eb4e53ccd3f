import type { Reply, ReplyLink } from '../types';
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
