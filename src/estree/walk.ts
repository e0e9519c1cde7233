import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Child keys and declarations that only hold TypeScript types: the walk skips them. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeArguments', 'typeParameters', 'superTypeArguments', 'implements']);
const TYPE_ONLY_NODES = new Set<string>([
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSDeclareFunction,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
]);

/**
 * The child keys to walk, per node type: the parser's visitor keys without the ones that only
 * hold types, and none at all for type-only declarations. Computed once per visitor-key set.
 */
const walkKeysCache = new WeakMap<object, Map<string, readonly string[]>>();
export function walkKeysOf(visitorKeys: object): Map<string, readonly string[]> {
  let result = walkKeysCache.get(visitorKeys);
  if (!result) {
    result = new Map();
    for (const [type, keys] of Object.entries(visitorKeys as Record<string, readonly string[] | undefined>)) {
      if (!keys || TYPE_ONLY_NODES.has(type)) continue;
      result.set(type, keys.filter((key) => !TYPE_KEYS.has(key)));
    }
    walkKeysCache.set(visitorKeys, result);
  }
  return result;
}

/**
 * Visits `root` and every value node below it, parents before children and in source order,
 * without recursion (deep code cannot overflow the stack). Type annotations are not visited.
 */
export function walk(root: TSESTree.Node, visitorKeys: object, visit: (node: TSESTree.Node) => void): void {
  const keys = walkKeysOf(visitorKeys);
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const childKeys = keys.get(node.type);
    if (!childKeys) continue;
    for (let i = childKeys.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[childKeys[i]!];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const c = child[j] as TSESTree.Node | null;
          if (c && typeof c.type === 'string') stack.push(c);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/** One step of `SourceCode#traverse()` (ESLint's language API): kind 1 visits a node, phase 1 on entering it, 2 on leaving. */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}

/** What `forEachValueNode` reads of ESLint's SourceCode. */
export interface TraversableSource {
  readonly ast: TSESTree.Program;
  readonly visitorKeys: object;
  traverse?(): Iterable<TraversalStep>;
}

/**
 * Is `node` where `walk` stops: the value of a child key that only holds types
 * (`x: T`, `f<T>()`, `x as T`, `implements I`)? Type nodes are the `TS…` ones; most `TS…`
 * nodes met here are value nodes (`x as T` itself, enums, namespaces) and are not.
 */
function isTypeChild(node: TSESTree.Node): boolean {
  const parent = node.parent as unknown as Record<string, unknown> | undefined;
  if (!parent) return false;
  if (node.type === AST_NODE_TYPES.TSClassImplements) return true;
  for (const key of TYPE_KEYS) if (parent[key] === node) return true;
  return false;
}

/**
 * Visits the same nodes as `walk(sourceCode.ast, …)`, in the same order, from the steps ESLint
 * has already recorded for the file (`SourceCode#traverse()`, computed before any rule's
 * `create`, and cached): no second walk over the tree. Without those steps (another
 * SourceCode), it walks. A node type the visitor keys do not name is visited by ESLint's
 * traversal through all its keys, where `walk` stops at it.
 */
export function forEachValueNode(sourceCode: TraversableSource, visit: (node: TSESTree.Node) => void): void {
  const steps = typeof sourceCode.traverse === 'function' ? sourceCode.traverse() : undefined;
  if (!Array.isArray(steps)) {
    walk(sourceCode.ast, sourceCode.visitorKeys, visit);
    return;
  }
  // The node whose subtree is skipped (types), until the step that leaves it.
  let skipping: unknown;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as TraversalStep;
    if (step.kind !== 1) continue;
    const node = step.target as TSESTree.Node;
    if (skipping !== undefined) {
      if (node === skipping && step.phase === 2) skipping = undefined;
      continue;
    }
    if (step.phase !== 1) continue;
    // Only `TS…` nodes can start a part of the tree that holds types. Both tests run on every
    // `TS…` node and there is one `visit` call: a type-only declaration met for the first time,
    // files after the loop was optimised, then finds the code it needs already seen (a branch
    // never taken before makes V8 throw the optimised loop away).
    if (node.type.charCodeAt(0) === 84 && node.type.charCodeAt(1) === 83) {
      const typeOnly = TYPE_ONLY_NODES.has(node.type);
      if (!typeOnly && isTypeChild(node)) {
        skipping = node;
        continue;
      }
      // A type-only declaration is visited itself (its name is a binding), not its body.
      if (typeOnly) skipping = node;
    }
    visit(node);
  }
}
