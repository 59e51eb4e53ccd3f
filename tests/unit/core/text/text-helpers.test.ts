import { correctWord, editDistance } from '../../../../src/core/text/correct-word';
import { normalizeText, splitWords, stem } from '../../../../src/core/text/normalize-text';

describe('normalizeText / splitWords / stem', () => {
  it('lower-cases, expands contractions and drops punctuation, keeping owner words attached', () => {
    expect(normalizeText("Who's on the hook? AWS-managed keys, can't we?")).toBe('who on the hook awsmanaged keys can not we');
  });

  it('keeps security OF and IN the cloud apart', () => {
    expect(normalizeText('security of the cloud')).toBe('security ofthecloud');
    expect(normalizeText('security in the cloud')).toBe('security inthecloud');
  });

  it('splits hyphenated words into parts and the joined form', () => {
    expect(splitWords('multi-az rds')).toEqual(['multi', 'az', 'multiaz', 'rds']);
  });

  it('stems longer words and leaves short ones and numbers alone', () => {
    expect(stem('encryption')).toBe(stem('encrypted'));
    expect(stem('ec2')).toBe('ec2');
  });
});

describe('correctWord', () => {
  const vocabA = new Map([['encryption', 5], ['patching', 3]]);
  const vocabB = new Map([['encryptions', 1]]);

  it('corrects against the vocabulary it is given, with a cache per vocabulary', () => {
    expect(correctWord('encyrption', vocabA)).toBe('encryption');
    expect(correctWord('encyrption', vocabB)).toBe('encryptions');
    expect(correctWord('encyrption', vocabA)).toBe('encryption');
  });

  it('leaves short words and words with digits alone', () => {
    expect(correctWord('patc', new Map([['patch', 1]]))).toBeNull();
    expect(correctWord('ec22', vocabA)).toBeNull();
  });

  it('measures transpositions as one edit', () => {
    expect(editDistance('ab', 'ba', 2)).toBe(1);
  });
});
