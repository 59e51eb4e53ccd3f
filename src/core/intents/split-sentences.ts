/** Words of a message the engine reads: a real question is far shorter; the cap bounds the work per message. */
const MAX_WORDS = 100;

/**
 * Keeps every word of the asking sentence and, within the cap, the scene-setting words nearest to it (the sentences
 * just before the question say most about it). Order is preserved.
 */
export function capWords<T extends { context: boolean }>(words: T[]): T[] {
  if (words.length <= MAX_WORDS) return words;
  const keep = new Set<number>();
  words.forEach((word, index) => {
    if (!word.context && keep.size < MAX_WORDS) keep.add(index);
  });
  for (let index = words.length - 1; index >= 0 && keep.size < MAX_WORDS; index--) keep.add(index);
  return words.filter((_, index) => keep.has(index));
}

/**
 * Splits a question into sentences and marks all but the asking one as context: the last sentence with a
 * question mark, else the last sentence.
 */
export function splitSentences(question: string): { text: string; context: boolean }[] {
  const parts = question.split(/(?<=[.?!;])\s+/).filter((part) => part.trim() !== '');
  if (parts.length <= 1) return [{ text: question, context: false }];
  let ask = parts.length - 1;
  for (let i = parts.length - 1; i >= 0; i--) {
    if ((parts[i] as string).includes('?')) {
      ask = i;
      break;
    }
  }
  return parts.map((text, index) => ({ text, context: index !== ask }));
}
