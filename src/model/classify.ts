import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode, memberName, unwrap, within } from '../estree/nodes.js';
import { type Kind, ownerHeaderKind, transition, patternPath, applyPath } from './kinds.js';
import { type FileState } from './state.js';
import { typeKindOf } from './aws-types.js';
import { callSites, resolveFunction, returnValues } from './functions.js';

type Variable = TSESLint.Scope.Variable;

export function classify(m: FileState, raw: TSESTree.Node): Kind | undefined {
  const node = unwrap(raw);
  const memo = m.kindMemo.get(node);
  if (memo !== undefined) return memo ?? undefined;
  // A call can lead back to itself through what the function returns (`f() { return f(); }`);
  // every other node classifies its children or a variable, which has its own guard.
  if (node.type === AST_NODE_TYPES.CallExpression) m.kindMemo.set(node, null);
  const kind = classifyUncached(m, node);
  m.kindMemo.set(node, kind ?? null);
  return kind;
}

export function classifyUncached(m: FileState, node: TSESTree.Node): Kind | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = m.bindings.variableOf(node);
      return variable ? classifyVariable(m, variable) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const base = classify(m, node.object);
      return base ? transition(base, memberName(node), node.computed) : undefined;
    }
    case AST_NODE_TYPES.AwaitExpression:
      return classify(m, node.argument);
    case AST_NODE_TYPES.ConditionalExpression: {
      const a = classify(m, node.consequent);
      return a && a === classify(m, node.alternate) ? a : undefined;
    }
    case AST_NODE_TYPES.LogicalExpression:
      // `a && b` is `b` whenever it is an object (`records && records.cf && records.cf.response`);
      // `a || b` and `a ?? b` are `a` when it is one.
      if (node.operator === '&&') return classify(m, node.right);
      return classify(m, node.left) ?? classify(m, node.right);
    case AST_NODE_TYPES.CallExpression: {
      const fn = resolveFunction(m, node.callee);
      if (!fn || m.handlersByNode.has(fn)) return undefined;
      const values = returnValues(m, fn);
      for (let i = 0; i < values.length; i++) {
        const kind = classify(m, values[i]!);
        if (kind) return kind;
      }
      return undefined;
    }
    case AST_NODE_TYPES.ObjectExpression:
      if (m.responses.has(node)) return 'generated';
      if (m.headerMaps.has(node)) return ownerHeaderKind(m.headerMaps.get(node)!);
      return undefined;
    default:
      return undefined;
  }
}

export function classifyVariable(m: FileState, variable: Variable): Kind | undefined {
  const memo = m.varMemo.get(variable);
  if (memo !== undefined) return memo ?? undefined;
  m.varMemo.set(variable, null);
  const kind = classifyVariableUncached(m, variable);
  m.varMemo.set(variable, kind ?? null);
  return kind;
}

export function classifyVariableUncached(m: FileState, variable: Variable): Kind | undefined {
  if (m.responseVars.has(variable)) return 'generated';
  const owner = m.headerMapVars.get(variable);
  if (owner) return ownerHeaderKind(owner);
  // Indexed loops, not for-of: these functions are optimised in the first files of a run, and
  // TurboFan compiles a for-of body inside the try block that closes its iterator.
  const handlers = m.handlers;
  for (let i = 0; i < handlers.length; i++) if (handlers[i]!.callback === variable) return 'callback';
  const defs = variable.defs;
  for (let d = 0; d < defs.length; d++) {
    const def = defs[d]!;
    if (def.type === 'Parameter') {
      const fn = def.node as TSESTree.Node;
      if (!isFunctionNode(fn)) continue;
      const index = paramIndexOf(fn, def.name);
      if (index < 0) continue;
      const root = fn.params[index]!;
      const typed = typeKindOf(m, def.name);
      if (typed && typed !== 'request-handler' && typed !== 'response-handler') return typed;
      const base = classifyParam(m, fn, index);
      const kind = base && applyPath(base, patternPath(def.name, root));
      if (kind) return kind;
    } else if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const typed = typeKindOf(m, def.name);
      if (typed && typed !== 'request-handler' && typed !== 'response-handler') return typed;
      if (declarator.init) {
        const base = classify(m, declarator.init);
        const kind = base && applyPath(base, patternPath(def.name, declarator.id));
        if (kind) return declarator.id === def.name ? withLaterWrites(m, variable, declarator, kind) : kind;
      }
      if (declarator.id === def.name) {
        // `let request; request = event.Records[0].cf.request;`
        const kind = laterWriteKind(m, variable, declarator, undefined);
        if (kind) return kind;
      }
    }
  }
  return undefined;
}

/** The event's envelope: what a handler unwraps to reach the request or the response. */
const ENVELOPE: ReadonlySet<Kind> = new Set(['event', 'records', 'record', 'cf']);

/** The kind of the first later assignment to the variable that classifies as something other than `except`. */
function laterWriteKind(m: FileState, variable: Variable, declarator: TSESTree.VariableDeclarator, except: Kind | undefined): Kind | undefined {
  const references = variable.references;
  for (let r = 0; r < references.length; r++) {
    const ref = references[r]!;
    if (ref.writeExpr && ref.writeExpr !== declarator.init && !isLoopTarget(ref.identifier)) {
      const kind = classify(m, ref.writeExpr);
      if (kind && kind !== except) return kind;
    }
  }
  return undefined;
}

/**
 * A `let` whose later assignments give it another kind holds either on some path:
 * `let request = event; if (event.Records) request = event.Records[0].cf.request;` unwraps the
 * envelope, and the later kind is what the code works with. Any other mix keeps the first kind
 * (`let response = cf.response; …; response = { status: '500' }`: the received response until
 * the code replaces it).
 */
function withLaterWrites(m: FileState, variable: Variable, declarator: TSESTree.VariableDeclarator, kind: Kind): Kind {
  if (!ENVELOPE.has(kind) || (declarator.parent as TSESTree.VariableDeclaration).kind === 'const') return kind;
  const later = laterWriteKind(m, variable, declarator, kind);
  return later && !ENVELOPE.has(later) ? later : kind;
}

/** Which parameter of `fn` declares `name` (-1 if none). */
function paramIndexOf(fn: FunctionNode, name: TSESTree.Node): number {
  const params = fn.params;
  for (let i = 0; i < params.length; i++) if (within(name, params[i]!)) return i;
  return -1;
}

export function classifyParam(m: FileState, fn: FunctionNode, index: number): Kind | undefined {
  const handler = m.handlersByNode.get(fn);
  if (handler) return index === 0 ? 'event' : undefined;
  const sites = callSites(m, fn);
  for (let i = 0; i < sites.length; i++) {
    const arg = sites[i]!.call.arguments[index];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
    const kind = classify(m, arg);
    if (kind) return kind;
  }
  return undefined;
}

/**
 * `for (const name in headers)`, `for (name of list)`: the scope manager records the loop's
 * object as what the variable is written with, but the variable holds a key or an element.
 */
function isLoopTarget(id: TSESTree.Node): boolean {
  let current: TSESTree.Node = id;
  for (let up = id.parent; up; current = up, up = up.parent) {
    if (up.type === AST_NODE_TYPES.ForInStatement || up.type === AST_NODE_TYPES.ForOfStatement) return up.left === current;
    if (
      up.type !== AST_NODE_TYPES.VariableDeclarator &&
      up.type !== AST_NODE_TYPES.VariableDeclaration &&
      up.type !== AST_NODE_TYPES.ArrayPattern &&
      up.type !== AST_NODE_TYPES.ObjectPattern &&
      up.type !== AST_NODE_TYPES.Property &&
      up.type !== AST_NODE_TYPES.AssignmentPattern &&
      up.type !== AST_NODE_TYPES.RestElement
    ) {
      return false;
    }
  }
  return false;
}
