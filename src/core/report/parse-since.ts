/** Parses "7d", "24h", "2w" (and "30m") into the start of that window, counted back from `now`. */
export function parseSince(text: string, now: Date = new Date()): Date | null {
  const match = /^\s*(\d{1,4})\s*([mhdw])\s*$/i.exec(text);
  if (!match) return null;
  const amount = Number(match[1]);
  const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[(match[2] as string).toLowerCase() as 'm' | 'h' | 'd' | 'w'];
  return new Date(now.getTime() - amount * unitMs);
}

export const DEFAULT_REPORT_WINDOW = '7d';
