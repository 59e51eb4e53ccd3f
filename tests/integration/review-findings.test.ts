import type { AskJson } from '../../src/cli/ask-json';
import { askBatch as batch } from '../fakes/srm-cli';

/**
 * Every finding of the AWS-specialist review (the knowledge issue), asked in our own words through the CLI contract
 * (`srm ask --json --batch`), must get the owner the AWS pages give.
 */
const ROWS: [finding: string, question: string, owner: AskJson['owner']][] = [
  ['EKS control-plane upgrades are started by the customer', 'who starts the kubernetes version upgrade of our eks control plane?', 'customer'],
  ['Lambda API endpoints accept only TLS', 'are calls to the lambda api encrypted in transit?', 'aws'],
  ['VPC traffic needs the customer\'s TLS beyond AWS\'s backbone', 'who encrypts traffic between our ec2 instances inside a vpc?', 'customer'],
  ['Redshift encrypts new clusters by default', 'are new redshift clusters encrypted at rest by default?', 'aws'],
  ['RDS major upgrades are started by the customer', 'who kicks off a major version upgrade of rds mysql from 5.7 to 8.0?', 'customer'],
  ['RDS minor upgrades are AWS\'s with auto minor version upgrade on', 'with auto minor version upgrade turned on, who applies rds minor engine versions?', 'aws'],
  ['Aurora backup retention is the customer\'s setting', 'who sets how long aurora keeps its automated backups?', 'customer'],
  ['Lambda Auto runtime update mode: AWS patches', 'in the auto runtime update mode, who applies lambda runtime patches?', 'aws'],
  ['Lambda Manual runtime update mode: the customer', 'we use manual runtime update mode on lambda, who updates the runtime now?', 'customer'],
  ['Lambda container images are the customer\'s to patch', 'who patches the base image of a lambda function deployed as a container image?', 'customer'],
  ['ElastiCache Serverless has TLS always on', 'is in-transit encryption always on for elasticache serverless?', 'aws'],
  ['SSE-SQS is on by default for new queues', 'is sse turned on by default for a new sqs queue?', 'aws'],
  ['AWS managed KMS keys rotate yearly automatically', 'who rotates aws managed kms keys?', 'aws'],
  ['Custom rotation periods for customer managed keys', 'who picks a custom rotation period for our customer managed kms key?', 'customer'],
  ['EKS envelope-encrypts Kubernetes API data by default', 'is kubernetes api data envelope encrypted by default on eks?', 'aws'],
  ['RDS Multi-AZ is the customer\'s choice', 'who decides whether our rds database runs in multiple availability zones?', 'customer'],
  ['On ECS with EC2 container instances the customer owns the node OS', 'on ecs with ec2 container instances, who patches the instance os?', 'customer'],
  ['Outposts hardware is maintained by AWS', 'who replaces failed hardware in an outposts rack?', 'aws'],
  ['S3 Block Public Access stays the customer\'s guardrail', 'who is responsible for keeping block public access on for our s3 buckets?', 'customer'],
  ['Security OF the cloud is AWS\'s', 'what does security of the cloud mean, and whose job is it?', 'aws'],
];

describe('review findings through srm ask --json --batch', () => {
  let answers: AskJson[] = [];
  beforeAll(async () => {
    answers = await batch(ROWS.map(([, question]) => question));
  }, 30_000);

  it.each(ROWS.map((row, index) => [...row, index] as const))('%s', (_finding, _question, owner, index) => {
    expect(answers[index]?.owner).toBe(owner);
    expect(answers[index]?.sources.length).toBeGreaterThan(0);
  });
});
