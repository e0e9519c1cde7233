/**
 * What completes a Lambda@Edge handler, as a domain for the generic path follower
 * (src/estree/path-flow.ts): along each path of a function, which `callback(…)` calls may be
 * the latest one, and whether the handler has completed, is still open, or has handed its
 * `callback` to one nested function (`https.get(url, (res) => { … callback(…) … })`) that
 * must complete it. Read through the `completion(handler)` view (./completion.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, memberName, outerParent, unwrap, within } from '../estree/nodes.js';
import { type PathDomain, type PathEnd, followPaths } from '../estree/path-flow.js';
import { paramVariable, resolveFunction } from './functions.js';
import { isAlwaysSent } from './completion-guards.js';
import type { FileState } from './state.js';
import type { Handler } from './types.js';

type Call = TSESTree.CallExpression;

/**
 * How a path stands: `done` (completed, threw its way out or handed `callback` somewhere we
 * cannot follow), `open` (nothing completes it yet), `open?` (open only because no arm of an
 * `if … else if …` chain or `switch` matched, which the author may know cannot happen), or a
 * function: the one continuation it handed `callback` to.
 */
export type PathStatus = 'open' | 'open?' | 'done' | FunctionNode;

export interface CompletionState {
  /** `callback(…)` calls that may be the most recent one on a path reaching here. */
  last: ReadonlySet<Call>;
  paths: ReadonlySet<PathStatus>;
}

/** The handler's completion calls and names, found once from its bindings. */
export interface HandlerCalls {
  handler: Handler;
  /** Calls of `callback`, in source order. */
  callbackCalls: Call[];
  /** `context.succeed/fail/done(…)`: the older way to complete. */
  contextCalls: Set<Call>;
  /** Identifiers naming `callback` or `context` where they are handed to a call. */
  handedOn: Set<TSESTree.Node>;
  /** Every identifier that completes or hands on: a function holding one can complete the handler. */
  completers: TSESTree.Node[];
  /** `callback` is used some other way (aliased, stored, tested): its paths cannot be followed. */
  callbackEscapes: boolean;
  /** The same for `context` (so `context.succeed` may be called through another name). */
  contextEscapes: boolean;
}

const CONTEXT_COMPLETIONS: ReadonlySet<string> = new Set(['succeed', 'fail', 'done']);
/** Methods that call their function argument for each element, now: not a continuation. */
const ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'flatMap', 'sort']);
const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

export function handlerCalls(m: FileState, handler: Handler): HandlerCalls {
  const out: HandlerCalls = { handler, callbackCalls: [], contextCalls: new Set(), handedOn: new Set(), completers: [], callbackEscapes: false, contextEscapes: false };
  const noteHandedOn = (outer: TSESTree.Node, parent: TSESTree.Node | undefined): boolean => {
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(outer as TSESTree.Expression)) {
      out.handedOn.add(outer);
      out.completers.push(outer);
      return true;
    }
    return false;
  };
  for (const ref of handler.callback?.references ?? []) {
    const { node: outer, parent } = outerParent(ref.identifier);
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) {
      out.callbackCalls.push(parent);
      out.completers.push(outer);
    } else if (!noteHandedOn(outer, parent)) out.callbackEscapes = true;
  }
  out.callbackCalls.sort((a, b) => a.range[0] - b.range[0]);
  const contextParam = handler.node.params[1];
  const context = contextParam?.type === AST_NODE_TYPES.Identifier ? paramVariable(m, handler.node, contextParam) : undefined;
  for (const ref of context?.references ?? []) {
    const { node: outer, parent } = outerParent(ref.identifier);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const { node: callee, parent: call } = outerParent(parent);
      const name = memberName(parent);
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee && name && CONTEXT_COMPLETIONS.has(name)) {
        out.contextCalls.add(call);
        out.completers.push(outer);
      }
    } else if (!noteHandedOn(outer, parent)) out.contextEscapes = true;
  }
  return out;
}

const OPEN: ReadonlySet<PathStatus> = new Set<PathStatus>(['open']);
const DONE: ReadonlySet<PathStatus> = new Set<PathStatus>(['done']);
const NO_CALLS: ReadonlySet<Call> = new Set();
export const START: CompletionState = { last: NO_CALLS, paths: OPEN };

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): ReadonlySet<T> {
  if (a === b || b.size === 0) return a;
  if (a.size === 0) return b;
  for (const x of b) if (!a.has(x)) return new Set([...a, ...b]);
  return a;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function mapPaths(state: CompletionState, f: (status: PathStatus) => PathStatus): CompletionState {
  let changed = false;
  const paths = new Set<PathStatus>();
  for (const status of state.paths) {
    const next = f(status);
    if (next !== status) changed = true;
    paths.add(next);
  }
  return changed ? { last: state.last, paths } : state;
}

/** The follower's domain for one handler, with the per-function results it has computed. */
export class CompletionFlow implements PathDomain<CompletionState> {
  /** For each `callback(…)` call, the calls that may have run just before it on some path. */
  readonly before = new Map<Call, Set<Call>>();
  private readonly results = new Map<FunctionNode, PathEnd<CompletionState>[] | undefined>();
  private readonly callbackCalls: ReadonlySet<Call>;

  constructor(
    private readonly m: FileState,
    private readonly calls: HandlerCalls,
  ) {
    this.callbackCalls = new Set(calls.callbackCalls);
  }

  /** The ends of `fn`'s paths, each starting open; undefined when `fn` is too large to follow. */
  ends(fn: FunctionNode): PathEnd<CompletionState>[] | undefined {
    if (!this.results.has(fn)) this.results.set(fn, followPaths(fn, START, this, this.m.sourceCode.visitorKeys));
    return this.results.get(fn);
  }

  join(a: CompletionState, b: CompletionState): CompletionState {
    const last = union(a.last, b.last);
    const paths = union(a.paths, b.paths);
    return last === a.last && paths === a.paths ? a : { last, paths };
  }

  equals(a: CompletionState, b: CompletionState): boolean {
    return sameSet(a.last, b.last) && sameSet(a.paths, b.paths);
  }

  call(node: TSESTree.CallExpression | TSESTree.NewExpression, state: CompletionState): CompletionState | undefined {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      if (this.callbackCalls.has(node)) {
        const seen = this.before.get(node) ?? new Set<Call>();
        for (const call of state.last) seen.add(call);
        this.before.set(node, seen);
        return { last: new Set([node]), paths: DONE };
      }
      if (this.calls.contextCalls.has(node)) return { last: state.last, paths: DONE };
      if (this.neverReturns(node)) return undefined;
    }
    if (this.handsOn(node)) return { last: state.last, paths: DONE };
    return state;
  }

  createFunction(fn: FunctionNode, state: CompletionState): CompletionState {
    if (!this.canComplete(fn)) return state;
    const role = continuationRole(fn);
    if (role === 'on-error') return state;
    if (role === 'unknown') return { last: state.last, paths: DONE };
    // Handed to one continuation; a second one makes it uncertain which completes.
    return mapPaths(state, (s) => (s === 'open' || s === 'open?' ? fn : s === 'done' ? s : 'done'));
  }

  statement(_node: TSESTree.Statement, state: CompletionState): CompletionState {
    return state.paths.has('open?') ? mapPaths(state, (s) => (s === 'open?' ? 'open' : s)) : state;
  }

  alwaysTrue(test: TSESTree.Expression): boolean {
    return isAlwaysSent(this.m, test, test);
  }

  noArmMatched(_node: TSESTree.Node, state: CompletionState): CompletionState {
    return state.paths.has('open') ? mapPaths(state, (s) => (s === 'open' ? 'open?' : s)) : state;
  }

  /** Does `fn` hold a call of `callback`/`context.succeed…`, or hand one on? */
  private canComplete(fn: FunctionNode): boolean {
    const [start, end] = fn.range;
    for (const id of this.calls.completers) if (id.range[0] >= start && id.range[1] <= end) return true;
    return false;
  }

  /** `f(callback)`, `f(context)`, or a call of a local function that can complete the handler. */
  private handsOn(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    // Without a completer in the handler nothing can be handed on (the common async handler).
    if (this.calls.completers.length === 0) return false;
    const handedOn = this.calls.handedOn;
    if (handedOn.size > 0) for (const arg of node.arguments) if (handedOn.has(arg)) return true;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const fn = resolveFunction(this.m, callee);
    return !!fn && within(fn, this.calls.handler.node) && this.canComplete(fn);
  }

  /** `process.exit(…)` / `process.abort()`: the path ends there. */
  private neverReturns(node: TSESTree.CallExpression): boolean {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
    const name = memberName(callee);
    return callee.object.name === 'process' && (name === 'exit' || name === 'abort') && this.m.bindings.isGlobal(callee.object);
  }
}

/**
 * What a function that can complete the handler is, by where it is created: a continuation
 * (an argument of a call: `https.get(url, fn)`, `.then(fn)`, `setTimeout(fn)`), an error-only
 * handler (`.catch(fn)`, `.then(_, fn)`, `.on('error', fn)`), or unknown (stored, returned,
 * iterated over: when and how often it runs is not known).
 */
function continuationRole(fn: FunctionNode): 'continuation' | 'on-error' | 'unknown' {
  const { node: outer, parent } = outerParent(fn);
  if ((parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) || !parent.arguments.includes(outer as TSESTree.Expression)) {
    return 'unknown';
  }
  const callee = unwrap(parent.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (method === undefined) return 'continuation';
  if (ITERATION_METHODS.has(method)) return 'unknown';
  if (method === 'catch' || (method === 'then' && parent.arguments[1] === outer)) return 'on-error';
  const event = parent.arguments[0];
  if (LISTENER_METHODS.has(method) && event?.type === AST_NODE_TYPES.Literal && event.value === 'error') return 'on-error';
  return 'continuation';
}

