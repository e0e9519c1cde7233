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
