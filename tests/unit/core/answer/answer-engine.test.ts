import { join } from 'node:path';
import { Bot } from '../../../../src/core/bot';
import { CONFIDENCE_THRESHOLD } from '../../../../src/core/answer/answer-engine';
import { loadKnowledge } from '../../../../src/core/knowledge/load-knowledge';
import { INTENTS } from '../../../../src/core/intents/intent-table';

const bot = new Bot(loadKnowledge(join(__dirname, '..', '..', '..', '..', 'knowledge')));

type Row = [question: string, owner: 'aws' | 'customer' | 'shared' | null, intent: string, service?: string | null, domain?: string];

// Our own phrasings (not the published evaluation questions): plain, terse, slang and misspelt.
const ROWS: Row[] = [
  ['who owns encryption on S3', 'customer', 'srm.lookup', 's3', 'encryption-at-rest'],
  ['who patches the guest OS on EC2', 'customer', 'srm.lookup', 'ec2', 'guest-os-patching'],
  // The knowledge review split RDS engine patching: minor versions AWS (auto minor version upgrade), major the customer.
  ['who patches the database engine on RDS', 'shared', 'srm.lookup', 'rds', 'database-engine-patching'],
  ['who kicks off a major version upgrade of our rds postgres, say 14 to 17', 'customer', 'srm.lookup', 'rds', 'database-engine-patching'],
  ['with auto minor version upgrade on, who applies rds minor versions', 'aws', 'srm.lookup', 'rds', 'database-engine-patching'],
  ['who trains employees on security', 'shared', 'srm.lookup', null, 'employee-training'],
  ['s3 encyrption owner?', 'customer', 'srm.lookup', 's3', 'encryption-at-rest'],
  // Lambda runtime patching depends on the runtime management mode (Auto: AWS; Function update, Manual: you).
  ['do we patch lambda or does amazon', 'shared', 'srm.lookup', 'lambda'],
  ['lambda runtime left in auto update mode: who applies runtime patches', 'aws', 'srm.lookup', 'lambda'],
  ['we pinned the lambda runtime with manual mode, who updates it now', 'customer', 'srm.lookup', 'lambda'],
  ['os updates on ec2 instances, us or them?', 'customer', 'srm.lookup', 'ec2', 'guest-os-patching'],
  ['who sets up security groups for our instances', 'customer', 'srm.lookup', undefined, 'network-configuration'],
  ['is dynamo db data encrypted at rest out of the box', 'aws', 'srm.lookup', 'dynamodb', 'encryption-at-rest'],
  ['who keeps the hypervisor secure', 'aws', 'srm.lookup', undefined, 'virtualization'],
  ['physical security of the datacentres', 'aws', 'srm.lookup', null, 'physical-security'],
  ['who guards the racks in an outposts install at our office', 'customer', 'srm.lookup', 'outposts', 'physical-security'],
  ['who decides which IAM policies our developers get', 'customer', 'srm.lookup', undefined, 'identity-access'],
  ['ebs snapshots - who takes them?', 'customer', 'srm.lookup', 'ebs', 'backups-durability'],
  ['who classifies the data we put in s3', 'customer', 'srm.lookup', 's3', 'data-classification'],
  ['mfa on the root user of the management account: whose job', 'customer', 'srm.lookup', 'organizations', 'identity-access'],
  ['who runs the kubernetes control plane for eks', 'aws', 'srm.lookup', 'eks'],
  ['who turns on point in time recovery for dynamodb tables', 'customer', 'srm.lookup', 'dynamodb', 'backups-durability'],
  ['who rotates aws managed kms keys', 'aws', 'srm.lookup', 'kms', 'key-management'],
  ['who is on the hook for gdpr compliance of our app', 'customer', 'srm.lookup', null, 'compliance'],
  ['who patches the os under fargate tasks', 'aws', 'srm.lookup', 'fargate', 'guest-os-patching'],
  ['who updates python libraries bundled in our lamda layers', 'customer', 'srm.lookup', 'lambda', 'application-patching'],
  ['who is responsible for patching', 'shared', 'srm.lookup', null],
  ['encryption in transit between our microservices', 'customer', 'srm.lookup', undefined, 'encryption-in-transit'],
  ['what do I own on lambda?', null, 'srm.list', 'lambda'],
  ['what do i own for ec2 rds s3', null, 'srm.list'],
  ['compare guest os patching on ec2 vs rds', null, 'srm.compare', undefined, 'guest-os-patching'],
  ['what is the shared responsibility model', null, 'srm.explain'],
  ['explain inherited controls', 'aws', 'srm.explain'],
  ['help', null, 'srm.help'],
  ['', null, 'srm.help'],
  // No-match rows: nothing here may produce an owner.
  ["what's for lunch", null, 'srm.unknown'],
  ['tell me a joke about cats', null, 'srm.unknown'],
  ['how is the weather in dublin tomorrow', null, 'srm.unknown'],
  ['asdf qwerty zxcv', null, 'srm.unknown'],
];

describe('answer engine (table-driven)', () => {
  // Padded to five columns: jest passes a `done` callback in place of missing trailing arguments.
  const table = ROWS.map(([question, owner, intent, service, domain]) => [question, owner, intent, service, domain] as const);
  it.each(table)('%s → %s (%s)', (question, owner, intent, service, domain) => {
    const { answer } = bot.ask(question);
    expect({ intent: answer.intent, owner: answer.owner }).toEqual({ intent, owner });
    if (service !== undefined) expect(answer.serviceId).toBe(service);
    if (domain !== undefined) expect(answer.domainId).toBe(domain);
  });

  it('answers "depends on the service" with how it differs when no service is named', () => {
    const { answer, reply } = bot.ask('who is responsible for patching');
    expect(reply.kind).toBe('depends');
    const services = new Set(answer.cells.map((cell) => cell.serviceId));
    expect(services.has('ec2') && services.has('lambda') && services.has('rds')).toBe(true);
    expect(new Set(answer.cells.map((cell) => cell.owner)).size).toBeGreaterThan(1);
  });

  it('answers a stack question with one matrix of domains × the services named', () => {
    const { reply } = bot.ask('what do I own for ec2 rds s3');
    expect(reply.kind).toBe('matrix');
    expect(reply.table?.columns).toEqual(['Topic', 'Amazon EC2', 'Amazon RDS', 'Amazon S3']);
    const guestOs = reply.table?.rows.find((row) => row[0] === 'Guest OS patching');
    expect(guestOs?.slice(1)).toEqual(['You', 'AWS', 'AWS']);
  });

  it('offers at most three "did you mean" choices instead of guessing on a vague question', () => {
    const { answer, reply } = bot.ask('keys');
    if (answer.owner === null) {
      expect(reply.buttons.filter((b) => b.actionId === 'srm.topic').length).toBeLessThanOrEqual(3);
    } else {
      expect(answer.confidence).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
    }
  });

  it('answers a did-you-mean click by topic id, with no text matching', () => {
    const result = bot.askTopic('rds/guest-os-patching');
    expect(result?.answer.owner).toBe('aws');
    expect(result?.reply.title).toContain('Amazon RDS');
  });

  it('gives every answer that names an owner at least one https source', () => {
    const questions = ROWS.map((row) => row[0]).concat(INTENTS.flatMap((intent) => intent.examples));
    for (const question of questions) {
      const { answer, reply } = bot.ask(question);
      if (answer.owner !== null) {
        expect(reply.links.length).toBeGreaterThan(0);
        for (const link of reply.links) expect(link.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('always sets fallback text', () => {
    for (const [question] of ROWS) expect(bot.ask(question).reply.fallbackText.length).toBeGreaterThan(0);
  });
});
