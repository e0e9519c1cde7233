// The code examples of every code rule's page say what the rule does: each block under
// "❌ Incorrect" gets at least one report of that rule, each block under "✅ Correct" none, and
// every block parses. The infra-* rules' pages are checked by infra-doc-examples.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const docs = path.resolve(import.meta.dirname, '../../docs/rules');

/**
 * Examples whose finding needs more than the block: a file on disk, or infrastructure code.
 * Each names its rule and a piece of the block's text; an entry that matches no block fails.
 */
const NEEDS_CONTEXT: ReadonlyArray<{ rule: string; text: string; reason: string }> = [
  { rule: 'max-generated-response-size', text: "readFileSync(path.join(__dirname, 'catalogue.html')", reason: 'the size comes from a file next to the handler' },
  { rule: 'no-callback-handler-on-nodejs24', text: '// src/edge.js', reason: 'the runtime comes from the infrastructure code shown beside it' },
];

interface Example {
  rule: string;
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
}

function examplesOf(rule: string): Example[] {
  const text = readFileSync(path.join(docs, `${rule}.md`), 'utf8');
  const out: Example[] = [];
  for (const section of text.split(/^### /m)) {
    const kind = section.startsWith('❌ Incorrect') ? 'incorrect' : section.startsWith('✅ Correct') ? 'correct' : undefined;
    if (!kind) continue;
    // A section ends at the next `##` heading.
    const body = section.split(/^## /m)[0]!;
    for (const match of body.matchAll(/```(js|ts|mjs|cjs)\n([\s\S]*?)```/g)) out.push({ rule, kind, lang: match[1]!, code: match[2]! });
  }
  return out;
}

const rules = readdirSync(docs)
  .map((file) => file.replace(/\.md$/, ''))
  .filter((rule) => !rule.startsWith('infra-'));
const linter = new Linter({ configType: 'flat' });

function findings(example: Example): { ours: number; fatal: string[] } {
  const messages = linter.verify(
    example.code,
    [
      {
        files: ['**/*.*'],
        languageOptions: { parser: tsParser, sourceType: example.lang === 'cjs' ? 'commonjs' : 'module' },
        plugins: { 'lambda-edge': plugin },
        rules: { [`lambda-edge/${example.rule}`]: 'error' },
      },
    ],
    { filename: `src/handler.${example.lang}` },
  );
  return {
    ours: messages.filter((m) => m.ruleId === `lambda-edge/${example.rule}`).length,
    fatal: messages.filter((m) => m.fatal).map((m) => m.message),
  };
}

describe('rule pages: the examples do what the page says', () => {
  const used = new Set<string>();
  for (const rule of rules) {
    const examples = examplesOf(rule);
    it(`${rule} has an incorrect and a correct example`, () => {
      expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
      expect(examples.some((e) => e.kind === 'correct')).toBe(true);
    });
    examples.forEach((example, index) => {
      it(`${rule}: ${example.kind} example ${index + 1}`, () => {
        const { ours, fatal } = findings(example);
        expect(fatal).toEqual([]);
        const exception = NEEDS_CONTEXT.find((e) => e.rule === rule && example.code.includes(e.text));
        if (exception) {
          used.add(`${exception.rule}|${exception.text}`);
          return;
        }
        if (example.kind === 'incorrect') expect(ours, example.code).toBeGreaterThan(0);
        else expect(ours, example.code).toBe(0);
      });
    });
  }
  it('lists no exception that matches no example', () => {
    expect(NEEDS_CONTEXT.filter((e) => !used.has(`${e.rule}|${e.text}`))).toEqual([]);
  });
});
