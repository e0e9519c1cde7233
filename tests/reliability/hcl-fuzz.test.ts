/**
 * Fuzzing the HCL language: valid files cut at every N-th offset, bytes replaced and inserted,
 * and random bytes, linted through ESLint with `language: 'lambda-edge/hcl'` and a rule that
 * visits every node. Nothing may throw, a file that does not parse gives exactly one finding (the
 * fatal parsing error, at the line the parser names), and one that parses gives none of those.
 * Seeded in `npm test`; `npm run fuzz` (scripts/fuzz-hcl.mjs) runs more (FUZZ_SEED, FUZZ_RUNS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { type HclNode, parseHcl } from '../../src/languages/hcl/index.js';
import { HclGenerator, breakFile, random } from '../languages/hcl-generator.js';

const SEED = Number(process.env.FUZZ_SEED ?? 1414);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
/** With a time budget (`npm run fuzz -- --time N`), stop generating when it is spent. */
const TIME_MS = Number(process.env.FUZZ_TIME_MS ?? 0);
const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/infra/terraform/terraform/main.tf'), 'utf8');

/** Touches every node and asks the SourceCode for its text, location and parent. */
const visitAll = {
  meta: { type: 'problem', schema: [] },
  create(context: { sourceCode: { getText(n: unknown): string; getLoc(n: unknown): unknown; getParent(n: unknown): unknown } }) {
    return {
      '*'(node: HclNode) {
        context.sourceCode.getText(node);
        context.sourceCode.getLoc(node);
        context.sourceCode.getParent(node);
      },
    };
  },
};

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.tf'],
    plugins: { 'lambda-edge': plugin as never, fuzz: { rules: { all: visitAll as never } } },
    language: 'lambda-edge/hcl',
    rules: { 'fuzz/all': 'error' },
  },
];

/** Lints one text; returns what is wrong with the outcome, or undefined. */
function problemWith(text: string): string | undefined {
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, config as never, 'main.tf');
  } catch (error) {
    return `threw ${String(error)}`;
  }
  // ESLint strips a BOM before the language sees the text.
  const expected = parseHcl(text.replace(/^\uFEFF/, ''));
  const fatal = messages.filter((m) => m.fatal);
  if (expected.ok) return fatal.length === 0 ? undefined : `parses, yet ${fatal.length} fatal: ${fatal[0]!.message}`;
  if (messages.length !== 1 || fatal.length !== 1) return `does not parse, yet ${messages.length} findings (${fatal.length} fatal)`;
  const [m] = fatal;
  if (m!.line !== expected.error.line || m!.column !== expected.error.column) return `fatal at ${m!.line}:${m!.column}, parser says ${expected.error.line}:${expected.error.column}`;
  return undefined;
}

function randomBytes(next: () => number): string {
  const alphabet = 'ab =\n{}[]()"$%~<-.*#/\\,:?!&|0123456789é\t\r\u0000';
  return Array.from({ length: Math.floor(next() * 200) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

describe('fuzz: the HCL language', () => {
  it('the Terraform fixture cut at every 7th offset: one fatal finding per broken cut', () => {
    const failures: string[] = [];
    let broken = 0;
    for (let at = 0; at <= FIXTURE.length; at += 7) {
      const text = FIXTURE.slice(0, at);
      if (!parseHcl(text).ok) broken++;
      const problem = problemWith(text);
      if (problem) failures.push(`cut at ${at}: ${problem}`);
    }
    expect(failures).toEqual([]);
    expect(broken).toBeGreaterThan(100);
  });

  it(`generated files, mutated, and random bytes (seed ${SEED}, ${RUNS} runs)`, { timeout: TIME_MS > 0 ? TIME_MS + 60_000 : 120_000 }, () => {
    const next = random(SEED);
    const generator = new HclGenerator(next);
    const failures: string[] = [];
    const verdicts = { parsed: 0, broken: 0 };
    const started = Date.now();
    let runs = 0;
    for (let i = 0; i < RUNS; i++, runs++) {
      if (TIME_MS > 0 && Date.now() - started > TIME_MS) break;
      const valid = generator.file();
      const texts = [valid, breakFile(valid, next), breakFile(breakFile(valid, next), next), randomBytes(next), `\uFEFF${valid}`];
      for (const text of texts) {
        verdicts[parseHcl(text.replace(/^\uFEFF/, '')).ok ? 'parsed' : 'broken']++;
        const problem = problemWith(text);
        if (problem) failures.push(`${JSON.stringify(text)}: ${problem}`);
      }
    }
    if (process.env.FUZZ_VERBOSE) console.log(`[fuzz] hcl: seed ${SEED}, ${runs * 5} files, ${verdicts.parsed} parsed, ${verdicts.broken} broken`);
    expect(failures).toEqual([]);
    expect(verdicts.parsed).toBeGreaterThan(runs);
    expect(verdicts.broken).toBeGreaterThan(runs);
  });

  it('deep nesting and long inputs: one finding, no stack overflow', () => {
    for (const text of [`a = ${'['.repeat(20_000)}`, `a = ${'{a='.repeat(20_000)}`, `${'b {\n'.repeat(20_000)}`, `a = "${'${"'.repeat(20_000)}`]) {
      expect(problemWith(text)).toBeUndefined();
    }
    expect(problemWith(`a = ${Array(20_000).fill('x').join(' + ')}\n`)).toBeUndefined();
  });
});
