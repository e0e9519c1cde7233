// The Terraform examples of each infra-* rule page, linted as written: the ❌ block gets at
// least one finding of that rule, the ✅ block none (of any infra-* rule).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { project } from '../infra/helpers.js';

const DOCS = path.join(import.meta.dirname, '..', '..', 'docs', 'rules');
const pages = readdirSync(DOCS).filter((f) => f.startsWith('infra-') && f.endsWith('.md'));

/** The ```hcl blocks under the ❌ and ✅ headings of a page. */
function hclExamples(page: string): { incorrect: string[]; correct: string[] } {
  const text = readFileSync(path.join(DOCS, page), 'utf8');
  const correctAt = text.indexOf('### ✅ Correct');
  const blocks = (from: number, to: number) => [...text.slice(from, to).matchAll(/```hcl\n([^]*?)```/gu)].map((m) => m[1]!);
  return { incorrect: blocks(text.indexOf('### ❌ Incorrect'), correctAt), correct: blocks(correctAt, text.length) };
}

function lint(code: string, rule: string) {
  const terraform = plugin.configs.infrastructure.find((c) => c.language === 'lambda-edge/hcl')!;
  if (rule !== 'lambda-edge/infra-unresolved') return new Linter({ configType: 'flat' }).verify(code, [terraform], 'main.tf');
  // infra-unresolved reports what discovery, reading the project folder, cannot follow, and
  // is in `strict` (not in configs.infrastructure): the example is a main.tf in a folder.
  clearInfrastructureCache();
  const root = project({ 'main.tf': code });
  return new Linter({ configType: 'flat', cwd: root }).verify(code, [plugin.configs.strict, terraform], path.join(root, 'main.tf'));
}

describe.each(pages)('%s Terraform examples', (page) => {
  const rule = `lambda-edge/${page.replace(/\.md$/u, '')}`;
  const { incorrect, correct } = hclExamples(page);

  it('has a Terraform example of each kind', () => {
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
  });

  it('the incorrect example is reported by the rule', () => {
    for (const code of incorrect) {
      const messages = lint(code, rule);
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(messages.map((m) => m.ruleId)).toContain(rule);
    }
  });

  it('the correct example is not reported', () => {
    for (const code of correct) expect(lint(code, rule)).toEqual([]);
  });
});
