/**
 * Generic ESTree helpers: no Lambda@Edge knowledge lives here.
 */
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

/**
 * The identifier a function is bound to: `function f() {}`, or `const f = () => {}` (the
 * declarator's init itself); undefined for any other function.
 */
export function functionBindingId(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : undefined;
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

/** The named, non-computed property `name` of an object literal (last one wins, as at run time). */
export function findProperty(node: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const prop of node.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyKeyName(prop) === name) found = prop;
  }
  return found;
}

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

/** A string literal or a template without expressions: its text. */
export function literalString(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A string literal or a template without expressions, as written (so a fix may replace it). */
export function isPlainString(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0)
  );
}

/** The innermost function that contains `node` (not `node` itself), if any. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Is `node` inside `ancestor` (or the same node)? By source range. */
export function within(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/** The property of an object pattern with the static key `key`. */
export function findPatternKey(pattern: TSESTree.ObjectPattern, key: string): TSESTree.Property | undefined {
  for (const prop of pattern.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyKeyName(prop) === key) return prop;
  }
  return undefined;
}

/** `obj.name(...)` where `obj` is the identifier `object`: `Object.assign(...)`, `JSON.parse(...)`. */
export function isStaticCall(node: TSESTree.Node, object: string, name: string): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(node.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === object &&
    memberName(callee) === name
  );
}

/**
 * Is `fn` a property of an object literal (or of one nested in it) passed to a call or `new`,
 * or held in an array literal: `createLogger({ serializers: { event: (e) => … } })`,
 * `new Server({ onRequest(req) { … } })`, a dispatch table `[{ matches: (evt) => …, module }]`?
 * Such a function is called by whatever receives the object or reads the table.
 */
export function isOptionsObjectMember(fn: FunctionNode): boolean {
  let { node, parent } = outerParent(fn);
  let inObject = false;
  while (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    inObject = true;
    ({ node, parent } = outerParent(parent.parent));
  }
  if (!inObject) return false;
  if (parent?.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return false;
  return parent.arguments.some((arg) => arg === node);
}
