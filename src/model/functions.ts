import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, findProperty, functionBindingId, isFunctionNode, outerParent, propertyKeyName, unwrap } from '../estree/nodes.js';
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

/** Where a parameter name sits in its function's parameter list. */
interface ParameterSlot {
  fn: FunctionNode;
  index: number;
  /** The key of the object-pattern property that declares it, for `({ status }) => …`. */
  key: string | undefined;
  /** Its default value (`status = 301`), if any. */
  fallback: TSESTree.Node | undefined;
}

/** The slot of a parameter declared directly (`status`, `status = 301`) or one level into an object pattern (`{ status }`, `{ status: s = 301 }`). */
function parameterSlot(fn: FunctionNode, name: TSESTree.Identifier): ParameterSlot | undefined {
  for (let index = 0; index < fn.params.length; index++) {
    const param = fn.params[index]!;
    if (param === name) return { fn, index, key: undefined, fallback: undefined };
    if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name) return { fn, index, key: undefined, fallback: param.right };
    if (param.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const prop of param.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const key = propertyKeyName(prop);
      if (key === undefined) continue;
      if (prop.value === name) return { fn, index, key, fallback: undefined };
      if (prop.value.type === AST_NODE_TYPES.AssignmentPattern && prop.value.left === name) return { fn, index, key, fallback: prop.value.right };
    }
  }
  return undefined;
}

/**
 * `Analysis.parameterArguments` (see ./named-facts.ts). `objectLiteralOf` is the responses
 * module's, handed in so this module stays below it.
 */
export function parameterArguments(m: FileState, raw: TSESTree.Node, objectLiteralOf: (node: TSESTree.Node) => TSESTree.ObjectExpression | undefined): TSESTree.Node[] | undefined {
  const node = unwrap(raw);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = m.bindings.variableOf(node);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Parameter') return undefined;
  if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
  const def = variable.defs[0]!;
  if (!isFunctionNode(def.node as TSESTree.Node)) return undefined;
  const slot = parameterSlot(def.node as FunctionNode, def.name as TSESTree.Identifier);
  if (!slot) return undefined;
  const sites = callSites(m, slot.fn);
  // Called only by its name: handed on anywhere (a callback, an export), other callers pass other values.
  if (sites.length === 0 || sites.length !== readsOfFunction(m, slot.fn)) return undefined;
  const out: TSESTree.Node[] = [];
  let defaulted = false;
  for (const { call } of sites) {
    const args = call.arguments;
    let spread = false;
    for (let i = 0; i <= slot.index && i < args.length; i++) if (args[i]!.type === AST_NODE_TYPES.SpreadElement) spread = true;
    if (spread) continue;
    const arg = args[slot.index];
    if (slot.key === undefined) {
      if (arg) out.push(arg);
      else defaulted = true;
      continue;
    }
    const literal = arg && objectLiteralOf(arg);
    if (!literal) continue;
    if (literal.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) continue;
    const prop = findProperty(literal, slot.key);
    if (prop) out.push(prop.value);
    else defaulted = true;
  }
  if (defaulted && slot.fallback) out.push(slot.fallback);
  return out;
}

/** How many times the name a local function is declared under is read (its calls, and anything else). */
function readsOfFunction(m: FileState, fn: FunctionNode): number {
  const id = functionBindingId(fn);
  const variable = id && m.bindings.variableOf(id);
  if (!variable) return -1;
  let reads = 0;
  for (const ref of variable.references) if (ref.isRead()) reads++;
  return reads;
}
