import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../src/model/types.js';
import { valueLeaves } from '../src/estree/nodes.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'numericStatus' | 'numericStatusFrom' | 'numericStatusPassed' | 'wrapInString' | 'quoteArgument';

/** Numeric literals a status expression can evaluate to: `302`, `ok ? 200 : 404`, `code || 500`. */
function numericLiterals(value: TSESTree.Node): TSESTree.NumberLiteral[] {
  return valueLeaves(value).filter(
    (node): node is TSESTree.NumberLiteral => node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number',
  );
}

/** The name of the function whose parameter `param` is, for messages: `respond` for `const respond = (status) => …`. */
function helperName(param: TSESTree.Node): string {
  for (let up = param.parent; up; up = up.parent) {
    if (up.type === AST_NODE_TYPES.FunctionDeclaration && up.id) return up.id.name;
    if (up.type === AST_NODE_TYPES.FunctionExpression || up.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      if (up.id) return up.id.name;
      const holder = up.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
      return 'the helper';
    }
  }
  return 'the helper';
}

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;
/** What every check reads; `seen` keeps a number reached twice (two targets, a shared helper) to one report. */
interface Checks {
  context: Context;
  analysis: Analysis;
  seen: Set<TSESTree.Node>;
}

/** Number literals written as the status: fixed to the string. */
function checkLiterals({ context, seen }: Checks, value: TSESTree.Node): void {
  for (const literal of numericLiterals(value)) {
    if (seen.has(literal)) continue;
    seen.add(literal);
    const text = Number.isInteger(literal.value) ? String(literal.value) : literal.raw;
    context.report({
      node: literal,
      messageId: 'numericStatus',
      data: { value: text },
      fix: Number.isInteger(literal.value) ? (fixer) => fixer.replaceText(literal, `'${text}'`) : null,
    });
  }
}

/** `status: res.status` copied from a Fetch, axios, undici or Node.js response. */
function checkCopied({ context, analysis, seen }: Checks, value: TSESTree.Node): void {
  for (const leaf of valueLeaves(value)) {
    if (seen.has(leaf)) continue;
    const what = analysis.httpStatusNumber(leaf);
    if (!what) continue;
    seen.add(leaf);
    const text = context.sourceCode.getText(leaf);
    context.report({
      node: leaf,
      messageId: 'numericStatusFrom',
      data: { what, text },
      suggest: [{ messageId: 'wrapInString', data: { text }, fix: (fixer) => fixer.replaceText(leaf, `String(${text})`) }],
    });
  }
}

/**
 * `status` that is a helper's parameter (`const respond = (status) => ({ status })`): the
 * numbers its calls pass, and its default. A suggestion only: the helper may also compare the
 * parameter with numbers (`status >= 400`), which a string would change.
 */
function checkPassed({ context, analysis, seen }: Checks, value: TSESTree.Node): void {
  for (const leaf of valueLeaves(value)) {
    const passed = analysis.parameterArguments(leaf);
    if (!passed) continue;
    const param = context.sourceCode.getText(leaf);
    const helper = helperName(leaf);
    for (const literal of passed.flatMap(numericLiterals)) {
      if (seen.has(literal) || !Number.isInteger(literal.value)) continue;
      seen.add(literal);
      const data = { value: String(literal.value), param, helper };
      context.report({
        node: literal,
        messageId: 'numericStatusPassed',
        data,
        suggest: [{ messageId: 'quoteArgument', data, fix: (fixer) => fixer.replaceText(literal, `'${data.value}'`) }],
      });
    }
  }
}

export default createRule<[], MessageIds>({
  name: 'no-numeric-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the `status` of a Lambda@Edge response to be a string',
      recommended: 'recommended',
      severity: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      numericStatus:
        "Lambda@Edge documents a response's `status` as a string; write '{{ value }}' instead of the number {{ value }}.",
      numericStatusFrom:
        "This `status` is copied from {{ what }}, which is a number; Lambda@Edge documents a response's `status` as a string. Write `String({{ text }})`.",
      numericStatusPassed:
        "The number {{ value }} reaches a response's `status` through the parameter `{{ param }}` of `{{ helper }}`; Lambda@Edge documents a response's `status` as a string. Pass '{{ value }}', or write `status: String({{ param }})` in `{{ helper }}`.",
      wrapInString: 'Write `String({{ text }})`.',
      quoteArgument: "Pass the string '{{ value }}' (check that `{{ helper }}` does not compare `{{ param }}` with numbers).",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const checks: Checks = { context, analysis, seen: new Set() };
      for (const target of analysis.responseTargets()) {
        for (const status of target.field('status')) {
          if (status.op !== 'write' || !status.value) continue;
          checkLiterals(checks, status.value);
          checkCopied(checks, status.value);
          checkPassed(checks, status.value);
        }
      }
    });
  },
});
