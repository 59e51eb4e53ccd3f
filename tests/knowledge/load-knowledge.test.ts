import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SrmError } from '../../src/core/errors';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A private copy of the minimal valid knowledge base, so each case can break it its own way. */
function minimalCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'srm-kb-'));
  cpSync(join(FIXTURES, 'knowledge-min'), join(dir, 'knowledge'), { recursive: true });
  return join(dir, 'knowledge');
}

function loadError(root: string): SrmError {
  try {
    loadKnowledge(root);
  } catch (error) {
    if (error instanceof SrmError) return error;
    throw error;
  }
  throw new Error('expected loadKnowledge to fail');
}

describe('loadKnowledge', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(join(root, '..'), { recursive: true, force: true })));

  function withBadService(fixture: string): string {
    const root = minimalCopy();
    roots.push(root);
    copyFileSync(join(FIXTURES, 'knowledge-bad', fixture), join(root, 'services', 'gadget.yaml'));
    return root;
  }

  it('loads the minimal valid fixture', () => {
    const root = minimalCopy();
    roots.push(root);
    const kb = loadKnowledge(root);
    expect(kb.services.map((s) => s.id)).toEqual(['widget']);
    expect(kb.general.responsibilities[0]?.owner).toBe('aws');
    expect(kb.concepts[0]?.id).toBe('of-vs-in');
  });

  it.each([
    ['missing-field.yaml', /knowledge\/services\/gadget\.yaml: responsibilities\.0\.owner: .*(expected|Invalid)/i],
    ['unknown-key.yaml', /knowledge\/services\/gadget\.yaml: responsibilities\.0.*ownr/],
    ['bad-owner.yaml', /knowledge\/services\/gadget\.yaml: responsibilities\.0\.owner: .*"aws".*"customer".*"shared"/],
    ['dangling-domain.yaml', /knowledge\/services\/gadget\.yaml: responsibilities\.0\.domain: unknown domain "encryption-in-space"/],
    ['bad-source.yaml', /knowledge\/services\/gadget\.yaml: responsibilities\.0\.sources\.0: expected an https:\/\/ URL/],
    ['empty.yaml', /knowledge\/services\/gadget\.yaml: the file is empty/],
    ['malformed.yaml', /knowledge\/services\/gadget\.yaml: is not valid YAML/],
  ])('rejects %s with the file, the field path and what is expected', (fixture, message) => {
    const error = loadError(withBadService(fixture));
    expect(error.code).toBe('KNOWLEDGE_INVALID');
    expect(error.message).toMatch(message);
  });

  it('rejects a concept that links to an id that does not exist', () => {
    const root = minimalCopy();
    roots.push(root);
    writeFileSync(
      join(root, 'concepts', 'broken.yaml'),
      'id: broken\ntitle: Broken\nsummary: Links nowhere.\nexamples: [x]\nrelated: [no-such-thing]\nsources: [https://example.com]\nsourceDate: 2026-11-22\nreviewed: 2026-11-22\n',
    );
    expect(loadError(root).message).toMatch(/concepts\/broken\.yaml: related: unknown id "no-such-thing"/);
  });

  it('rejects a domain comparison that names a service without a file', () => {
    const root = minimalCopy();
    roots.push(root);
    writeFileSync(
      join(root, 'domains.yaml'),
      'domains:\n  - id: encryption-at-rest\n    name: E\n    layer: configuration\n    compare: [nothing]\n    aliases: [e]\n  - id: physical-security\n    name: P\n    layer: facilities\n    aliases: [p]\n',
    );
    expect(loadError(root).message).toMatch(/domains\.0\.compare: unknown service "nothing"/);
  });

  it('says which file is missing when general.yaml is absent', () => {
    const root = minimalCopy();
    roots.push(root);
    rmSync(join(root, 'general.yaml'));
    const error = loadError(root);
    expect(error.code).toBe('KNOWLEDGE_MISSING');
    expect(error.message).toMatch(/general\.yaml: cannot be read/);
  });
});
