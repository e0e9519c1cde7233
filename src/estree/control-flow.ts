import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, within } from './nodes.js';

/** Does the statement always leave its function (`return`/`throw`, or a block ending in one)? */
export function alwaysExits(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type === AST_NODE_TYPES.BlockStatement) {
    const last = node.body[node.body.length - 1];
    return !!last && alwaysExits(last);
  }
  return false;
}

/**
 * The statement list (or lone branch) a node sits in: two nodes can both run when one's
 * container holds the other.
 */
export function container(node: TSESTree.Node): TSESTree.Node {
  let child = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.StaticBlock:
        return parent;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) return child;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right) return child;
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        if (child === parent.body) return child;
        break;
      default:
        if (isFunctionNode(parent)) return parent;
    }
    child = parent;
    parent = parent.parent;
  }
  return child;
}

/**
 * Can `inner` (nested in a branch) and `outer` both run on one path? When `outer` comes after
 * `inner` and a branch between them always exits, they cannot.
 */
export function reaches(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  const stop = container(outer);
  if (!within(inner, stop)) return false;
  if (outer.range[0] < inner.range[0]) return true;
  for (let n: TSESTree.Node | undefined = inner.parent; n && n !== stop; n = n.parent) {
    if (alwaysExits(n) && !within(outer, n)) return false;
    if (isFunctionNode(n)) return false;
  }
  return true;
}

/** `a` certainly runs whenever `b` does (same statement list or an enclosing one). */
export function alwaysRunsWith(a: TSESTree.Node, b: TSESTree.Node): boolean {
  return within(b, container(a));
}
