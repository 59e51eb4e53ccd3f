import type { Slots } from '../intents/detect-slots';
import type { KnowledgeCatalog } from '../knowledge/knowledge-catalog';
import type { SearchIndex } from '../knowledge/search-index';
import type { Answer } from './answer';

/** A service the knowledge base does not cover: the general rule for the task, with an owner only where it is unambiguous. */
export function unknownServiceAnswer(catalog: KnowledgeCatalog, index: SearchIndex, base: Answer, slots: Slots): Answer {
  const domainId = slots.domains[0]?.id ?? null;
  const general = (domainId ? catalog.entry('general', domainId) : null) ?? null;
  const domain = domainId ? catalog.domain(domainId) : null;
  const unit = general ? index.units.find((u) => u.id === `general/${domainId}`) ?? null : null;
  const unambiguous = general !== null && domain !== undefined && domain !== null && !domain.variesByService && general.owner !== 'shared'
    && ['facilities', 'hardware', 'host', 'data', 'configuration', 'application'].includes(domain.layer);
  return {
    ...base,
    intent: unit ? 'srm.lookup' : 'srm.unknown',
    owner: unambiguous ? (general?.owner ?? null) : null,
    domainId,
    hit: unit,
    generalFallback: true,
    confidence: unambiguous ? 0.5 : 0,
  };
}

