import type { Slots } from '../intents/detect-slots';
import type { IntentId } from '../intents/intent-table';
import type { KnowledgeCatalog, MatrixCell } from '../knowledge/knowledge-catalog';
import { normalizeText } from '../text/normalize-text';
import type { Answer } from './answer';

/**
 * Lists, matrices and comparisons. Only explicit cues make one: a question that merely names two services
 * ("SSE-KMS on S3", "ECS-optimized AMIs") is still an owner question, answered by the best entry of either.
 */
export function stackAnswer(catalog: KnowledgeCatalog, base: Answer, cues: Set<IntentId>, slots: Slots, serviceIds: string[]): Answer | null {
  if (serviceIds.length === 0) return null;
  const domainId = slots.domains[0]?.id ?? null;
  const listing = cues.has('srm.list') && domainId === null;
  if (serviceIds.length === 1) {
    return listing ? { ...base, intent: 'srm.list', serviceId: serviceIds[0] ?? null, serviceIds, confidence: 0.9 } : null;
  }
  if (cues.has('srm.compare') && domainId !== null) {
    const cells = serviceIds
      .map((id) => catalog.cell(id, domainId))
      .filter((cell): cell is MatrixCell => cell !== null);
    const owners = new Set(cells.map((cell) => cell.owner));
    const owner = owners.size === 1 ? (cells[0]?.owner ?? null) : null;
    return { ...base, intent: 'srm.compare', owner, domainId, cells, serviceIds, confidence: 0.85 };
  }
  if (listing || (cues.has('srm.compare') && domainId === null) || /^stack\b/.test(normalizeText(base.question))) {
    return { ...base, intent: 'srm.list', serviceIds, confidence: 0.85 };
  }
  return null;
}
