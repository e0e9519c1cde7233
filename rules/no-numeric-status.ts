import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { valueLeaves } from '../src/estree/nodes.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'numericStatus' | 'numericStatusFrom' | 'wrapInString';

/** Numeric literals a status expression can evaluate to: `302`, `ok ? 200 : 404`, `code || 500`. */
function numericLiterals(value: TSESTree.Node): TSESTree.NumberLiteral[] {
  return valueLeaves(value).filter(
    (node): node is TSESTree.NumberLiteral => node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number',
  );
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
      wrapInString: 'Write `String({{ text }})`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const seen = new Set<TSESTree.Node>();
      const check = (value: TSESTree.Node) => {
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
      };
      /** `status: res.status` copied from a Fetch, axios, undici or Node.js response. */
      const checkCopied = (value: TSESTree.Node) => {
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
      };
      for (const target of analysis.responseTargets()) {
        for (const status of target.field('status')) {
          if (status.op !== 'write' || !status.value) continue;
          check(status.value);
          checkCopied(status.value);
        }
      }
    });
  },
});
