import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode, outerParent, unwrap } from '../estree/nodes.js';
import { type FileState, type CallSite } from './state.js';

type Variable = TSESLint.Scope.Variable;

/** `fn`, `const fn = () => {}`, `function fn() {}`, and `wrap(fn)` when `unwrapCalls`. */
const NO_NODES: TSESTree.Node[] = [];

export function resolveFunction(m: FileState, raw: TSESTree.Node, unwrapCalls = false, depth = 0): FunctionNode | undefined {
  if (depth > 5) return undefined;
  const node = unwrap(raw);
  if (isFunctionNode(node)) return node;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = m.bindings.variableOf(node);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type === 'FunctionName' && isFunctionNode(def.node as TSESTree.Node)) return def.node as FunctionNode;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      return resolveFunction(m, def.node.init, unwrapCalls, depth + 1);
    }
    return undefined;
  }
  if (unwrapCalls && node.type === AST_NODE_TYPES.CallExpression) {
    for (const arg of node.arguments) {
      const fn = resolveFunction(m, arg, true, depth + 1);
      if (fn) return fn;
    }
  }
  return undefined;
}

/**
 * The variable a parameter name of `fn` declares: the same answer as `m.bindings.variableOf`,
 * read from the variables `fn` declares instead of searching every scope out to the module's
 * for a reference the name never makes.
 */
export function paramVariable(m: FileState, fn: FunctionNode, param: TSESTree.Identifier): Variable | undefined {
  for (const variable of m.sourceCode.getDeclaredVariables(fn)) if (variable.identifiers.includes(param)) return variable;
  return m.bindings.variableOf(param);
}

/** Calls of a local function by its name. */
export function callSites(m: FileState, fn: FunctionNode): CallSite[] {
  const hit = m.callSitesMemo.get(fn);
  if (hit) return hit;
  const sites: CallSite[] = [];
  let variable: Variable | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) variable = m.bindings.variableOf(fn.id);
  else {
    const { parent } = outerParent(fn);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      variable = m.bindings.variableOf(parent.id);
    }
  }
  if (variable) {
    for (const ref of variable.references) {
      const { node: id, parent } = outerParent(ref.identifier);
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id) sites.push({ call: parent, fn });
    }
  }
  m.callSitesMemo.set(fn, sites);
  return sites;
}

/** Values that a function returns: `return x`, arrow bodies. Nested functions excluded. */
export function returnValues(m: FileState, fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  if (!m.returnsByFunction) {
    m.returnsByFunction = new Map();
    for (const value of m.returns) {
      let owner: TSESTree.Node | undefined = value.parent;
      while (owner && !isFunctionNode(owner)) owner = owner.parent;
      if (!owner) continue;
      const list = m.returnsByFunction.get(owner as FunctionNode);
      if (list) list.push(value);
      else m.returnsByFunction.set(owner as FunctionNode, [value]);
    }
  }
  return m.returnsByFunction.get(fn) ?? NO_NODES;
}
