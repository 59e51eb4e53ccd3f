import { deriveOwner } from '../../../../src/core/answer/derive-owner';
import { KnowledgeCatalog } from '../../../../src/core/knowledge/knowledge-catalog';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { defaultKnowledgeDir } from '../../../../src/project-root';

const catalog = new KnowledgeCatalog(loadKnowledge(defaultKnowledgeDir()));

describe('deriveOwner (layers)', () => {
  it.each([
    ['ec2', 'physical-security', 'aws'],
    ['ec2', 'guest-os-patching', 'customer'],
    ['lambda', 'guest-os-patching', 'aws'],
    ['ec2', 'network-configuration', 'customer'],
    ['secrets-manager', 'application-patching', 'aws'],
    ['ec2', 'incident-response', null],
    ['no-such-service', 'physical-security', null],
  ])('%s / %s → %s', (service, domain, owner) => {
    expect(deriveOwner(catalog, service, domain)).toBe(owner);
  });
});
