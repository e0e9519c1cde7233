/**
 * Rules are filters over the edge model (src/model/types.ts): they never walk the tree, look
 * into scopes or resolve bindings, and attach no listeners of their own. And the model stays
 * readable: no file in src/model over 300 lines, no function over 60.
 *
 * Scope: every file in rules/ except rules/index.ts. A rule's `create` may return only what
 * `onAnalysis(context, check)` returns (a `Program` listener that hands `check` the model).
 * Infrastructure rules for YAML/JSON/HCL files fall under the same check: they read the
 * infrastructure model (src/infra) and need no listeners or scope lookups of their own either;
 * one that does must be listed in NOT_YET_THIN with the reason.
 *
 * Rules stay readable too: no function in rules/ over 60 lines, so a rule's `create` is a short
 * filter over the model's facts and its reporting logic has names (NOT_YET_SHORT lists the
 * files still over it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Rules still doing work that belongs in the model (issue 12): each entry is work left, not a permission. */
const NOT_YET_THIN: Record<string, string> = {};

/** Text that means a rule resolves names or walks the tree itself. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bgetScope\s*\(/, 'looks up a scope (getScope)'],
  [/\bgetDeclaredVariables\s*\(/, 'looks up declared variables (getDeclaredVariables)'],
  [/\.references\b/, "reads a variable's references"],
  [/\.set\.get\s*\(/, "reads a scope's variable set"],
  [/\bfindVariable\b/, 'resolves a variable (findVariable)'],
  [/\bvisitorKeys\b/, 'walks the tree with visitorKeys'],
  [/\bscopeManager\b/, 'reads the scope manager'],
  [/\.through\b/, "reads a scope's unresolved references"],
  [/\bReferenceTracker\b/, 'tracks references itself (the model has Bindings.trackReferences)'],
  [/\bgetAnalysis\s*\(/, 'fetches the model itself (createRule and onAnalysis hand it over)'],
  [/from '\.\.\/src\/estree\/walk\.js'/, 'walks the tree (src/estree/walk.js)'],
];

/** The public surface of the model; every other file in src/model is an internal a rule must not reach into. */
const PUBLIC_MODEL = new Set(['../src/model/types.js', '../src/model/index.js']);

/** ESLint listener keys: node types, selectors, `:exit`, code-path events. */
const LISTENER_KEY = /^(?:[A-Z][A-Za-z]*(?::exit)?|onCodePath\w*|.*[:>[\]*].*)$/;

function visit(node: TSESTree.Node, each: (node: TSESTree.Node) => void): void {
  each(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || !value || typeof value !== 'object') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof (child as TSESTree.Node).type === 'string') visit(child as TSESTree.Node, each);
    }
  }
}

/** What in a rule's source text is not thin, one line per finding. */
export function thinRuleProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) problems.push(what);
  const ast = parse(text, { loc: true, range: true, sourceType: 'module', ecmaVersion: 'latest' }) as TSESTree.Program;
  visit(ast, (node) => {
    if (node.type === 'Property' && !node.computed) {
      const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : '';
      const isMessage = node.parent?.parent?.type === 'Property' && ['messages', 'properties', 'docs'].includes(
        (node.parent.parent as TSESTree.Property).key.type === 'Identifier' ? ((node.parent.parent as TSESTree.Property).key as TSESTree.Identifier).name : '',
      );
      // Listener-shaped keys whose value is a function: `CallExpression(node) {...}`, `'X:exit': () => ...`.
      const fn = node.value.type === 'FunctionExpression' || node.value.type === 'ArrowFunctionExpression' || node.method;
      if (fn && !isMessage && LISTENER_KEY.test(key)) problems.push(`attaches a listener of its own (${key})`);
    }
    const source =
      node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || (node.type === 'ExportNamedDeclaration' && node.source)
        ? node.source?.value
        : node.type === 'ImportExpression' && node.source.type === 'Literal'
          ? node.source.value
          : undefined;
    if (typeof source === 'string' && source.startsWith('../src/model/') && !PUBLIC_MODEL.has(source)) {
      problems.push(`imports a model internal (${source.slice(3)}): read the Analysis of src/model/types.ts`);
    }
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'onAnalysis' && node.arguments.length > 2) {
      problems.push('passes listeners of its own to onAnalysis');
    }
  });
  return problems;
}

const ruleFiles = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('thin rules', () => {
  it.each(ruleFiles.filter((f) => !(f in NOT_YET_THIN)))('%s reads the model and does nothing of its own', (file) => {
    expect(thinRuleProblems(readFileSync(join(ROOT, 'rules', file), 'utf8'))).toEqual([]);
  });

  it.each(Object.keys(NOT_YET_THIN))('%s is still on the list of rules to thin (remove it when it is thin)', (file) => {
    expect(ruleFiles).toContain(file);
    expect(thinRuleProblems(readFileSync(join(ROOT, 'rules', file), 'utf8'))).not.toEqual([]);
  });

  it('catches a crafted rule that walks, resolves and listens', () => {
    const bad = `
      import { ASTUtils } from '@typescript-eslint/utils';
      export default createRule({
        create(context) {
          const keys = context.sourceCode.visitorKeys;
          return onAnalysis(context, (analysis) => {}, {
            CallExpression(node) {
              const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node.callee);
              for (const ref of variable.references) console.log(ref);
            },
            'Program:exit': () => {},
            onCodePathStart() {},
          });
        },
      });`;
    expect(thinRuleProblems(bad)).toEqual([
      'looks up a scope (getScope)',
      "reads a variable's references",
      'resolves a variable (findVariable)',
      'walks the tree with visitorKeys',
      'passes listeners of its own to onAnalysis',
      'attaches a listener of its own (CallExpression)',
      'attaches a listener of its own (Program:exit)',
      'attaches a listener of its own (onCodePathStart)',
    ]);
  });

  it('catches a crafted rule that imports model internals, and accepts the public surface', () => {
    const reaching = `
      import { isMultiTarget } from '../src/model/targets.js';
      import type { Analysis } from '../src/model/types.js';
      import { getAnalysis as model } from '../src/model/index.js';
      export { classify } from '../src/model/classify.js';
      export * from '../src/model/state.js';
      const lazy = () => import('../src/model/event-tests.js');
      export default createRule({ create: (context) => onAnalysis(context, (analysis: Analysis) => isMultiTarget(analysis)) });`;
    expect(thinRuleProblems(reaching)).toEqual([
      'imports a model internal (src/model/targets.js): read the Analysis of src/model/types.ts',
      'imports a model internal (src/model/classify.js): read the Analysis of src/model/types.ts',
      'imports a model internal (src/model/state.js): read the Analysis of src/model/types.ts',
      'imports a model internal (src/model/event-tests.js): read the Analysis of src/model/types.ts',
    ]);
    const publicOnly = `
      import type { Analysis, Handler } from '../src/model/types.js';
      import type { Kind } from '../src/model/index.js';
      import { walkless } from '../src/estree/nodes.js';
      export default createRule({ create: (context) => onAnalysis(context, (analysis: Analysis) => analysis.targetAt(analysis.handlers[0].node)) });`;
    expect(thinRuleProblems(publicOnly)).toEqual([]);
  });

  it('accepts a crafted thin rule', () => {
    const good = `
      export default createRule({
        meta: { messages: { Bad: 'x' } },
        create(context) {
          return onAnalysis(context, (analysis) => {
            for (const target of analysis.responseTargets()) context.report({ node: target.settings[0].node, messageId: 'Bad' });
          });
        },
      });`;
    expect(thinRuleProblems(good)).toEqual([]);
  });
});

const modelFiles = readdirSync(join(ROOT, 'src', 'model')).filter((f) => f.endsWith('.ts'));

/** Functions (declarations, expressions, arrows, methods) over `max` lines, as `name (n lines)`. */
export function longFunctions(text: string, max: number): string[] {
  const ast = parse(text, { loc: true, range: true, sourceType: 'module', ecmaVersion: 'latest' }) as TSESTree.Program;
  const out: string[] = [];
  visit(ast, (node) => {
    if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression' && node.type !== 'ArrowFunctionExpression') return;
    const lines = node.loc.end.line - node.loc.start.line + 1;
    if (lines <= max) return;
    const name = node.type === 'FunctionDeclaration' && node.id ? node.id.name : `function at line ${node.loc.start.line}`;
    out.push(`${name} (${lines} lines)`);
  });
  return out;
}

describe('the model stays small', () => {
  it.each(modelFiles)('src/model/%s has at most 300 lines and no function over 60', (file) => {
    const text = readFileSync(join(ROOT, 'src', 'model', file), 'utf8');
    expect(text.split('\n').length).toBeLessThanOrEqual(300);
    expect(longFunctions(text, 60)).toEqual([]);
  });

  it('the function check catches a long function', () => {
    const long = `function big() {\n${'  x();\n'.repeat(61)}}\nconst small = () => 1;`;
    expect(longFunctions(long, 60)).toEqual(['big (63 lines)']);
  });
});

/** Rule files with a function still over 60 lines (issue 12): each entry is work left, not a permission. */
const NOT_YET_SHORT: Record<string, string> = {};

const allRuleFiles = readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts'));

describe('rules stay short', () => {
  it.each(allRuleFiles.filter((f) => !(f in NOT_YET_SHORT)))('rules/%s has no function over 60 lines', (file) => {
    expect(longFunctions(readFileSync(join(ROOT, 'rules', file), 'utf8'), 60)).toEqual([]);
  });

  it.each(Object.keys(NOT_YET_SHORT))('rules/%s is still on the list of long rules (remove it when it is short)', (file) => {
    expect(allRuleFiles).toContain(file);
    expect(NOT_YET_SHORT[file]).not.toBe('');
    expect(longFunctions(readFileSync(join(ROOT, 'rules', file), 'utf8'), 60)).not.toEqual([]);
  });

  it('catches a crafted rule whose create, or a closure inside it, is over 60 lines', () => {
    const body = (n: number) => '      context.report({ node, messageId: "Bad" });\n'.repeat(n);
    const longCreate = `export default createRule({\n  create(context) {\n${body(59)}  },\n});\n`;
    expect(longFunctions(longCreate, 60)).toEqual(['function at line 2 (61 lines)']);
    const longClosure = `export default createRule({\n  create(context) {\n    const check = (node) => {\n${body(59)}    };\n    return onAnalysis(context, check);\n  },\n});\n`;
    expect(longFunctions(longClosure, 60)).toEqual(['function at line 2 (64 lines)', 'function at line 3 (61 lines)']);
  });

  it('accepts a crafted rule whose create is exactly 60 lines', () => {
    const body = '      context.report({ node, messageId: "Bad" });\n'.repeat(58);
    expect(longFunctions(`export default createRule({\n  create(context) {\n${body}  },\n});\n`, 60)).toEqual([]);
  });
});
