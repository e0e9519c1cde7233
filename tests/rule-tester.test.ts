import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRuleTester, hasModuleSyntax, planVariants } from './rule-tester.js';

// The rule tester runs a case as CommonJS only when CommonJS can hold it.
describe('hasModuleSyntax', () => {
  it('finds the syntax only an ES module may contain', () => {
    expect(hasModuleSyntax(`import x from 'x';`)).toBe(true);
    expect(hasModuleSyntax(`export const handler = async () => {};`)).toBe(true);
    expect(hasModuleSyntax(`export default function () {}`)).toBe(true);
    expect(hasModuleSyntax(`export * from './a';`)).toBe(true);
    expect(hasModuleSyntax(`const u = import.meta.url;`)).toBe(true);
    expect(hasModuleSyntax(`const config = await load();`)).toBe(true);
    expect(hasModuleSyntax(`for await (const x of xs) {}`)).toBe(true);
    // A case that does not parse at all stays as written.
    expect(hasModuleSyntax(`const = ;`)).toBe(true);
  });

  it('leaves CommonJS code, dynamic import and await inside functions to the CommonJS run', () => {
    expect(hasModuleSyntax(`exports.handler = async (event) => event.Records[0].cf.request;`)).toBe(false);
    expect(hasModuleSyntax(`module.exports = { handler: async () => { await x(); } };`)).toBe(false);
    expect(hasModuleSyntax(`const m = import('./m.js');`)).toBe(false);
    expect(hasModuleSyntax(`const s = "import x from 'y'; export {}";`)).toBe(false);
    expect(hasModuleSyntax(`function f() { for await (const x of xs) {} }`)).toBe(false);
  });
});

describe('planVariants', () => {
  const tests = {
    valid: [
      `exports.handler = async (event) => event.Records[0].cf.request;`,
      `export const handler = async (event) => event.Records[0].cf.request;`,
      { code: `var await = 1;`, languageOptions: { parserOptions: { sourceType: 'script' as const } } },
    ],
    invalid: [{ code: `const x = process.env.A;` }],
  };
  const codes = (cases: { code: string }[]) => cases.map((c) => c.code);

  it('runs every case with globals.node, and as CommonJS only what CommonJS can hold', () => {
    const [node, cjs] = planVariants('r', tests, []);
    expect(node!.variant).toBe('globals.node');
    expect(codes(node!.same.valid)).toEqual(tests.valid.map((c) => (typeof c === 'string' ? c : c.code)));
    expect(node!.same.valid[0]!.languageOptions?.globals).toMatchObject({ process: false, __dirname: false, require: false });
    expect(cjs!.variant).toBe('commonjs');
    // The ES module and the case with its own sourceType stay as written.
    expect(codes(cjs!.same.valid)).toEqual([tests.valid[0]]);
    expect(cjs!.same.valid[0]!.languageOptions).toMatchObject({ sourceType: 'commonjs', parserOptions: { sourceType: 'commonjs' } });
    expect(codes(cjs!.same.invalid)).toEqual([`const x = process.env.A;`]);
  });

  it('keeps a case its own globals, over globals.node', () => {
    const [node] = planVariants('r', { valid: [{ code: 'x', languageOptions: { globals: { process: 'off' } } }], invalid: [] }, []);
    expect(node!.same.valid[0]!.languageOptions?.globals?.process).toBe('off');
  });

  it('moves a listed case to the known differences of that variant only', () => {
    const exceptions = [{ rule: 'r', variant: 'commonjs' as const, code: 'process.env.A', reason: 'test' }];
    const [node, cjs] = planVariants('r', tests, exceptions);
    expect(codes(node!.same.invalid)).toEqual([`const x = process.env.A;`]);
    expect(cjs!.same.invalid).toEqual([]);
    expect(codes(cjs!.different.invalid)).toEqual([`const x = process.env.A;`]);
  });

  it('rejects an exception that names no case or several', () => {
    expect(() => planVariants('r', tests, [{ rule: 'r', variant: 'commonjs', code: 'nowhere', reason: 'x' }])).toThrow(/name no case: nowhere/);
    expect(() => planVariants('r', tests, [{ rule: 'r', variant: 'globals.node', code: 'handler', reason: 'x' }])).toThrow(/more than one case/);
    // Another rule's exception is not this rule's business.
    expect(() => planVariants('r', tests, [{ rule: 'other', variant: 'commonjs', code: 'nowhere', reason: 'x' }])).not.toThrow();
  });
});

// A rule whose result does change as CommonJS (it reports a script), run with that case listed
// as a known difference: the CommonJS run must fail for the suite to pass, the others must not.
const sourceTypeRule = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { script: 'parsed as a script' }, schema: [] },
  defaultOptions: [],
  create(context) {
    return {
      Program(node) {
        if (node.sourceType === 'script') context.report({ node, messageId: 'script' });
      },
    };
  },
});
createRuleTester([{ rule: 'source-type', variant: 'commonjs', code: 'const a = 1;', reason: 'the rule reports scripts' }]).run(
  'source-type',
  sourceTypeRule,
  { valid: ['const a = 1;', 'export const b = 2;'], invalid: [] },
);
