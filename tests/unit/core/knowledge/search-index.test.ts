import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { SearchIndex } from '../../../../src/core/knowledge/search-index';
import { normalizeText, splitWords, stem } from '../../../../src/core/text/normalize-text';
import { defaultKnowledgeDir } from '../../../../src/project-root';

const index = new SearchIndex(loadKnowledge(defaultKnowledgeDir()));
const terms = (text: string) => new Map(splitWords(normalizeText(text)).map((word) => [stem(word), 1]));

describe('SearchIndex', () => {
  it('indexes every entry, variant and concept', () => {
    expect(index.units.some((unit) => unit.id === 's3/encryption-at-rest')).toBe(true);
    expect(index.units.some((unit) => unit.kind === 'variant')).toBe(true);
    expect(index.units.some((unit) => unit.kind === 'concept')).toBe(true);
  });

  it('ranks the entry whose telling words the query uses first (BM25)', () => {
    const [top] = index.search(terms('point in time recovery dynamodb table'), () => 1);
    expect(top?.unit.id).toMatch(/^dynamodb\/backups-durability/);
  });

  it('applies the caller\'s factor, and a factor of 0 removes a unit', () => {
    const hits = index.search(terms('encryption at rest'), (unit) => (unit.serviceId === 'ebs' ? 1 : 0));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.unit.serviceId === 'ebs')).toBe(true);
  });

  it('finds nothing for words it does not know', () => {
    expect(index.search(terms('qwxyz plorb'), () => 1)).toEqual([]);
  });
});
