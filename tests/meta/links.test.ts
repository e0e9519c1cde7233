// Every link in README.md and docs/**/*.md resolves, without the network (see links-check.ts).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsOf, linkProblems, slug, urlProblem } from './links-check.js';

const root = path.join(import.meta.dirname, '../..');

function markdownFiles(dir = 'docs'): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return markdownFiles(rel);
    return entry.name.endsWith('.md') ? [rel] : [];
  });
}

const files = ['README.md', ...markdownFiles()].sort();

describe('links in README.md and docs/', () => {
  it('covers the README, the guides and every rule page', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('docs/getting-started.md');
    expect(files.filter((f) => f.startsWith('docs/rules/')).length).toBe(readdirSync(path.join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').length);
  });

  it.each(files)('%s: reference links defined, relative links and anchors exist, URLs well-formed https', (file) => {
    expect(linkProblems(root, file, readFileSync(path.join(root, file), 'utf8'))).toEqual([]);
  });

  it.each(files.filter((f) => f.startsWith('docs/rules/')))('%s cites the CloudFront Developer Guide by full URL, never a "fact sheet"', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).not.toMatch(/fact\s+sheet/i);
    expect(text).toMatch(/^\[[a-z0-9-]+\]: https:\/\/docs\.aws\.amazon\.com\/AmazonCloudFront\/latest\/DeveloperGuide\/[a-z0-9-]+\.html/m);
  });

  it('README.md and the guides never mention the internal fact sheet either', () => {
    for (const file of files) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/fact\s+sheet/i);
  });
});

describe('linkProblems (on crafted Markdown)', () => {
  const exists = (rel: string) => (['docs/a.md', 'docs/rules/b.md', 'README.md'].includes(rel) ? 'file' : rel === 'docs' ? 'dir' : undefined);
  const read = (rel: string) => (rel === 'docs/rules/b.md' ? '# B rule\n\n## Why it matters\n' : '# A\n');
  const check = (text: string, file = 'docs/a.md') => linkProblems('/repo', file, text, exists, read).map((p) => `${p.line}: ${p.problem}`);

  it('accepts good links of every kind', () => {
    const text = [
      '# A',
      '',
      'See [the page][page], [lambda-event-structure], [b](rules/b.md#why-it-matters), [self](#a),',
      '[readme](../README.md), <https://example.com/x> and `[not-a-link]` in code.',
      '',
      '```js',
      'const x = headers[name][0];',
      '```',
      '',
      '[page]: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-examples.html',
      '[lambda-event-structure]: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html',
    ].join('\n');
    expect(check(text)).toEqual([]);
  });

  it('reports a shortcut or full reference link without a definition', () => {
    expect(check('Text [lambda-at-edge-function-restrictions] and [x][missing].\n')).toEqual([
      '1: reference link [missing] has no definition',
      '1: [lambda-at-edge-function-restrictions] looks like a reference link but has no definition',
    ]);
  });

  it('reports a definition glued to a paragraph (Markdown shows it as text)', () => {
    expect(check('Some text [a].\n[a]: https://example.com/\n')).toEqual([
      '2: definition [a] follows a paragraph line, so Markdown shows it as text: put a blank line before it',
    ]);
  });

  it('reports missing files, missing anchors and links out of the repository', () => {
    expect(check('[x](rules/nope.md) [y](rules/b.md#how) [z](#nowhere) [w](../../etc/passwd)\n')).toEqual([
      '1: "rules/nope.md" names docs/rules/nope.md, which does not exist',
      '1: "rules/b.md#how": docs/rules/b.md has no heading for #how',
      '1: "#nowhere": docs/a.md has no heading for #nowhere',
      '1: "../../etc/passwd" points outside the repository',
    ]);
  });

  it('reports URLs that are not well-formed https', () => {
    expect(check('[a](http://example.com/) [b](https://exa mple.com) [c](https:/docs) <https://localhost/x>\n')).toEqual([
      '1: "http://example.com/" is not https',
      '1: "https:/docs" has no valid host name',
      '1: "https://localhost/x" has no valid host name',
    ]);
    expect(urlProblem('https://exa mple.com')).toMatch(/not a well-formed URL/);
  });

  it('slugs headings the way GitHub does', () => {
    expect(slug('What the cache cannot see: infrastructure files')).toBe('what-the-cache-cannot-see-infrastructure-files');
    expect(slug('The `map` command')).toBe('the-map-command');
    expect([...anchorsOf('## The `map` command\n')]).toEqual(['the-map-command']);
    expect(slug('❌ Incorrect')).toBe('-incorrect');
    expect([...anchorsOf('# A\n## Usage\n## Usage\n```\n# not a heading\n```\n')]).toEqual(['a', 'usage', 'usage-1']);
  });
});
