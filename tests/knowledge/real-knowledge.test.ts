import { lintKnowledge } from '../../src/core/knowledge/lint-knowledge';
import { join } from 'node:path';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { normalizeText } from '../../src/core/text/normalize-text';

const kb = loadKnowledge(join(__dirname, '..', '..', 'knowledge'));

describe('the real knowledge base', () => {
  it('covers at least 60 services, including every service the knowledge issue names, plus the general row', () => {
    expect(kb.services.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(kb.services.map((s) => s.id));
    for (const id of ['elb', 'secrets-manager', 'ecr', 'sagemaker', 'bedrock', 'guardduty', 'waf', 'shield', 'acm', 'cloudwatch',
      'systems-manager', 'opensearch', 'config', 'security-hub', 'macie', 'documentdb', 'aws-backup', 'emr', 'cognito',
      'cloudformation', 'cloudhsm', 'direct-connect', 'transit-gateway', 'nat-gateway', 'kinesis-data-streams', 'glue', 'athena',
      'step-functions', 'app-runner', 'batch', 'msk', 'keyspaces', 'eventbridge', 'iam-identity-center', 'local-zones']) {
      expect(ids).toContain(id);
    }
    expect(kb.general.responsibilities.length).toBeGreaterThanOrEqual(20);
  });

  it('cites only AWS pages, has no fragment list items and dates every source copy', () => {
    const lint = lintKnowledge(kb);
    expect(lint.nonAwsSources).toEqual([]);
    expect(lint.fragments).toEqual([]);
    expect(lint.missingSourceDates).toEqual([]);
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
    // Split by the knowledge review: minor upgrades are AWS's with auto minor version upgrade on, major ones the customer's.
    expect(owner('rds', 'database-engine-patching')).toBe('shared');
    const variantOwner = (service: string, domain: string, when: RegExp) =>
      kb.services.find((s) => s.id === service)?.responsibilities.find((r) => r.domain === domain)?.variants.find((v) => when.test(v.when))?.owner;
    expect(variantOwner('rds', 'database-engine-patching', /major/i)).toBe('customer');
    expect(variantOwner('rds', 'database-engine-patching', /minor/i)).toBe('aws');
    expect(owner('rds', 'availability')).toBe('customer');
    expect(owner('dynamodb', 'encryption-at-rest')).toBe('aws');
    expect(owner('s3', 'encryption-at-rest')).toBe('customer');
    expect(owner('general', 'physical-security')).toBe('aws');
    expect(owner('general', 'employee-training')).toBe('shared');
    expect(owner('outposts', 'physical-security')).toBe('customer');
  });
});
