import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type HeaderEntry, HEADER_KINDS, type MemberAccess } from '../src/analysis.js';
import { propertyKeyName, stringLiteralSource } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'mixedCaseKey'
  | 'mixedCaseKeyDuplicate'
  | 'mixedCaseWrite'
  | 'mixedCaseDelete'
  | 'mixedCaseRead'
  | 'useLowercase';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The literal `raw` (quotes included) with its value lowercased, in the same quotes. Without a
 * backslash in it the source text is the value, and lowercasing the text is lowercasing the
 * value. With one, lowercasing the text could change an escape's meaning (`\N` is `N`, `\n` a
 * line break; `\u0041` stays `A`), so the literal is written anew from the lowered value.
 */
function lowercaseLiteral(raw: string, lower: string): string {
  const quote = raw[0] === '"' || raw[0] === '`' ? raw[0] : "'";
  return raw.includes('\\') ? stringLiteralSource(lower, quote) : raw.toLowerCase();
}

/**
 * Replacement text for a key node (object key, pattern key, member property, `in` operand)
 * that spells the header name in lowercase, keeping the quoting style.
 */
function lowercaseKeyText(
  sourceCode: Readonly<TSESLint.SourceCode>,
  key: TSESTree.Node,
  lower: string,
): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return lower;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return lowercaseLiteral(key.raw, lower);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return lowercaseLiteral(sourceCode.getText(key), lower);
  }
  return undefined;
}

export default createRule<[], MessageIds>({
  name: 'lowercase-header-keys',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Lambda@Edge header map keys to be lowercase',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      mixedCaseKey:
        "Lambda@Edge header maps are keyed by the lowercase header name; write '{{ lower }}' instead of '{{ name }}' (the original spelling belongs in the entry's `key`).",
      mixedCaseKeyDuplicate:
        "Lambda@Edge header maps are keyed by the lowercase header name, and this map already has '{{ lower }}': merge '{{ name }}' into it instead of keeping two entries for one header.",
      mixedCaseWrite:
        "Lambda@Edge header maps are keyed by the lowercase header name; set '{{ lower }}' instead of '{{ name }}'.",
      mixedCaseDelete:
        "CloudFront's header map has no '{{ name }}' key (keys are lowercase), so this delete does nothing; delete '{{ lower }}' to remove the header.",
      mixedCaseRead:
        "CloudFront's header map has no '{{ name }}' key (keys are lowercase), so this is always undefined; use '{{ lower }}'.",
      useLowercase: "Use '{{ lower }}'.",
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;

    /** Fix for an object-literal or pattern property: shorthand `{ Host }` becomes `{ host: Host }`. */
    const propertyFix = (property: TSESTree.Property, lower: string): TSESLint.ReportFixFunction | null => {
      if (property.shorthand) {
        if (!IDENTIFIER.test(lower) || property.key.type !== AST_NODE_TYPES.Identifier) return null;
        const key = property.key;
        return (fixer) => fixer.insertTextBefore(key, `${lower}: `);
      }
      const text = lowercaseKeyText(sourceCode, property.key, lower);
      return text === undefined ? null : (fixer) => fixer.replaceText(property.key, text);
    };

    const checkEntry = (entry: HeaderEntry, lowercaseNames: Set<string>) => {
      const name = entry.name;
      if (name === undefined || name === name.toLowerCase()) return;
      const lower = name.toLowerCase();
      const fix = propertyFix(entry.property, lower);
      if (lowercaseNames.has(lower)) {
        context.report({
          node: entry.property.key,
          messageId: 'mixedCaseKeyDuplicate',
          data: { name, lower },
          suggest: fix ? [{ messageId: 'useLowercase', data: { lower }, fix }] : null,
        });
        return;
      }
      context.report({ node: entry.property.key, messageId: 'mixedCaseKey', data: { name, lower }, fix });
    };

    const checkAccess = (access: MemberAccess) => {
      const name = access.name;
      if (name === undefined || name === name.toLowerCase() || !HEADER_KINDS.has(access.objectKind)) return;
      const lower = name.toLowerCase();
      let fix: TSESLint.ReportFixFunction | null = null;
      if (access.node.type === AST_NODE_TYPES.Property) {
        fix = propertyFix(access.node, lower);
      } else if (access.node.type === AST_NODE_TYPES.MemberExpression && !access.node.computed) {
        const property = access.node.property;
        fix = (fixer) => fixer.replaceText(property, lower);
      } else {
        const text = lowercaseKeyText(sourceCode, access.keyNode, lower);
        if (text !== undefined) fix = (fixer) => fixer.replaceText(access.keyNode, text);
      }
      const data = { name, lower };
      if (access.op === 'write') {
        context.report({ node: access.keyNode, messageId: 'mixedCaseWrite', data, fix });
        return;
      }
      // Reads, deletes and in-place changes of a key that is never there: lowercasing changes
      // what the code does at run time, so it is only offered.
      context.report({
        node: access.keyNode,
        messageId: access.op === 'delete' ? 'mixedCaseDelete' : 'mixedCaseRead',
        data,
        suggest: fix ? [{ messageId: 'useLowercase', data: { lower }, fix }] : null,
      });
    };

    return onAnalysis(context, (analysis) => {
      const byMap = new Map<TSESTree.ObjectExpression, Set<string>>();
      for (const entry of analysis.headerEntries) {
        let names = byMap.get(entry.map);
        if (!names) {
          names = new Set();
          for (const prop of entry.map.properties) {
            if (prop.type !== AST_NODE_TYPES.Property) continue;
            const key = propertyKeyName(prop);
            if (key !== undefined && key === key.toLowerCase()) names.add(key);
          }
          byMap.set(entry.map, names);
        }
        checkEntry(entry, names);
      }
      for (const access of analysis.accesses) checkAccess(access);
    });
  },
});
