import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression)
  );
}

/** Strips TypeScript-only wrappers and optional chains that do not change the value. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The parent, skipping the wrappers that `unwrap` removes. */
export function outerParent(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let current = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    current = parent;
    parent = current.parent;
  }
  return { node: current, parent };
}

/** `a.b` → 'b', `a['b']` → 'b', `a[0]` → '0', `a[\`b\`]` → 'b'; otherwise undefined. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  return literalKey(node.property);
}

/** The static name of an object-literal or pattern property key. */
export function propertyKeyName(
  node: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  return literalKey(node.key);
}

function literalKey(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value === 'string' || typeof node.value === 'number') return String(node.value);
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Characters a literal cannot hold as they are, and lone surrogates (a file cannot hold those). */
const LITERAL_SPECIAL = /[\\'"`\u0000-\u001f\u007f\u2028\u2029]|\$\{|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/**
 * JavaScript source for a string literal whose value is `text`, in the given quotes (a backtick
 * makes a template literal without expressions). Backslashes, the quote, `${` in a template,
 * line terminators, other control characters and lone surrogates are escaped, so the literal parses and its
 * value is exactly `text`, whatever `text` holds.
 */
export function stringLiteralSource(text: string, quote: "'" | '"' | '`' = "'"): string {
  const body = text.replace(LITERAL_SPECIAL, (c) => {
    if (c === '${') return quote === '`' ? '\\${' : c;
    if (c === quote) return `\\${c}`;
    if (c === "'" || c === '"' || c === '`') return c;
    return NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `${quote}${body}${quote}`;
}

/** The named, non-computed property `name` of an object literal (last one wins, as at run time). */
export function findProperty(node: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const prop of node.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyKeyName(prop) === name) found = prop;
  }
  return found;
}

export function isStringLiteral(node: TSESTree.Node): node is TSESTree.StringLiteral {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

/** Canonical HTTP header spelling: `content-type` → `Content-Type` (what Lambda@Edge fills in). */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('-');
}

/**
 * Properties and methods that strings have and plain objects do not. On a string (such as
 * `request.querystring`) they are correct; on an object (the Include Body `request.body`)
 * they are undefined.
 */
export const STRING_MEMBERS: ReadonlySet<string> = new Set([
  'at',
  'charAt',
  'charCodeAt',
  'codePointAt',
  'concat',
  'endsWith',
  'includes',
  'indexOf',
  'isWellFormed',
  'lastIndexOf',
  'length',
  'localeCompare',
  'match',
  'matchAll',
  'normalize',
  'padEnd',
  'padStart',
  'repeat',
  'replace',
  'replaceAll',
  'search',
  'slice',
  'split',
  'startsWith',
  'substr',
  'substring',
  'toLocaleLowerCase',
  'toLocaleUpperCase',
  'toLowerCase',
  'toString',
  'toUpperCase',
  'toWellFormed',
  'trim',
  'trimEnd',
  'trimLeft',
  'trimRight',
  'trimStart',
]);

/** The expressions a value can come from: both branches of `a ? b : c`, both sides of `a || b`. */
export function valueLeaves(raw: TSESTree.Node, out: TSESTree.Node[] = []): TSESTree.Node[] {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    valueLeaves(node.consequent, out);
    valueLeaves(node.alternate, out);
  } else if (node.type === AST_NODE_TYPES.LogicalExpression) {
    valueLeaves(node.left, out);
    valueLeaves(node.right, out);
  } else out.push(node);
  return out;
}

/** `undefined`, `null` or `void x`: a value that means "no value" (the property is as good as absent). */
export function isAbsentValue(value: TSESTree.Node | undefined): boolean {
  if (!value) return true;
  const v = unwrap(value);
  if (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') return true;
  if (v.type === AST_NODE_TYPES.UnaryExpression && v.operator === 'void') return true;
  return v.type === AST_NODE_TYPES.Literal && v.value === null && !('regex' in v);
}
