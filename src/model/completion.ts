/**
 * The `completion(handler)` view (see `Completion` in ./types.ts): how a handler hands its
 * result to CloudFront on each path. The model follows the handler's own code over the AST
 * (src/estree/path-flow.ts) with the domain of ./completion-flow.ts, on first use and once per
 * handler; files whose rules never ask pay nothing.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { everyOwnReturn, neverCompletes } from '../estree/control-flow.js';
import { type FunctionNode, enclosingFunction, functionBindingId, memberName, unwrap } from '../estree/nodes.js';
import type { PathEnd } from '../estree/path-flow.js';
import { classify } from './classify.js';
import { isMissingEventGuard } from './completion-guards.js';
import { inExclusiveBranches } from './exclusive-branches.js';
import { CompletionFlow, type CompletionState, type HandlerCalls, handlerCalls } from './completion-flow.js';
import { returnValues } from './functions.js';
import type { FileState } from './state.js';
import type { Completion, Handler, RepeatedCallback, UnfinishedPath } from './types.js';

type End = PathEnd<CompletionState>;

const memo = new WeakMap<Handler, Completion>();

export function completion(m: FileState, handler: Handler): Completion {
  let result = memo.get(handler);
  if (!result) {
    result = compute(m, handler);
    memo.set(handler, result);
  }
  return result;
}

function compute(m: FileState, handler: Handler): Completion {
  const calls = handlerCalls(m, handler);
  const callbackCalls = calls.callbackCalls.map((call) => {
    const fn = enclosingFunction(call);
    return { call, late: fn !== undefined && !runsBeforeSettling(m, fn, handler.node, 0) };
  });
  if (handler.node.generator) return { callbackCalls, repeatedCalls: [], unfinished: [] };
  const flow = new CompletionFlow(m, calls);
  return { callbackCalls, repeatedCalls: repeatedCalls(m, flow, calls), unfinished: unfinishedPaths(m, flow, calls) };
}

/** How many helpers deep a call site is followed (`reply` calling `send` calling `callback`). */
const MAX_HELPER_DEPTH = 3;

/**
 * Does code written directly in `fn` run before the async `handler`'s promise settles? Yes for
 * the handler's own body, a step of a chain its body awaits or returns, and a local helper
 * that only the handler calls that way (`const reply = (s) => { …; callback(null, response) }`
 * called as `reply('404')` in the body): the helper's code runs at each of its call sites.
 */
function runsBeforeSettling(m: FileState, fn: FunctionNode, handler: FunctionNode, depth: number): boolean {
  if (fn === handler || isAwaitedStep(fn, handler)) return true;
  if (depth >= MAX_HELPER_DEPTH || fn.async || fn.generator) return false;
  const calls = helperCalls(m, fn);
  return calls !== undefined && calls.every((call) => {
    const at = enclosingFunction(call);
    return at !== undefined && at !== fn && runsBeforeSettling(m, at, handler, depth + 1);
  });
}

/**
 * The calls of a local helper (`function reply() {}`, `const reply = () => {}`, never
 * reassigned), when every use of its name is a call; undefined when it is used any other way
 * (handed to `setTimeout`, stored, exported), or never called.
 */
function helperCalls(m: FileState, fn: FunctionNode): TSESTree.CallExpression[] | undefined {
  const id = functionBindingId(fn);
  if (!id || !m.bindings.neverReassigned(id)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const read of m.bindings.readsOf(id)) {
    const parent = read.parent;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== read) return undefined;
    calls.push(parent);
  }
  return calls.length > 0 ? calls : undefined;
}

const CHAIN_STEPS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** `p.then(…)`, `p.catch(…)`, `p.finally(…)`. */
function isChainStep(node: TSESTree.Node | undefined): node is TSESTree.CallExpression {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(node.callee);
  return name !== undefined && CHAIN_STEPS.has(name);
}

/**
 * Is `fn` an argument of a `.then`/`.catch`/`.finally` whose whole chain `handler`'s own body
 * awaits, returns, or has as its arrow body? The chain settles only after the step has run, and
 * the handler's promise only after the chain.
 */
function isAwaitedStep(fn: FunctionNode, handler: FunctionNode): boolean {
  const step = fn.parent;
  if (!isChainStep(step) || !step.arguments.some((arg) => arg === fn)) return false;
  let node: TSESTree.Node = step;
  for (let up = node.parent; up; node = up, up = up.parent) {
    if (up.type === AST_NODE_TYPES.ChainExpression || up.type === AST_NODE_TYPES.TSNonNullExpression || up.type === AST_NODE_TYPES.TSAsExpression) continue;
    // `.then(fn).catch(…)`: climb to the call the step's result is the receiver of.
    if (up.type === AST_NODE_TYPES.MemberExpression && up.object === node && isChainStep(up.parent) && up.parent.callee === up) {
      up = up.parent;
      continue;
    }
    if (up.type === AST_NODE_TYPES.AwaitExpression || up.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(up) === handler;
    return up === handler && handler.type === AST_NODE_TYPES.ArrowFunctionExpression && handler.body === node;
  }
  return false;
}

/** Each function that calls `callback` is followed on its own: a nested function's calls are not mixed with the handler's paths. */
function repeatedCalls(m: FileState, flow: CompletionFlow, calls: HandlerCalls): RepeatedCallback[] {
  const out: RepeatedCallback[] = [];
  for (const call of calls.callbackCalls) {
    const fn = enclosingFunction(call);
    if (!fn || !flow.ends(fn)) continue;
    let earlier: TSESTree.CallExpression | undefined;
    for (const e of flow.before.get(call) ?? []) {
      if (inExclusiveBranches(m, e, call)) continue;
      if (!earlier || e.range[0] < earlier.range[0]) earlier = e;
    }
    if (earlier) out.push({ call, earlier });
  }
  return out;
}

const isOpen = (end: End): boolean => end.state.paths.has('open');

/** The value a path ends with: the `return` argument or an arrow's expression body. */
function valueOf(end: End): TSESTree.Node | undefined {
  if (!end.node) return undefined;
  return end.node.type === AST_NODE_TYPES.ReturnStatement ? (end.node.argument ?? undefined) : end.node;
}

/** `return;`, `return undefined`, `return void x`: no value at all (`return null` is one, given on purpose). */
function isNoValue(value: TSESTree.Node | undefined): boolean {
  if (!value) return true;
  const v = unwrap(value);
  return (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') || (v.type === AST_NODE_TYPES.UnaryExpression && v.operator === 'void');
}

/** An end that hands back nothing: falling off, `return;`, `return undefined`. */
function endWithoutValue(m: FileState, fn: FunctionNode, end: End): UnfinishedPath | undefined {
  if (!end.node) return { how: 'falls-off', fn, node: fn };
  if (isNoValue(valueOf(end)) && !isMissingEventGuard(m, end.node)) return { how: 'returns-nothing', fn, node: end.node };
  return undefined;
}

function unfinishedPaths(m: FileState, flow: CompletionFlow, calls: HandlerCalls): UnfinishedPath[] {
  const { handler } = calls;
  const fn = handler.node;
  if (calls.callbackEscapes) return [];
  if (handler.isAsync) {
    // A handler that never returns a value may be a step a wrapper calls, not Lambda's entry
    // point, unless it finishes by calling back in its own body: then a path that neither
    // calls back nor returns a value (a `catch` that only logs) resolves to undefined first.
    if (!returnValues(m, fn).some((value) => !isNoValue(value)) && !callsBackInOwnBody(calls)) return [];
    if (!mayEndWithoutValue(fn)) return [];
    return collect(flow.ends(fn) ?? [], (end) => (isOpen(end) ? endWithoutValue(m, fn, end) : undefined));
  }
  if (!handler.callback || handler.callback.references.length === 0) {
    // A third parameter that is a pattern may be anything.
    if (!handler.callback && fn.params.length >= 3) return [];
    if (fn.body.type === AST_NODE_TYPES.BlockStatement && everyOwnReturn(fn.body, (r) => !r.argument || !mayBeNotPromise(r.argument))) return [];
    return collect(flow.ends(fn) ?? [], (end) => ignoredValue(m, fn, end));
  }
  return calls.contextEscapes ? [] : callbackStylePaths(m, flow, fn);
}

/** Does the handler call back, and only in its own body (not in a nested function, not handed on)? */
function callsBackInOwnBody(calls: HandlerCalls): boolean {
  if (calls.callbackCalls.length === 0 || calls.handedOn.size > 0) return false;
  return calls.callbackCalls.every((call) => enclosingFunction(call) === calls.handler.node);
}

/**
 * Can a path of `fn` end without a value (`return;`, `return undefined`, falling off the end)?
 * Read from its statements alone, so an async handler whose every `return` gives a value and
 * whose body ends in a `return` or `throw` is settled without following its paths.
 */
function mayEndWithoutValue(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isNoValue(fn.body);
  return !neverCompletes(fn.body) || !everyOwnReturn(fn.body, (r) => !isNoValue(r.argument ?? undefined));
}

/** What `certainlyNotPromise` may say yes to, by the value's form alone (no classification). */
function mayBeNotPromise(raw: TSESTree.Node): boolean {
  switch (unwrap(raw).type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.ConditionalExpression:
      return true;
    default:
      return false;
  }
}

/** The handler and every continuation it hands `callback` to, followed end by end. */
function callbackStylePaths(m: FileState, flow: CompletionFlow, handler: FunctionNode): UnfinishedPath[] {
  const out: UnfinishedPath[] = [];
  const queue: FunctionNode[] = [handler];
  const seen = new Set<FunctionNode>(queue);
  const reported = new Set<TSESTree.Node>();
  while (queue.length > 0) {
    const fn = queue.shift()!;
    for (const end of flow.ends(fn) ?? []) {
      for (const status of end.state.paths) {
        if (typeof status !== 'string' && !seen.has(status)) {
          seen.add(status);
          queue.push(status);
        }
      }
      if (!isOpen(end)) continue;
      const found = endWithoutValue(m, fn, end) ?? (fn === handler ? ignoredValue(m, fn, end) : undefined);
      if (found && !reported.has(found.node)) {
        reported.add(found.node);
        out.push(found);
      }
    }
  }
  return out;
}

/** A non-async handler's open path that returns a value Lambda ignores (it is certainly not a promise). */
function ignoredValue(m: FileState, fn: FunctionNode, end: End): UnfinishedPath | undefined {
  const value = valueOf(end);
  if (!isOpen(end) || !value || !certainlyNotPromise(m, value)) return undefined;
  return { how: 'returns-ignored', fn, node: value };
}

function collect(ends: End[], pick: (end: End) => UnfinishedPath | undefined): UnfinishedPath[] {
  const out: UnfinishedPath[] = [];
  const seen = new Set<TSESTree.Node>();
  for (const end of ends) {
    const found = pick(end);
    if (found && !seen.has(found.node)) {
      seen.add(found.node);
      out.push(found);
    }
  }
  return out;
}

/** Values that are certainly not a promise, so a non-async handler's `return` of them is dropped. */
function certainlyNotPromise(m: FileState, raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const kind = classify(m, node);
      return kind !== undefined && kind !== 'callback';
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return certainlyNotPromise(m, node.consequent) && certainlyNotPromise(m, node.alternate);
    default:
      return false;
  }
}
