import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Analysis, HEADER_KINDS, type HeaderEntry, type MemberAccess } from '../src/analysis.js';
import { canonicalHeaderName, findProperty, memberName, outerParent, propertyKeyName, stringLiteralSource, unwrap, within } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type Options = [{ checkKeyMatchesName?: boolean }];
type MessageIds =
  | 'notAnArray'
  | 'valueObjectNotInArray'
  | 'emptyArray'
  | 'entryNotObject'
  | 'entryWithoutValue'
  | 'nonStringField'
  | 'keyMismatch'
  | 'mapNotObject'
  | 'controlCharacter'
  | 'wrapInEntry'
  | 'wrapInArray';

/** What a statically obvious non-string expression is, for messages; undefined when unknown. */
function obviousType(raw: TSESTree.Node): string | undefined {
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (node.value === null && !('regex' in node && node.regex)) return 'null';
      if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'a number';
      if (typeof node.value === 'boolean') return 'a boolean';
      if (typeof node.value === 'string') return 'a string';
      return 'a regular expression';
    case AST_NODE_TYPES.TemplateLiteral:
      return 'a string';
    case AST_NODE_TYPES.ObjectExpression:
      return 'an object';
    case AST_NODE_TYPES.ArrayExpression:
      return 'an array';
    case AST_NODE_TYPES.Identifier:
      return node.name === 'undefined' ? 'undefined' : undefined;
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator === 'void') return 'undefined';
      if (node.operator === '!') return 'a boolean';
      if ((node.operator === '-' || node.operator === '+') && node.argument.type === AST_NODE_TYPES.Literal) return 'a number';
      return undefined;
    default:
      return undefined;
  }
}

export default createRule<Options, MessageIds>({
  name: 'valid-header-shape',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Lambda@Edge header map values to be arrays of `{ key, value }` objects with string fields',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    defaultOptions: [{ checkKeyMatchesName: false }],
    schema: [
      {
        type: 'object',
        properties: {
          checkKeyMatchesName: {
            type: 'boolean',
            description:
              "Also report an entry whose `key` names a different header than the map key (compared case-insensitively). Off by default: AWS documents nothing about a mismatch and one AWS sample creates one.",
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notAnArray:
        "Header '{{ name }}' is {{ type }}, but each Lambda@Edge header map value must be an array of `{ key, value }` objects; CloudFront rejects the result with a 502 (Lambda validation error). Write `[{ key: '{{ canonical }}', value: '...' }]`.",
      valueObjectNotInArray:
        "Header '{{ name }}' is a single `{ value }` object (the CloudFront Functions shape); Lambda@Edge needs an array of them, `[{ key, value }]`, or CloudFront answers 502 (\"Each header entry in the headers object must be an array\").",
      emptyArray:
        "Header '{{ name }}' is an empty array; give it at least one `{ key, value }` entry, or leave the header out (delete it) to send none.",
      entryNotObject:
        "Entries of header '{{ name }}' must be `{ key, value }` objects, not {{ type }}; CloudFront rejects the result with a 502 (Lambda validation error).",
      entryWithoutValue:
        "An entry of header '{{ name }}' has no `value`; every `{ key, value }` entry needs a string `value`, or CloudFront rejects the result with a 502.",
      nonStringField:
        "The `{{ field }}` of header '{{ name }}' is {{ type }}; Lambda@Edge needs a string (\"the value of each header value must be of string … type\"), so CloudFront answers 502. Convert it with String(...) or a template literal.",
      keyMismatch:
        "The entry's `key` '{{ key }}' names a different header than the map key '{{ name }}'; use the map key's header name (or omit `key` and let Lambda@Edge fill it in).",
      mapNotObject:
        'A Lambda@Edge `headers` value is an object keyed by lowercase header name (`{ "content-type": [{ key, value }] }`), not {{ type }}; CloudFront rejects the result with a 502.',
      controlCharacter:
        "The `value` of header '{{ name }}' holds {{ what }}: a header value may not contain line breaks or other control characters, and CloudFront rejects the result with a 502 (\"invalid character … in header value\"). Remove it; text that belongs in a URL (a `location`) is percent-encoded ({{ encoded }}).",
      wrapInEntry: 'Wrap it as `[{ key: {{ canonical }}, value: ... }]`.',
      wrapInArray: 'Wrap the object in an array.',
    },
  },
  defaultOptions: [{ checkKeyMatchesName: false }],
  create(context, [{ checkKeyMatchesName = false }]) {
    return onAnalysis(context, (analysis) => {
      const state: Checks = { context, analysis, checkKeyMatchesName };
      for (const entry of analysis.headerEntries) if (!entryFilledLater(context, analysis, entry)) checkValue(state, entry.value, entry.name);
      for (const access of analysis.accesses) {
        if (access.op !== 'write' || !access.value) continue;
        if (HEADER_KINDS.has(access.objectKind)) {
          if (!filledLater(context, analysis, access)) checkValue(state, access.value, access.name);
        } else if (
          access.name === 'headers' &&
          (access.objectKind === 'request' || access.objectKind === 'response' || access.objectKind === 'generated')
        ) {
          checkMap(context, access.value);
        }
      }
      for (const response of analysis.responses) {
        const headers = response.properties.get('headers');
        if (headers?.own) checkMap(context, headers.value);
      }
    });
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

interface Checks {
  context: Context;
  analysis: Analysis;
  checkKeyMatchesName: boolean;
}

/** `<entry>.push(…)` or `<entry>.unshift(…)`: a call that adds to the array (`<entry>[0].value = …` does not). */
function addsTo(entry: TSESTree.Node): boolean {
  const { node, parent } = outerParent(entry);
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
  const method = memberName(parent);
  const call = outerParent(parent);
  return (method === 'push' || method === 'unshift') && call.parent?.type === AST_NODE_TYPES.CallExpression && call.parent.callee === call.node;
}

/**
 * `headers[name] = []` followed by `headers[name].push({ key, value })` (the same map, and the
 * same key as written, or the same name in another case: `headers['Cache-Control'] = []` then
 * `headers['cache-control'].push(…)` means one header, and lowercase-header-keys reports the
 * mixed-case key): the array is filled before the map is handed back, so it is not reported empty.
 */
function filledLater(context: Context, analysis: Analysis, write: MemberAccess): boolean {
  const value = write.value && unwrap(write.value);
  if (value?.type !== AST_NODE_TYPES.ArrayExpression || value.elements.length > 0) return false;
  if (write.node.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (writtenWhenAbsent(context, write.node)) return true;
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  return pushedOnto(context, analysis, { object: text(write.node.object), name: write.name, key: text(write.keyNode), after: write.node.range[1] });
}

/**
 * `const headers = { ...response.headers, [name]: [] }` followed by `headers[name].push(…)`:
 * the literal's empty entry is filled the same way before the map is handed back.
 */
function entryFilledLater(context: Context, analysis: Analysis, entry: HeaderEntry): boolean {
  const value = unwrap(entry.value);
  if (value.type !== AST_NODE_TYPES.ArrayExpression || value.elements.length > 0) return false;
  const holder = holderOf(context, entry.map);
  if (!holder) return false;
  const key = entry.property.computed ? context.sourceCode.getText(entry.property.key) : undefined;
  return pushedOnto(context, analysis, { object: holder.text, name: entry.name, key, after: holder.end });
}

/**
 * The name code reaches a header-map literal by, and where the statement that stores it ends:
 * `const headers = {…}` (`headers`), `const out = { headers: {…} }` or `out = { headers: {…} }`
 * (`out.headers`).
 */
function holderOf(context: Context, map: TSESTree.ObjectExpression): { text: string; end: number } | undefined {
  const stored = (node: TSESTree.Node): { text: string; end: number } | undefined => {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) return { text: parent.id.name, end: parent.range[1] };
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && parent.operator === '=') return { text: context.sourceCode.getText(parent.left), end: parent.range[1] };
    return undefined;
  };
  const direct = stored(map);
  if (direct) return direct;
  const prop = map.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.value !== map || propertyKeyName(prop) !== 'headers') return undefined;
  const outer = stored(prop.parent as TSESTree.Node);
  return outer && { text: `${outer.text}.headers`, end: outer.end };
}

/**
 * Is there a later `<object>[<the same header>].push(…)` (by name, or by the same computed
 * key), or a later call that is handed the list (`addCookies(out.headers['set-cookie'], …)`,
 * a helper that fills it)?
 */
function pushedOnto(context: Context, analysis: Analysis, at: { object: string; name: string | undefined; key: string | undefined; after: number }): boolean {
  const text = (node: TSESTree.Node) => context.sourceCode.getText(node);
  return analysis.accesses.some(
    (later) =>
      later.node.type === AST_NODE_TYPES.MemberExpression &&
      ((later.op === 'modify' && addsTo(later.node)) || (later.op === 'read' && isHandedToCall(later.node))) &&
      later.node.range[0] > at.after &&
      text(later.node.object).replace(/\s+/g, '') === at.object.replace(/\s+/g, '') &&
      (at.name !== undefined ? later.name?.toLowerCase() === at.name.toLowerCase() : at.key !== undefined && text(later.keyNode) === at.key),
  );
}

/** `fill(<member>, …)`: the member is an argument of a call (not its callee). */
function isHandedToCall(member: TSESTree.MemberExpression): boolean {
  const { node, parent } = outerParent(member);
  return (parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(node as TSESTree.Expression);
}

/**
 * `if (!headers[key]) headers[key] = [];` (or `!headers[key] || headers[key].length === 0`): an
 * empty list written only where the header is absent, so that the code after it (or its
 * caller) can push entries onto it.
 */
function writtenWhenAbsent(context: Context, member: TSESTree.MemberExpression): boolean {
  const assignment = member.parent;
  const statement = assignment?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const guard = statement.parent?.type === AST_NODE_TYPES.BlockStatement && statement.parent.body.length === 1 ? statement.parent.parent : statement.parent;
  if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.alternate) return false;
  // `!headers[key]`, also first of an `||` (`!headers[key] || headers[key].length === 0`).
  let test = unwrap(guard.test);
  while (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') test = unwrap(test.left);
  return test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && context.sourceCode.getText(unwrap(test.argument)) === context.sourceCode.getText(member);
}

/** The obvious type of an expression, also through `const` bindings and string concatenation. */
function typeOf(analysis: Analysis, node: TSESTree.Node): string | undefined {
  const obvious = obviousType(node);
  if (obvious) return obvious;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+') {
    const sides = [value.left, value.right];
    return sides.some((side) => typeOf(analysis, side) === 'a string') ? 'a string' : undefined;
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const known = analysis.staticValue(value);
    if (known?.primitive === 'number') return 'a number';
    if (known?.primitive === 'boolean') return 'a boolean';
    if (known?.primitive === 'null') return 'null';
    if (known?.text !== undefined) return 'a string';
  }
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    // A value taken from a literal table or list (`value` of Object.entries({...})): each
    // held value reaches here on some run, so one primitive is enough. A non-string one
    // first (it is wrong for a `value` field too), then a string (wrong for a header value).
    const held = analysis.heldValues(value).map((node) => obviousType(node));
    const primitive = held.find((type) => type === 'a number' || type === 'a boolean' || type === 'null');
    if (primitive) return primitive;
    if (held.includes('a string')) return 'a string';
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    // A `let` or `var` given only strings (`var location; if (a) location = '/a'; else location = '/b'`).
    const written = analysis.bindings.writtenValues(value);
    if (written && written.length > 0 && written.every((node) => obviousType(node) === 'a string')) return 'a string';
  }
  return undefined;
}

/** One `{ key, value }` entry: a `value` is present, both fields are strings, and (optionally) `key` names the header. */
function checkEntryObject({ context, analysis, checkKeyMatchesName }: Checks, entry: TSESTree.ObjectExpression, name: string | undefined): void {
  const label = name ?? '(computed)';
  const hasSpread = entry.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
  const valueProp = findProperty(entry, 'value');
  if (!valueProp && !hasSpread) {
    context.report({ node: entry, messageId: 'entryWithoutValue', data: { name: label } });
  }
  for (const field of ['value', 'key'] as const) {
    const prop = field === 'value' ? valueProp : findProperty(entry, 'key');
    if (!prop) continue;
    const type = typeOf(analysis, prop.value);
    // An undefined `key` is dropped when the result is serialized, and `key` is optional.
    if (type && type !== 'a string' && !(field === 'key' && type === 'undefined')) {
      context.report({ node: prop.value, messageId: 'nonStringField', data: { field, name: label, type } });
    }
  }
  if (valueProp) checkControlCharacters(context, analysis, valueProp.value, label);
  if (checkKeyMatchesName && name !== undefined) {
    const keyProp = findProperty(entry, 'key');
    const key = keyProp && analysis.staticValue(keyProp.value)?.text;
    if (keyProp && key !== undefined && key.toLowerCase() !== name.toLowerCase()) {
      context.report({ node: keyProp.value, messageId: 'keyMismatch', data: { key, name } });
    }
  }
}

/** What HTTP allows in a field value besides visible characters, space and tab: no other control character (RFC 9110, section 5.5). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** A control character in the known text of an entry's `value` (`'/next\r\nSet-Cookie: …'`). */
function checkControlCharacters(context: Context, analysis: Analysis, value: TSESTree.Node, name: string): void {
  for (const piece of analysis.staticPieces(value)) {
    const found = CONTROL_CHARACTER.exec(piece.text);
    if (!found) continue;
    const c = found[0];
    const what = c === '\r' ? 'a carriage return (CR)' : c === '\n' ? 'a line feed (LF)' : `the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const own = piece.node.type === AST_NODE_TYPES.Literal && within(piece.node, value);
    context.report({ node: own ? piece.node : value, messageId: 'controlCharacter', data: { name, what, encoded: encodeURIComponent(c) } });
    return;
  }
}

/** Checks one header map value: `'content-type': <value>` or `headers['content-type'] = <value>`. */
function checkValue(state: Checks, raw: TSESTree.Node, name: string | undefined): void {
  const value = unwrap(raw);
  if (value.type === AST_NODE_TYPES.ArrayExpression) checkEntryArray(state, value, name);
  else if (value.type === AST_NODE_TYPES.ObjectExpression) checkObjectValue(state.context, raw, value, name);
  else checkOtherValue(state, raw, value, name);
}

/** `[...]`: not empty, and each entry a `{ key, value }` object. */
function checkEntryArray(state: Checks, value: TSESTree.ArrayExpression, name: string | undefined): void {
  const label = name ?? '(computed)';
  if (value.elements.length === 0) {
    state.context.report({ node: value, messageId: 'emptyArray', data: { name: label } });
    return;
  }
  for (const element of value.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
    const item = unwrap(element);
    if (item.type === AST_NODE_TYPES.ObjectExpression) {
      checkEntryObject(state, item, name);
      continue;
    }
    const type = typeOf(state.analysis, item);
    if (type) state.context.report({ node: element, messageId: 'entryNotObject', data: { name: label, type } });
  }
}

/** `{ value }` not in an array (the CloudFront Functions shape), or another object. */
function checkObjectValue(context: Context, raw: TSESTree.Node, value: TSESTree.ObjectExpression, name: string | undefined): void {
  const label = name ?? '(computed)';
  if (findProperty(value, 'value')) {
    context.report({
      node: value,
      messageId: 'valueObjectNotInArray',
      data: { name: label },
      suggest: [{ messageId: 'wrapInArray', fix: (fixer) => [fixer.insertTextBefore(raw, '['), fixer.insertTextAfter(raw, ']')] }],
    });
  } else {
    context.report({
      node: value,
      messageId: 'notAnArray',
      data: { name: label, type: 'an object', canonical: (name === undefined ? undefined : canonicalHeaderName(name)) ?? 'Header-Name' },
    });
  }
}

/** A string, number or other obvious non-array; a string or number gets a suggestion wrapping it in an entry. */
function checkOtherValue({ context, analysis }: Checks, raw: TSESTree.Node, value: TSESTree.Node, name: string | undefined): void {
  const type = typeOf(analysis, value);
  if (!type || type === 'undefined') return; // undefined is dropped when the result is serialized
  const canonical = name === undefined ? undefined : canonicalHeaderName(name);
  context.report({
    node: value,
    messageId: 'notAnArray',
    data: { name: name ?? '(computed)', type, canonical: canonical ?? 'Header-Name' },
    suggest: type === 'a string' || type === 'a number' ? wrapInEntry(context, raw, value, type, canonical) : null,
  });
}

/** `[{ key: 'Header-Name', value: <text> }]` around a string or number (a number becomes a string). */
function wrapInEntry(
  context: Context,
  raw: TSESTree.Node,
  value: TSESTree.Node,
  type: string,
  canonical: string | undefined,
): TSESLint.ReportSuggestionArray<MessageIds> {
  let text = context.sourceCode.getText(raw);
  if (type === 'a number') {
    const literal = value.type === AST_NODE_TYPES.Literal ? value.value : undefined;
    text = typeof literal === 'number' ? stringLiteralSource(String(literal)) : `String(${text})`;
  }
  const keyText = canonical === undefined ? '' : `key: ${stringLiteralSource(canonical)}, `;
  return [
    {
      messageId: 'wrapInEntry',
      data: { canonical: canonical === undefined ? "'...'" : stringLiteralSource(canonical) },
      fix: (fixer) => fixer.replaceText(raw, `[{ ${keyText}value: ${text} }]`),
    },
  ];
}

/** `headers: [...]`, `headers: 'x'`, `headers: list.map(...)`: the map itself has the wrong shape. */
function checkMap(context: Context, raw: TSESTree.Node): void {
  const value = unwrap(raw);
  let type = obviousType(value);
  if (
    !type &&
    value.type === AST_NODE_TYPES.CallExpression &&
    value.callee.type === AST_NODE_TYPES.MemberExpression &&
    ['map', 'filter', 'flatMap'].includes(memberName(value.callee) ?? '')
  ) {
    type = 'an array';
  }
  if (type && type !== 'an object' && type !== 'undefined') {
    context.report({ node: value, messageId: 'mapNotObject', data: { type } });
  }
}
