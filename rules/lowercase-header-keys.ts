import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type HeaderEntry, type HeaderUse, HEADER_KINDS, type MemberAccess } from '../src/analysis.js';
import { propertyKeyName, stringLiteralSource } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'mixedCaseKey'
  | 'mixedCaseKeyDuplicate'
  | 'mixedCaseWrite'
  | 'mixedCaseDelete'
  | 'mixedCaseRead'
  | 'useLowercase'
  | 'lowercaseAtKey';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** `name`, `header.key`: text that takes `.toLowerCase()` without parentheses. */
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

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
      lowercaseAtKey: 'Lowercase the name where it becomes a key: `{{ key }}.toLowerCase()` (keeps the spelling elsewhere, such as in `key`).',
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

    /**
     * A name held as data (`const HSTS = 'Strict-Transport-Security'`, a table's key, a helper's
     * argument) is reported at the literal, once, however many keys it reaches. Renaming it is a
     * fix when every use is a write and the literal feeds nothing but header keys; otherwise (it is
     * also the entry's `key`, logged, or read back) a suggestion, and so is lowercasing at the key.
     */
    const checkData = (uses: HeaderUse[]) => {
      const { name, nameNode } = uses[0]!;
      if (name === name.toLowerCase()) return;
      const lower = name.toLowerCase();
      const text = lowercaseKeyText(sourceCode, nameNode, lower);
      const fix: TSESLint.ReportFixFunction | null = text === undefined ? null : (fixer) => fixer.replaceText(nameNode, text);
      const data = { name, lower };
      const op = uses.find((use) => use.op !== 'write')?.op ?? 'write';
      const messageId = op === 'write' ? 'mixedCaseWrite' : op === 'delete' ? 'mixedCaseDelete' : 'mixedCaseRead';
      if (op === 'write' && uses.every((use) => use.keyOnly)) {
        context.report({ node: nameNode, messageId, data, fix });
        return;
      }
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
      if (fix) suggest.push({ messageId: 'useLowercase', data: { lower }, fix });
      const key = uses[0]!.access?.node.type === AST_NODE_TYPES.MemberExpression ? uses[0]!.access.node.property : undefined;
      if (key && uses.every((use) => use.access?.node === uses[0]!.access?.node)) {
        const keyText = sourceCode.getText(key);
        suggest.push({
          messageId: 'lowercaseAtKey',
          data: { key: keyText },
          fix: (fixer) => fixer.replaceText(key, `${IDENTIFIER_PATH.test(keyText) ? keyText : `(${keyText})`}.toLowerCase()`),
        });
      }
      context.report({ node: nameNode, messageId, data, suggest });
    };

    return onAnalysis(context, (analysis) => {
      const byMap = new Map<TSESTree.ObjectExpression, Set<string>>();
      const byLiteral = new Map<TSESTree.Node, HeaderUse[]>();
      for (const use of analysis.headerUses()) {
        if (use.form === 'data') {
          const list = byLiteral.get(use.nameNode);
          if (list) list.push(use);
          else byLiteral.set(use.nameNode, [use]);
        } else if (use.form === 'member') {
          checkAccess(use.access!);
        } else {
          const entry = use.entry!;
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
      }
      for (const uses of byLiteral.values()) checkData(uses);
    });
  },
});
