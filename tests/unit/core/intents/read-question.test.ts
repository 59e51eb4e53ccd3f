import { declineReason, isNegated, looksLikeFollowUp, readPremise } from '../../../../src/core/intents/read-question';
import { normalizeText } from '../../../../src/core/text/normalize-text';

const n = normalizeText;

describe('declineReason', () => {
  it.each([
    ['in gcp, who handles physical security of the data centers?', false, 'other-cloud'],
    ['on azure kubernetes service who patches node images', true, 'other-cloud'],
    ['should our team patch the esxi hosts in the colo?', false, 'on-premises'],
    ['give me a terraform snippet for an encrypted bucket', true, 'code'],
    ['how much does a customer managed key cost per month?', true, 'price'],
    ['which is cheaper for us, standard or express workflows?', true, 'price'],
    ['what is the largest item size in dynamodb', true, 'limit'],
    ['longest timeout for a lambda function?', true, 'limit'],
    ['what is the cli syntax to tag an instance', true, 'syntax'],
    ['how do i enable versioning on a bucket', true, 'how-to'],
  ])('%s → %s', (question, namesService, reason) => {
    expect(declineReason(n(question), namesService)).toBe(reason);
  });

  it.each([
    ['who patches the guest os on ec2?', true],
    ['we are moving from azure to aws eks: who patches the worker nodes?', true],
    ['is it our job to limit who can read the bucket?', true],
    ['do we have to pay attention to encryption costs or is encryption ours anyway? who owns it', true],
  ])('keeps an ownership question: %s', (question, namesService) => {
    expect(declineReason(n(question), namesService)).toBeNull();
  });
});

describe('readPremise', () => {
  it.each([
    ['DynamoDB replicates across AZs automatically, so we do not need to, right?', 'aws'],
    ['since aws handles backups for rds we can just skip snapshots, correct?', 'aws'],
    ['we have to rotate the KMS AWS managed keys ourselves, yes?', 'customer'],
  ])('%s asserts %s', (question, owner) => {
    expect(readPremise(question, n(question))?.asserted).toBe(owner);
  });

  it('reads a doubted claim as asserting nothing', () => {
    const question = "I don't think we need to patch the OS on Lambda, right?";
    expect(readPremise(question, n(question))?.asserted).toBeNull();
  });

  it('does not take a question that merely ends in "correct" for a premise', () => {
    const question = 'which side checks whether the encryption setting on EBS is correct';
    expect(readPremise(question, n(question))).toBeNull();
  });

  it('sees no premise in a plain question', () => {
    expect(readPremise('who rotates AWS managed keys?', n('who rotates AWS managed keys?'))).toBeNull();
  });
});

describe('follow-ups and negation', () => {
  it.each([
    ['and on fargate?', true],
    ['what about imported certificates', true],
    ['same for dynamodb', true],
    ['who is responsible for encrypting data at rest in an s3 bucket we created', false],
  ])('%s reads as a follow-up: %p', (question, expected) => {
    expect(looksLikeFollowUp(n(question), n(question).split(' ').length)).toBe(expected);
  });

  it('notices "who does NOT …"', () => {
    expect(isNegated(n('who does NOT have to patch the RDS hosts?'))).toBe(true);
    expect(isNegated(n('who patches the RDS hosts?'))).toBe(false);
  });
});
