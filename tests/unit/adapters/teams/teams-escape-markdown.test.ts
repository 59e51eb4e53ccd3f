import { escapeTeamsMarkdown } from '../../../../src/adapters/teams/escape-teams-markdown';

describe('escapeTeamsMarkdown', () => {
  it.each([
    ['plain words stay as they are', 'who owns encryption on S3', 'who owns encryption on S3'],
    ['hyphens, dots and parentheses inside a line stay', 'SSE-S3 (default) since 2023.', 'SSE-S3 (default) since 2023.'],
    ['emphasis markers', '*all* the _things_ ~~gone~~', '\\*all\\* the \\_things\\_ \\~\\~gone\\~\\~'],
    ['a link cannot form', '[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['an image cannot form', '![x](https://evil.example/x.png)', '!\\[x\\](https://evil.example/x.png)'],
    ['code spans', 'run `rm -rf /`', 'run \\`rm -rf /\\`'],
    ['HTML becomes entities', '<b>bold</b> & <at>bot</at>', '&lt;b&gt;bold&lt;/b&gt; &amp; &lt;at&gt;bot&lt;/at&gt;'],
    ['a quote marker becomes an entity', '> quoted', '&gt; quoted'],
    ['a heading marker', '# Title', '\\# Title'],
    ['list markers at the start of a line', '- one\n+ two\n  3. three', '\\- one\n\\+ two\n  3\\. three'],
    ['a backslash itself', 'C:\\path', 'C:\\\\path'],
    ['empty text', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(escapeTeamsMarkdown(input)).toBe(expected);
  });

  it('never leaves an unescaped markdown control character from hostile input', () => {
    const hostile = '**[x](javascript:alert(1))** <script>alert(1)</script> `x` _y_ ~z~ # h';
    const escaped = escapeTeamsMarkdown(hostile);
    expect(escaped).not.toMatch(/(^|[^\\])[*_~`[\]#]/);
    expect(escaped).not.toMatch(/[<>]/);
  });
});
