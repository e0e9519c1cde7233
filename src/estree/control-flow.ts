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

/**
 * Is `node` (inside the function `fn`) on a path with no condition at all up to `fn`, so that
 * it runs whenever `fn` gets that far? A branch, a `switch` case, a `catch`, a nested function
 * or an earlier `if` that may leave `fn` makes it conditional.
 */
export function unconditionalIn(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && child !== fn; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right) return false;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        return false;
      case AST_NODE_TYPES.BlockStatement: {
        const index = current.body.indexOf(child as TSESTree.Statement);
        for (let i = 0; i < index; i++) {
          const stmt = current.body[i]!;
          if (stmt.type === AST_NODE_TYPES.IfStatement && (alwaysExits(stmt.consequent) || (stmt.alternate && alwaysExits(stmt.alternate)))) {
            return false;
          }
        }
        break;
      }
      default:
        if (isFunctionNode(current) && current !== fn) return false;
    }
  }
  return true;
}

/**
 * Certainly never reaches its end normally: a `return` or `throw`, a block holding one, an
 * `if`/`else` whose arms both never do, a `try` whose block and `catch` never do. Labels,
 * loops and `switch` are not looked into (a `break` may leave them), so `false` means "may".
 */
export function neverCompletes(node: TSESTree.Statement): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      for (const statement of node.body) if (neverCompletes(statement)) return true;
      return false;
    case AST_NODE_TYPES.IfStatement:
      return !!node.alternate && neverCompletes(node.consequent) && neverCompletes(node.alternate);
    case AST_NODE_TYPES.TryStatement:
      return neverCompletes(node.block) && (!node.handler || neverCompletes(node.handler.body));
    default:
      return false;
  }
}

/**
 * Does `test` hold for every `return` of the function whose body is `body` (its own: nested
 * functions are expressions, and only statements are looked into)?
 */
export function everyOwnReturn(body: TSESTree.Statement, test: (node: TSESTree.ReturnStatement) => boolean): boolean {
  switch (body.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return test(body);
    case AST_NODE_TYPES.BlockStatement:
      for (const statement of body.body) if (!everyOwnReturn(statement, test)) return false;
      return true;
    case AST_NODE_TYPES.IfStatement:
      return everyOwnReturn(body.consequent, test) && (!body.alternate || everyOwnReturn(body.alternate, test));
    case AST_NODE_TYPES.TryStatement:
      return (
        everyOwnReturn(body.block, test) &&
        (!body.handler || everyOwnReturn(body.handler.body, test)) &&
        (!body.finalizer || everyOwnReturn(body.finalizer, test))
      );
    case AST_NODE_TYPES.SwitchStatement:
      for (const c of body.cases) for (const statement of c.consequent) if (!everyOwnReturn(statement, test)) return false;
      return true;
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      return everyOwnReturn(body.body, test);
    default:
      // Expressions, declarations, jumps: no statement of this function below them.
      return true;
  }
}
