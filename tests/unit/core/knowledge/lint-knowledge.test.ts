import { fragmentProblem, isAwsSource } from '../../../../src/core/knowledge/lint-knowledge';

describe('knowledge lint', () => {
  it.each([
    ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html', true],
    ['https://aws.amazon.com/compliance/shared-responsibility-model/', true],
    ['https://github.com/awsdocs/amazon-s3-userguide/blob/cc53dd6a/doc_source/security.md', true],
    ['https://github.com/awsdocs/amazon-s3-userguide/blob/main/doc_source/security.md', false],
    ['https://github.com/kananinirav/AWS-Certified-Cloud-Practitioner-Notes/blob/29b92fa5/practice-exam/practice-exam-4.md', false],
    ['https://d1.awsstatic.com/whitepapers/x.pdf', false],
    ['https://docs.aws.amazon.com.evil.example/x', false],
    ['http://docs.aws.amazon.com/x', false],
  ])('%s is an AWS source: %p', (url, expected) => {
    expect(isAwsSource(url)).toBe(expected);
  });

  it.each([
    ['runs', true],
    ['patches and', true],
    ['or runs its own tunnel', true],
    ['disable or change their rotation,', true],
    ['rotates the key every year', false],
    ['nothing to do: relies on AWS', false],
    ['encrypts messages once SSE is on', false],
  ])('"%s" is a fragment: %p', (item, expected) => {
    expect(fragmentProblem(item) !== null).toBe(expected);
  });
});
