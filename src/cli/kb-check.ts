import { SrmError } from '../core/errors';
import { lintKnowledge } from '../core/knowledge/lint-knowledge';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../project-root';

/** The knowledge base must cover at least this many services (the knowledge issue's breadth goal). */
export const MIN_SERVICES = 60;

/** Validates every knowledge file and prints coverage: which services × domains are filled. */
export function kbCheck(root: string): string {
  const kb = loadKnowledge(root);
  const lines: string[] = [];
  const cells = kb.services.length * kb.domains.length;
  let filled = 0;
  let variants = 0;
  let derived = 0;
  const width = Math.max(...kb.services.map((s) => s.id.length), 'general'.length);
  lines.push(`${''.padEnd(width)}  ${kb.domains.map((_, i) => String(i + 1).padStart(2)).join(' ')}`);
  for (const file of [kb.general, ...kb.services]) {
    const marks = kb.domains.map((domain) => {
      const entry = file.responsibilities.find((r) => r.domain === domain.id);
      if (!entry) return ' .';
      variants += entry.variants.length;
      if (file.id !== 'general') {
        filled += 1;
        if (entry.derived) derived += 1;
      }
      return entry.owner === 'aws' ? ' A' : entry.owner === 'customer' ? ' C' : ' S';
    });
    lines.push(`${file.id.padEnd(width)}  ${marks.join(' ')}`);
  }
  lines.push('');
  kb.domains.forEach((domain, i) => lines.push(`${String(i + 1).padStart(2)} ${domain.id}`));
  lines.push('');
  lines.push(`services: ${kb.services.length}, domains: ${kb.domains.length}, concepts: ${kb.concepts.length}`);
  lines.push(`coverage: ${filled}/${cells} service × domain cells filled (${((100 * filled) / cells).toFixed(1)}%), ${derived} derived from general statements`);
  lines.push(`general row: ${kb.general.responsibilities.length}/${kb.domains.length} domains; variants: ${variants}`);
  const lint = lintKnowledge(kb);
  lines.push(`non-AWS sources: ${lint.nonAwsSources.length}; fragment list items: ${lint.fragments.length}; entries without sourceDate: ${lint.missingSourceDates.length}`);
  lines.push(`oldest source copies: ${lint.sourceDates.slice(0, 5).map(([where, date]) => `${date} ${where}`).join(', ')}`);
  const problems = [
    ...(kb.services.length < MIN_SERVICES ? [`only ${kb.services.length} services; at least ${MIN_SERVICES} are expected`] : []),
    ...lint.nonAwsSources.map((line) => `non-AWS source (cite docs.aws.amazon.com, aws.amazon.com or a pinned awsdocs file): ${line}`),
    ...lint.fragments.map((line) => `fragment list item (write whole phrases, one per block-list line): ${line}`),
    ...lint.missingSourceDates.map((where) => `missing sourceDate (the date of the source copy read): ${where}`),
  ];
  if (problems.length > 0) throw new SrmError('KNOWLEDGE_INVALID', problems.join('\n'));
  lines.push('knowledge OK');
  return lines.join('\n');
}

if (require.main === module) {
  try {
    process.stdout.write(`${kbCheck(process.argv[2] ?? defaultKnowledgeDir())}\n`);
  } catch (error) {
    process.stderr.write(error instanceof SrmError ? `knowledge check failed (${error.code}):\n${error.message}\n` : `${String(error)}\n`);
    process.exitCode = 1;
  }
}
