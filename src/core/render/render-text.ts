import { OWNER_LABEL, type Reply } from '../types';

/** Plain-text rendering of a Reply: the CLI's output and every platform message's fallback text. */
export function renderText(reply: Omit<Reply, 'fallbackText'>): string {
  const lines: string[] = [];
  lines.push(reply.owner ? `${reply.title} — owner: ${OWNER_LABEL[reply.owner]}` : reply.title);
  if (reply.echo) lines.push(`You asked: ${reply.echo}`);
  for (const section of reply.sections) lines.push(`${section.heading}: ${section.text}`);
  if (reply.table && reply.table.rows.length > 0) {
    lines.push(reply.table.columns.join(' | '));
    for (const row of reply.table.rows) lines.push(row.join(' | '));
  }
  const choices = reply.buttons.filter((button) => button.actionId === 'srm.topic' || button.actionId === 'srm.ask');
  if (reply.kind === 'did-you-mean' || reply.kind === 'unknown') {
    choices.forEach((button, index) => lines.push(`  ${index + 1}. ${button.label}`));
  }
  if (reply.links.length > 0) {
    const reviewed = reply.reviewed ? ` (reviewed ${reply.reviewed})` : '';
    lines.push(`Source${reply.links.length > 1 ? 's' : ''}${reviewed}: ${reply.links.map((link) => link.url).join(' ; ')}`);
  }
  return lines.join('\n');
}
