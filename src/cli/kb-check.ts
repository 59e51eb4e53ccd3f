import { SrmError } from '../core/errors';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../project-root';

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
