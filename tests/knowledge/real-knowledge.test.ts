import { join } from 'node:path';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { normalizeText } from '../../src/core/text/normalize-text';

const kb = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));

describe('the real knowledge base', () => {
  it('covers all 27 services of the research table plus the general row', () => {
    expect(kb.services).toHaveLength(27);
    expect(kb.general.responsibilities.length).toBeGreaterThanOrEqual(15);
  });

  it('has the model concepts: OF vs IN, the three control types, the service models', () => {
    const text = kb.concepts.map((c) => `${c.title} ${c.aliases.join(' ')}`.toLowerCase()).join(' | ');
    for (const needle of ['inherited', 'shared control', 'customer-specific', 'infrastructure', 'container', 'abstracted', 'of the cloud']) {
      expect(text).toContain(needle);
    }
  });

  it('gives every entry and variant a source and every entry a review date', () => {
    for (const file of [kb.general, ...kb.services]) {
      for (const entry of file.responsibilities) {
        expect(entry.sources.length).toBeGreaterThan(0);
        expect(entry.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const variant of entry.variants) expect(variant.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it('never lets two services claim the same alias', () => {
    const owners = new Map<string, string>();
    for (const service of kb.services) {
      for (const alias of [service.id, ...service.aliases].map(normalizeText)) {
        const other = owners.get(alias);
        if (other !== undefined && other !== service.id) throw new Error(`alias "${alias}" is claimed by ${other} and ${service.id}`);
        owners.set(alias, service.id);
      }
    }
  });

  it('matches the research on the owners engineers mix up most', () => {
    const owner = (service: string, domain: string): string | undefined =>
      (service === 'general' ? kb.general : kb.services.find((s) => s.id === service))?.responsibilities.find((r) => r.domain === domain)?.owner;
    expect(owner('ec2', 'guest-os-patching')).toBe('customer');
    expect(owner('rds', 'guest-os-patching')).toBe('aws');
    expect(owner('lambda', 'guest-os-patching')).toBe('aws');
    expect(owner('rds', 'database-engine-patching')).toBe('aws');
    expect(owner('dynamodb', 'encryption-at-rest')).toBe('aws');
    expect(owner('s3', 'encryption-at-rest')).toBe('customer');
    expect(owner('general', 'physical-security')).toBe('aws');
    expect(owner('general', 'employee-training')).toBe('shared');
    expect(owner('outposts', 'physical-security')).toBe('customer');
  });
});
