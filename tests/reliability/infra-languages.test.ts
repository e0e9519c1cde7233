/**
 * The infra-* rules under the YAML and JSON languages on broken input: every prefix and every
 * one-line deletion of the sample projects' files, and seeded random edits. No crash; a file
 * that does not parse is exactly one (fatal) finding; every other finding is an infra-* rule's.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const PROJECTS = path.join(import.meta.dirname, '..', 'fixtures', 'infra-projects');
const FILES = [
  ['serverless/serverless.yml', 'serverless.yml'],
  ['sam/template.yaml', 'template.yaml'],
  ['cloudformation/template.json', 'template.json'],
  ['cdk/lib/stack.ts', 'stack.ts'],
] as const;

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  { settings: { 'lambda-edge': { infrastructure: false } } },
  plugin.configs.recommended,
  ...plugin.configs.infrastructure,
];

function check(text: string, filename: string): void {
  const messages = linter.verify(text, config, filename);
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) {
    expect(messages, `${filename}:\n${text}`).toHaveLength(1);
    expect(fatal[0]!.line).toBeGreaterThanOrEqual(1);
    expect(fatal[0]!.line).toBeLessThanOrEqual(text.split('\n').length);
    return;
  }
  for (const m of messages) {
    expect(m.ruleId ?? '', `${filename}: ${m.message}`).toMatch(/^lambda-edge\/(infra-|valid-configuration$)/);
    expect(m.line).toBeGreaterThanOrEqual(1);
  }
}

describe.each(FILES)('%s', (file, filename) => {
  const text = readFileSync(path.join(PROJECTS, file), 'utf8');

  it('the unmodified file has infra findings (the harness lints it with the infra rules)', () => {
    const messages = linter.verify(text, config, filename);
    expect(messages.filter((m) => m.ruleId?.startsWith('lambda-edge/infra-')).length).toBeGreaterThan(0);
  });

  it('every prefix', () => {
    for (let end = 0; end <= text.length; end += 3) check(text.slice(0, end), filename);
  });

  it('every one-line deletion', () => {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) check([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), filename);
  });

  it('random edits (seeded)', () => {
    const edit = fc.record({
      at: fc.nat({ max: text.length }),
      drop: fc.nat({ max: 12 }),
      insert: fc.constantFrom('', ':', ' ', '\n', '  ', '- ', '!Ref ', '{', '}', '[', ']', '"', ',', '&a ', '*a', '\t', 'null'),
    });
    fc.assert(
      fc.property(edit, ({ at, drop, insert }) => {
        check(text.slice(0, at) + insert + text.slice(at + drop), filename);
      }),
      { seed: 20261201, numRuns: 150 },
    );
  });
});
