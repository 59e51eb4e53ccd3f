import { SlotDetector, splitSentences } from '../../../../src/core/intents/detect-slots';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { SearchIndex } from '../../../../src/core/knowledge/search-index';
import { defaultKnowledgeDir } from '../../../../src/project-root';

const kb = loadKnowledge(defaultKnowledgeDir());
const detector = new SlotDetector(kb, new SearchIndex(kb));
const services = (question: string) => detector.detect(question).services.map((slot) => slot.id);
const domains = (question: string) => detector.detect(question).domains.map((slot) => slot.id);

describe('SlotDetector', () => {
  it.each([
    ['who patches the guest os on ec2?', ['ec2'], 'guest-os-patching'],
    ['dynamdb encyrption at rest owner', ['dynamodb'], 'encryption-at-rest'],
    ['who renews an imported certificate on our alb?', ['elb'], 'certificate-management'],
  ])('%s → services %p, domain %s', (question, expected, domain) => {
    expect(services(question)).toEqual(expected);
    expect(domains(question)).toContain(domain);
  });

  it('takes the destination of a migration as the subject', () => {
    expect(services('we moved our kafka from ec2 to msk, who patches the brokers now?')).toEqual(['msk']);
    expect(services('our cassandra ring on ec2 was painful so we migrated the tables to amazon keyspaces. who patches now?')).toEqual(['keyspaces']);
  });

  it('prefers the service named where the question is asked over the scene-setting ones', () => {
    expect(services('We export RDS snapshots to S3 for Athena. Who manages the KMS key?')).toEqual(['kms']);
  });

  it('recognises AWS services the knowledge base does not cover', () => {
    const slots = detector.detect('who patches the engine of amazon neptune?');
    expect(slots.services).toEqual([]);
    expect(slots.unknownServices).toEqual(['Amazon Neptune']);
  });

  it('corrects typos before the phrase checks, and bounds the work on a long message', () => {
    expect(detector.detect('whats the max timout for a lambda funtion').correctedText).toContain('timeout');
    const long = Array.from({ length: 400 }, (_, i) => `zzq${i}word`).join(' ');
    expect(services(`${long}. who patches ec2?`)).toEqual(['ec2']);
  });

  it('splits sentences and marks all but the asking one as context', () => {
    expect(splitSentences('We run EKS. Nodes are managed. Who patches them?').map((s) => s.context)).toEqual([true, true, false]);
  });
});
