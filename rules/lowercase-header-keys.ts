import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type HeaderEntry, type HeaderUse, HEADER_KINDS, type MemberAccess } from '../src/analysis.js';
import { isFunctionNode, literalString, memberName, outerParent, propertyKeyName, stringLiteralSource, unwrap } from '../src/ast.js';
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

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** Fix for an object-literal or pattern property: shorthand `{ Host }` becomes `{ host: Host }`. */
function propertyFix(sourceCode: Readonly<TSESLint.SourceCode>, property: TSESTree.Property, lower: string): TSESLint.ReportFixFunction | null {
  if (property.shorthand) {
    if (!IDENTIFIER.test(lower) || property.key.type !== AST_NODE_TYPES.Identifier) return null;
    const key = property.key;
    return (fixer) => fixer.insertTextBefore(key, `${lower}: `);
  }
  const text = lowercaseKeyText(sourceCode, property.key, lower);
  return text === undefined ? null : (fixer) => fixer.replaceText(property.key, text);
}

/** The keys of a header-map literal that are already lowercase. */
function lowercaseKeysOf(map: TSESTree.ObjectExpression): Set<string> {
  const names = new Set<string>();
  for (const prop of map.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(prop);
    if (key !== undefined && key === key.toLowerCase()) names.add(key);
  }
  return names;
}

/** A mixed-case key of a header-map literal: fixed, or a suggestion when the map has the lowercase key too. */
function checkEntry(context: Context, entry: HeaderEntry, lowercaseNames: Set<string>): void {
  const name = entry.name;
  if (name === undefined || name === name.toLowerCase()) return;
  const lower = name.toLowerCase();
  const fix = propertyFix(context.sourceCode, entry.property, lower);
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
}

/** The fix that lowercases the key an access spells: a pattern property, `headers.Host`, `headers['Host']`. */
function accessFix(sourceCode: Readonly<TSESLint.SourceCode>, access: MemberAccess, lower: string): TSESLint.ReportFixFunction | null {
  if (access.node.type === AST_NODE_TYPES.Property) return propertyFix(sourceCode, access.node, lower);
  if (access.node.type === AST_NODE_TYPES.MemberExpression && !access.node.computed) {
    const property = access.node.property;
    return (fixer) => fixer.replaceText(property, lower);
  }
  const text = lowercaseKeyText(sourceCode, access.keyNode, lower);
  return text === undefined ? null : (fixer) => fixer.replaceText(access.keyNode, text);
}

/** A mixed-case key written, read, changed or deleted through a member: writes are fixed, the rest suggested. */
function checkAccess(context: Context, access: MemberAccess): void {
  const name = access.name;
  if (name === undefined || name === name.toLowerCase() || !HEADER_KINDS.has(access.objectKind)) return;
  const lower = name.toLowerCase();
  const fix = accessFix(context.sourceCode, access, lower);
  const data = { name, lower };
  if (access.op === 'write') {
    context.report({ node: access.keyNode, messageId: 'mixedCaseWrite', data, fix });
    return;
  }
  if (access.op === 'read' && hasLowercaseFallback(context, access, lower)) return;
  // Reads, deletes and in-place changes of a key that is never there: lowercasing changes
  // what the code does at run time, so it is only offered.
  context.report({
    node: access.keyNode,
    messageId: access.op === 'delete' ? 'mixedCaseDelete' : 'mixedCaseRead',
    data,
    suggest: fix ? [{ messageId: 'useLowercase', data: { lower }, fix }] : null,
  });
}

/**
 * `h['X-Variant'] || h['x-variant']` (or `??`, either order), and `h.host ? h.host[0].value :
 * h.Host[0].value` (the mixed-case read only where the lowercase one is absent): the same map
 * read under the lowercase name decides. The mixed-case half is dead, and the code is right.
 */
function hasLowercaseFallback(context: Context, access: MemberAccess, lower: string): boolean {
  const member = access.node;
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const readsLower = (raw: TSESTree.Node): boolean => {
    const other = unwrap(raw);
    if (other.type === AST_NODE_TYPES.BinaryExpression && other.operator === 'in') {
      return other.left.type !== AST_NODE_TYPES.PrivateIdentifier && literalString(other.left) === lower && sameText(context, other.right, member.object);
    }
    if (other.type === AST_NODE_TYPES.BinaryExpression && (other.operator === '!==' || other.operator === '!=')) return readsLower(other.left);
    if (other.type !== AST_NODE_TYPES.MemberExpression) return false;
    return memberName(other) === lower && sameText(context, other.object, member.object);
  };
  const { node, parent } = outerParent(member);
  if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&') return readsLower(parent.left === node ? parent.right : parent.left);
  // The `else` of a conditional or an `if` whose test is the lowercase read, within the function.
  let child: TSESTree.Node = member;
  for (let up: TSESTree.Node | undefined = member.parent; up && !isFunctionNode(up); child = up, up = up.parent) {
    if ((up.type === AST_NODE_TYPES.ConditionalExpression || up.type === AST_NODE_TYPES.IfStatement) && up.alternate === child && readsLower(up.test)) return true;
  }
  return false;
}

function sameText(context: Context, a: TSESTree.Node, b: TSESTree.Node): boolean {
  return context.sourceCode.getText(a) === context.sourceCode.getText(b);
}

/** `headers[name.toLowerCase()]`: offered when every use of the literal is one member's key. */
function lowercaseAtKey(context: Context, uses: HeaderUse[]): TSESLint.ReportSuggestionArray<MessageIds> {
  const first = uses[0]!.access?.node;
  const key = first?.type === AST_NODE_TYPES.MemberExpression ? first.property : undefined;
  if (!key || !uses.every((use) => use.access?.node === first)) return [];
  const keyText = context.sourceCode.getText(key);
  const lowered = `${IDENTIFIER_PATH.test(keyText) ? keyText : `(${keyText})`}.toLowerCase()`;
  return [{ messageId: 'lowercaseAtKey', data: { key: keyText }, fix: (fixer) => fixer.replaceText(key, lowered) }];
}

/**
 * A name held as data (`const HSTS = 'Strict-Transport-Security'`, a table's key, a helper's
 * argument) is reported at the literal, once, however many keys it reaches. Renaming it is a
 * fix when every use is a write and the literal feeds nothing but header keys; otherwise (it is
 * also the entry's `key`, logged, or read back) a suggestion, and so is lowercasing at the key.
 */
function checkData(context: Context, uses: HeaderUse[]): void {
  const { name, nameNode } = uses[0]!;
  if (name === name.toLowerCase()) return;
  const lower = name.toLowerCase();
  const text = lowercaseKeyText(context.sourceCode, nameNode, lower);
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
  suggest.push(...lowercaseAtKey(context, uses));
  context.report({ node: nameNode, messageId, data, suggest });
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
    return onAnalysis(context, (analysis) => {
      const lowercaseKeys = new Map<TSESTree.ObjectExpression, Set<string>>();
      const byLiteral = new Map<TSESTree.Node, HeaderUse[]>();
      for (const use of analysis.headerUses()) {
        // `headers[name.toLowerCase()]`: the key is lowercased at run time, whatever the literal says.
        // Already lowercase: nothing to report (every use of a literal has the literal's name).
        if (use.lowercased || use.name === use.name.toLowerCase()) continue;
        if (use.form === 'data') pushTo(byLiteral, use.nameNode, use);
        else if (use.form === 'member') checkAccess(context, use.access!);
        else {
          const map = use.entry!.map;
          if (!lowercaseKeys.has(map)) lowercaseKeys.set(map, lowercaseKeysOf(map));
          checkEntry(context, use.entry!, lowercaseKeys.get(map)!);
        }
      }
      for (const uses of byLiteral.values()) checkData(context, uses);
    });
  },
});
