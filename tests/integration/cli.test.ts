import type { AskJson } from '../../src/cli/ask-json';
import { askBatch as batch, ROOT, runSrm as run, SRM } from '../fakes/srm-cli';

describe('npm run srm -- ask', () => {
  it('--json prints one object in the eval contract', async () => {
    const { stdout } = await run(process.execPath, [...SRM, 'ask', '--json', 'who owns encryption on S3'], { cwd: ROOT });
    const json = JSON.parse(stdout) as AskJson;
    expect(Object.keys(json).sort()).toEqual(['answer', 'confidence', 'intent', 'owner', 'service', 'sources', 'topic']);
    expect(json).toMatchObject({ owner: 'customer', intent: 'srm.lookup', service: 's3', topic: 'encryption-at-rest' });
    expect(json.sources[0]).toMatch(/^https:\/\//);
  });

  it('--batch answers one JSON line per input line, in order, with sources on every owner', async () => {
    const questions = [
      'who owns encryption on S3',
      'who patches the guest OS on EC2',
      'who patches the guest OS on RDS',
      'who trains employees on security',
      'who is responsible for patching',
      "what's for lunch",
    ];
    const answers = await batch(questions);
    expect(answers.map((a) => a.owner)).toEqual(['customer', 'customer', 'aws', 'shared', 'shared', null]);
    for (const answer of answers.filter((a) => a.owner !== null)) expect(answer.sources.length).toBeGreaterThan(0);
    expect(answers[4]?.answer).toMatch(/Depends on the service/);
    expect(answers[4]?.answer).toMatch(/Amazon EC2 \| Customer/);
    expect(answers[4]?.answer).toMatch(/AWS Lambda \| AWS/);
  });

  it('reads a follow-up with --context and in --batch JSON lines, and gives no owner to non-ownership questions', async () => {
    const { stdout } = await run(process.execPath, [...SRM, 'ask', '--json', '--context', 'who patches the guest os on ec2', 'and on fargate?'], { cwd: ROOT });
    const single = JSON.parse(stdout) as AskJson;
    expect(single.owner).toBe('aws');
    expect(single.service).toBe('fargate');
    expect(single.answer).toMatch(/assumed you mean guest os patching/i);
    const answers = await batch([
      JSON.stringify({ q: 'and on lambda?', context: ['who patches the guest OS on EC2?'] }),
      'in azure, whose job is physical security?',
      'biggest object in s3?',
      'terraform for a dynamodb table',
    ]);
    expect(answers.map((a) => a.owner)).toEqual(['aws', null, null, null]);
    expect(answers[0]?.service).toBe('lambda');
    for (const answer of answers.slice(1)) expect(answer.answer).toMatch(/Not an ownership question/);
  });

  it('prints usage and fails with exit code 2 without a question', async () => {
    await expect(run(process.execPath, [...SRM, 'ask'], { cwd: ROOT })).rejects.toMatchObject({ code: 2 });
  });
});
