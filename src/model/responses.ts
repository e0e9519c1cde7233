import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent, propertyKeyName, unwrap } from '../estree/nodes.js';
import { type EventTypes, RESPONSE_EVENTS, onlyIn, union } from '../facts/event-types.js';
import { type Kind } from './kinds.js';
import { type Handler, type ResponseProperty, type GeneratedResponse } from './types.js';
import { type FileState } from './state.js';
import { classify } from './classify.js';
import { resolveFunction, returnValues } from './functions.js';
import { addHeaderMap } from './header-maps.js';
import { eventTypesAt } from './narrowing.js';

type Variable = TSESLint.Scope.Variable;

export function resultsOf(m: FileState, handler: Handler): TSESTree.Node[] {
  const returned = returnValues(m, handler.node);
  const results: TSESTree.Node[] = [...returned];
  for (const value of returned) results.push(...promiseResolutions(m, value));
  if (handler.callback) {
    for (const ref of handler.callback.references) {
      const { node: id, parent } = outerParent(ref.identifier);
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id && parent.arguments[1] && !certainlyAnError(m, parent.arguments[0])) {
        results.push(parent.arguments[1]);
      }
    }
  }
  return results;
}

/**
 * `return new Promise((resolve) => { …; resolve(request); })`: the values the executor's
 * `resolve` is called with are what the handler's promise settles with (`reject`'s are not).
 */
function promiseResolutions(m: FileState, raw: TSESTree.Node): TSESTree.Node[] {
  const node = unwrap(raw);
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return [];
  if (!m.bindings.isGlobal(node.callee)) return [];
  const executor = node.arguments[0];
  if (!executor || (executor.type !== AST_NODE_TYPES.ArrowFunctionExpression && executor.type !== AST_NODE_TYPES.FunctionExpression)) return [];
  const resolve = executor.params[0];
  if (resolve?.type !== AST_NODE_TYPES.Identifier) return [];
  const values: TSESTree.Node[] = [];
  for (const read of m.bindings.readsOf(resolve)) {
    const { node: callee, parent } = outerParent(read);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === callee && parent.arguments[0] && parent.arguments[0].type !== AST_NODE_TYPES.SpreadElement) {
      values.push(parent.arguments[0]);
    }
  }
  return values;
}

/**
 * `callback(err, …)` inside `catch (err)`, `callback(new Error(…), …)`, `callback('failed', …)`:
 * with an error Lambda reports the invocation as failed and drops the second argument, so it is
 * never a result CloudFront sees.
 */
function certainlyAnError(m: FileState, raw: TSESTree.Node | undefined): boolean {
  if (!raw) return false;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.NewExpression) return true;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = m.bindings.variableOf(node)?.defs[0];
  return def?.type === 'CatchClause';
}

export function traceResults(m: FileState, handler: Handler): void {
  for (const result of handler.results) {
    const types = eventTypesAt(m, result);
    for (const obj of resultSources(m, result)) considerResult(m, obj, types, handler);
  }
}

type Source = { obj: TSESTree.ObjectExpression; vars: Variable[] };
const NO_VARS: Variable[] = [];
const sourceMemos = new WeakMap<FileState, Map<TSESTree.Node, Source[]>>();

/**
 * `sources(m, result, new Set(), 0)` of a handler's result, memoised per result: the responses
 * phase and the responses view ask for the same results, and what flows into a node (bindings,
 * return values, the handlers) does not change once the handlers are known. Do not mutate.
 */
export function resultSources(m: FileState, result: TSESTree.Node): readonly Source[] {
  let memo = sourceMemos.get(m);
  if (!memo) sourceMemos.set(m, (memo = new Map()));
  let found = memo.get(result);
  if (!found) memo.set(result, (found = sources(m, result, new Set(), 0)));
  return found;
}

/** Object literals (with the variables holding them, innermost first) that can flow into `node`. */
export function sources(m: FileState, raw: TSESTree.Node, seen: Set<TSESTree.Node | Variable>, depth: number): Source[] {
  const out: Source[] = [];
  collectSources(m, raw, seen, depth, out, NO_VARS);
  return out;
}

/**
 * The walk behind `sources`, in the same order, into one list: `held` are the variables passed
 * through on the way down (outermost first); a literal found gets them innermost first.
 */
function collectSources(m: FileState, raw: TSESTree.Node, seen: Set<TSESTree.Node | Variable>, depth: number, out: Source[], held: Variable[]): void {
  if (depth > 12) return;
  const node = unwrap(raw);
  if (seen.has(node)) return;
  seen.add(node);
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
      out.push({ obj: node, vars: held.length === 0 ? [] : held.slice().reverse() });
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      collectSources(m, node.consequent, seen, depth + 1, out, held);
      return collectSources(m, node.alternate, seen, depth + 1, out, held);
    case AST_NODE_TYPES.LogicalExpression:
      collectSources(m, node.left, seen, depth + 1, out, held);
      return collectSources(m, node.right, seen, depth + 1, out, held);
    case AST_NODE_TYPES.SequenceExpression:
      return collectSources(m, node.expressions[node.expressions.length - 1]!, seen, depth + 1, out, held);
    case AST_NODE_TYPES.AwaitExpression:
      return collectSources(m, node.argument, seen, depth + 1, out, held);
    case AST_NODE_TYPES.Identifier: {
      const variable = m.bindings.variableOf(node);
      if (!variable || seen.has(variable)) return;
      seen.add(variable);
      let inner: Variable[] | undefined;
      for (const ref of variable.references) {
        if (ref.writeExpr) collectSources(m, ref.writeExpr, seen, depth + 1, out, (inner ??= [...held, variable]));
      }
      return;
    }
    case AST_NODE_TYPES.CallExpression:
      return callSources(m, node, seen, depth, out, held);
    default:
      return;
  }
}

function callSources(m: FileState, node: TSESTree.CallExpression, seen: Set<TSESTree.Node | Variable>, depth: number, out: Source[], held: Variable[]): void {
  const callee = unwrap(node.callee);
  // Promise.resolve(x)
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(callee) === 'resolve' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    node.arguments[0]
  ) {
    return collectSources(m, node.arguments[0], seen, depth + 1, out, held);
  }
  let fn;
  // somePromise.then((x) => response)
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' && node.arguments[0]) {
    fn = resolveFunction(m, node.arguments[0]);
    if (!fn) return;
  } else {
    fn = resolveFunction(m, node.callee);
    if (!fn || m.handlersByNode.has(fn)) return;
  }
  for (const value of returnValues(m, fn)) collectSources(m, value, seen, depth + 1, out, held);
}

export function considerResult(
  m: FileState,
  source: { obj: TSESTree.ObjectExpression; vars: Variable[] },
  types: EventTypes,
  handler: Handler | undefined,
): void {
  const { obj, vars } = source;
  const existing = m.responses.get(obj);
  if (existing) {
    existing.eventTypes = union(existing.eventTypes, types);
    for (const v of vars) m.responseVars.set(v, existing);
    return;
  }
  if (!looksLikeResponse(m, obj, vars, handler, types)) return;
  const response = addResponse(m, obj, types, false);
  if (response) for (const v of vars) m.responseVars.set(v, response);
}

const REQUEST_FIELDS = ['uri', 'method', 'clientIp', 'querystring', 'origin'];
const RESPONSE_ONLY_FIELDS = ['status', 'statusDescription', 'bodyEncoding'];

export function looksLikeResponse(
  m: FileState,
  obj: TSESTree.ObjectExpression,
  vars: Variable[],
  handler: Handler | undefined,
  types: EventTypes,
): boolean {
  const props = effectiveProperties(m, obj, new Set());
  if (props.names.has('statusCode')) return false; // API Gateway / CloudFront Functions shape
  if (props.spreads.some((k) => k === 'request')) return false;
  for (const name of REQUEST_FIELDS) if (props.names.has(name)) return false;
  for (const name of RESPONSE_ONLY_FIELDS) if (props.names.has(name)) return true;
  if (props.spreads.some((k) => k === 'response' || k === 'generated')) return true;
  // Properties assigned later through a variable: `res.status = '200'`.
  for (const v of vars) {
    for (const ref of v.references) {
      const { node: id, parent } = outerParent(ref.identifier);
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === id &&
        memberName(parent) === 'status' &&
        outerParent(parent).parent?.type === AST_NODE_TYPES.AssignmentExpression
      ) {
        return true;
      }
    }
  }
  return !!handler && onlyIn(types, RESPONSE_EVENTS) && (props.names.has('headers') || props.names.has('body'));
}

/** Property names of an object literal including spread-in literals, and the kinds it spreads. */
export function effectiveProperties(
  m: FileState,
  obj: TSESTree.ObjectExpression,
  seen: Set<TSESTree.Node>,
): { names: Map<string, ResponseProperty>; spreads: Kind[] } {
  const names = new Map<string, ResponseProperty>();
  const spreads: Kind[] = [];
  if (seen.has(obj)) return { names, spreads };
  seen.add(obj);
  for (const prop of obj.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      const inner = objectLiteralOf(m, prop.argument);
      if (inner) {
        const nested = effectiveProperties(m, inner, seen);
        for (const [k, v] of nested.names) names.set(k, { ...v, own: false });
        spreads.push(...nested.spreads);
      } else {
        const kind = classify(m, prop.argument);
        if (kind) spreads.push(kind);
      }
      continue;
    }
    const key = propertyKeyName(prop);
    if (key !== undefined) names.set(key, { property: prop, value: prop.value, own: true });
  }
  return { names, spreads };
}

/** The object literal an expression is, or a `const` holding one. */
export function objectLiteralOf(m: FileState, raw: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const target = m.bindings.resolveConst(node);
    if (target) {
      const inner = unwrap(target);
      if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
    }
  }
  return undefined;
}

export function addResponse(m: FileState, obj: TSESTree.ObjectExpression, types: EventTypes, typed: boolean): GeneratedResponse | undefined {
  const existing = m.responses.get(obj);
  if (existing) return existing;
  if (typed && effectiveProperties(m, obj, new Set()).names.has('uri')) return undefined;
  const properties = effectiveProperties(m, obj, new Set()).names;
  const response: GeneratedResponse = { node: obj, eventTypes: types, properties, writes: [], headerMaps: [] };
  m.responses.set(obj, response);
  // Variables that hold this literal directly.
  const { parent } = outerParent(obj);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const v = m.bindings.variableOf(parent.id);
    if (v) m.responseVars.set(v, response);
  }
  const headers = properties.get('headers');
  if (headers) addHeaderMap(m, headers.value, 'generated', response);
  return response;
}

/** In helper modules of edge code: literals shaped like a Lambda@Edge response. */
export function findShapedResponses(m: FileState): void {
  for (const fn of m.functions) {
    for (const value of returnValues(m, fn)) {
      for (const { obj, vars } of sources(m, value, new Set(), 0)) {
        const props = effectiveProperties(m, obj, new Set()).names;
        if (props.has('status') && !props.has('statusCode') && (props.has('headers') || props.has('body') || props.has('statusDescription'))) {
          const response = addResponse(m, obj, eventTypesAt(m, obj), false);
          if (response) for (const v of vars) m.responseVars.set(v, response);
        }
      }
    }
  }
}
