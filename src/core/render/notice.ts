import type { Reply } from '../types';
import { finishReply } from './reply-parts';

/** A short private notice: a title and an optional note (refusals, confirmations, thanks). */
export function notice(title: string, text?: string): Reply {
  return finishReply({
    kind: 'notice',
    title,
    owner: null,
    sections: text ? [{ heading: 'Note', text }] : [],
    buttons: [],
    links: [],
    ephemeral: true,
  });
}
