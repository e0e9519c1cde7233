import * as path from 'node:path';
import { parse } from '@typescript-eslint/parser';
import { RuleTester, type RunTests, type TestCaseError } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import globals from 'globals';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Folder with files that tests point `filename` at (readFileSync targets, infra fixtures). */
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/**
 * The project configurations every case also runs under. Real projects declare Node's globals
 * (`globals.node`), and many lint CommonJS (`sourceType: 'commonjs'`, which also declares
 * `require`, `module` and `exports`). A rule must give exactly the same result there as in the
 * bare module config the cases are written for: same errors, positions, suggestions and fixes.
 */
export type Variant = 'globals.node' | 'commonjs';

/**
 * A case whose result does change under a variant: a known plugin bug, not yet fixed. `code` is a
 * substring that names exactly one case of the rule (a stale or ambiguous entry fails the run).
 * The case runs under that variant with `it.fails`, so fixing the bug makes the run fail until
 * the entry is removed.
 */
export interface VariantException {
  rule: string;
  variant: Variant;
  code: string;
  reason: string;
}

const VARIANT_EXCEPTIONS: readonly VariantException[] = [];

const RULE_TESTER_CONFIG = {
  languageOptions: {
    parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
  },
  settings: { 'lambda-edge': { infrastructure: false } },
} as const;

export type AnyCase = { code: string; filename?: string; languageOptions?: TSESLint.FlatConfig.LanguageOptions; name?: string };

/**
 * Syntax that only an ES module may contain: `import`/`export` declarations, `import.meta`, and
 * `await` outside any function. A case that has any runs only as a module (its CommonJS variant
 * is skipped); so does a case the parser rejects.
 */
export function hasModuleSyntax(code: string): boolean {
  let ast: unknown;
  try {
    ast = parse(code, { ecmaVersion: 'latest', sourceType: 'module', range: false, loc: false });
  } catch {
    return true;
  }
  const visit = (node: unknown, inFunction: boolean): boolean => {
    if (Array.isArray(node)) return node.some((child) => visit(child, inFunction));
    if (!node || typeof node !== 'object') return false;
    const n = node as { type?: unknown; meta?: { name?: string } };
    if (typeof n.type !== 'string') return false;
    switch (n.type) {
      case 'ImportDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportDefaultDeclaration':
      case 'ExportAllDeclaration':
      case 'TSExportAssignment':
        return true;
      case 'MetaProperty':
        if (n.meta?.name === 'import') return true;
        break;
      case 'AwaitExpression':
        if (!inFunction) return true;
        break;
      case 'ForOfStatement':
        if (!inFunction && (node as { await?: boolean }).await) return true;
        break;
    }
    const nested = inFunction || /Function/.test(n.type);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (visit(value, nested)) return true;
    }
    return false;
  };
  return visit(ast, false);
}

/** Whether a case can run under the variant at all (see `createRuleTester`). */
function appliesTo(testCase: AnyCase, variant: Variant): boolean {
  if (variant === 'globals.node') return true;
  const own = testCase.languageOptions;
  if (own?.sourceType !== undefined || own?.parserOptions?.sourceType !== undefined) return false;
  if (testCase.filename && /\.m[jt]s$/.test(testCase.filename)) return false;
  return !hasModuleSyntax(testCase.code);
}

/** The case as it would be linted in a project with that configuration. */
function underVariant<T extends AnyCase>(testCase: T, variant: Variant): T {
  const own = testCase.languageOptions ?? {};
  if (variant === 'globals.node') {
    // The case's own globals win, as a later config object would.
    return { ...testCase, languageOptions: { ...own, globals: { ...globals.node, ...own.globals } } };
  }
  // What ESLint hands the parser for `languageOptions.sourceType: 'commonjs'`; the tester would
  // otherwise force `parserOptions.sourceType: 'module'`.
  return {
    ...testCase,
    languageOptions: { ...own, sourceType: 'commonjs', parserOptions: { ...own.parserOptions, sourceType: 'commonjs' } },
  };
}

/** Runs the cases it is handed with `it.fails`: each must still differ (see `VariantException`). */
class StillDifferentTester extends RuleTester {
  static override get it(): typeof RuleTester.it {
    return it.fails as unknown as typeof RuleTester.it;
  }
}

export interface VariantPlan {
  variant: Variant;
  /** Cases that must give the same result under the variant. */
  same: { valid: AnyCase[]; invalid: AnyCase[] };
  /** Cases listed as known differences: they must still differ. */
  different: { valid: AnyCase[]; invalid: AnyCase[] };
}

/**
 * Which cases of a rule run under which variant, and which of them are known differences.
 * Throws on an exception that names no case, or more than one, or shares a case with another.
 */
export function planVariants(
  ruleName: string,
  tests: { valid: readonly (AnyCase | string)[]; invalid: readonly AnyCase[] },
  allExceptions: readonly VariantException[] = VARIANT_EXCEPTIONS,
): VariantPlan[] {
  const exceptions = allExceptions.filter((e) => e.rule === ruleName);
  const used = new Set<VariantException>();
  const plans = (['globals.node', 'commonjs'] as const).map((variant) => {
    const plan: VariantPlan = { variant, same: { valid: [], invalid: [] }, different: { valid: [], invalid: [] } };
    for (const kind of ['valid', 'invalid'] as const) {
      for (const raw of tests[kind]) {
        const testCase = typeof raw === 'string' ? { code: raw } : raw;
        if (!appliesTo(testCase, variant)) continue;
        const matching = exceptions.filter((e) => e.variant === variant && testCase.code.includes(e.code));
        if (matching.length > 1) throw new Error(`${ruleName}: several variant exceptions name one case`);
        const exception = matching[0];
        if (exception && used.has(exception)) {
          throw new Error(`${ruleName}: variant exception "${exception.code}" names more than one case`);
        }
        if (exception) used.add(exception);
        (exception ? plan.different : plan.same)[kind].push(underVariant(testCase, variant));
      }
    }
    return plan;
  });
  const stale = exceptions.filter((e) => !used.has(e));
  if (stale.length > 0) throw new Error(`${ruleName}: variant exceptions that name no case: ${stale.map((e) => e.code).join(', ')}`);
  return plans;
}

class VariantRuleTester extends RuleTester {
  constructor(private readonly exceptions: readonly VariantException[]) {
    super(RULE_TESTER_CONFIG);
  }

  override run<MessageIds extends string, Options extends readonly unknown[]>(
    ruleName: string,
    rule: TSESLint.RuleModule<MessageIds, Options>,
    tests: RunTests<MessageIds, Options>,
  ): void {
    super.run(ruleName, rule, tests);
    const plans = planVariants(ruleName, tests as unknown as Parameters<typeof planVariants>[1], this.exceptions);
    const asTests = (cases: VariantPlan['same']) => ({ ...tests, ...cases }) as unknown as RunTests<MessageIds, Options>;
    for (const { variant, same, different } of plans) {
      if (same.valid.length + same.invalid.length > 0) {
        describe(`under ${variant}`, () => {
          super.run(ruleName, rule, asTests(same));
        });
      }
      if (different.valid.length + different.invalid.length > 0) {
        describe(`under ${variant}, known differences`, () => {
          new StillDifferentTester(RULE_TESTER_CONFIG).run(ruleName, rule, asTests(different));
        });
      }
    }
  }
}

/**
 * A tester with the TypeScript parser (which also parses plain JavaScript). Infrastructure
 * discovery is off: the test cases declare event types themselves, and the repository's
 * own fixtures are not the project under test. Cases may still set `settings`.
 *
 * Every case runs three times: as written (a module, no globals declared), with
 * `languageOptions.globals: globals.node` merged under the case's own globals, and as CommonJS
 * (`sourceType: 'commonjs'`). The expected result is the same each time. The CommonJS run is
 * skipped for a case that only a module can hold (`import`/`export`, `import.meta`, top-level
 * `await`, an `.mjs`/`.mts` filename) and for a case that sets its own `sourceType`: it already
 * says how it is parsed. Known differences are listed, with their reason, in `VARIANT_EXCEPTIONS`.
 */
export function createRuleTester(exceptions: readonly VariantException[] = VARIANT_EXCEPTIONS): RuleTester {
  return new VariantRuleTester(exceptions);
}

/**
 * An expected error asserted by its full message text. The tester checks `message` at run
 * time, but its types only know `messageId`.
 */
export function byMessage<MessageIds extends string>(error: {
  message: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}): TestCaseError<MessageIds> {
  return error as unknown as TestCaseError<MessageIds>;
}
