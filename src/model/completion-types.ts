/**
 * The completion view's types (Analysis#completion): how a handler hands its result to
 * CloudFront on each path. Re-exported from ./types.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../estree/nodes.js';

/** A call of a handler's `callback`. */
export interface CallbackCall {
  call: TSESTree.CallExpression;
  /**
   * In a function nested in the handler (a timer, a `.then`), other than a step of a promise
   * chain that the handler's own body awaits or returns (`await get().then((data) => {
   * callback(null, r); })` runs the step before the handler's promise can settle): the call may
   * come after that promise has settled.
   */
  late: boolean;
}

/** A `callback(…)` call that can run after an earlier one on the same path of one function. */
export interface RepeatedCallback {
  call: TSESTree.CallExpression;
  /** The first of the calls that may have run just before it. */
  earlier: TSESTree.CallExpression;
}

/**
 * A path that ends with nothing handed to CloudFront:
 * - `falls-off`: it reaches the end of `fn`'s body (`node` is `fn`);
 * - `returns-nothing`: `return;`, `return undefined` or `return void x` (`node` is the return;
 *   `return null` is a value given on purpose);
 * - `returns-ignored`: a non-async handler returns a value that is certainly not a promise,
 *   which Lambda ignores (`node` is the value).
 * For an async handler: its promise resolves without a value and `callback` was not called.
 * For a non-async one: `callback` (or `context.succeed/fail/done`) was not called and not
 * handed on; `fn` is the handler or the one continuation it handed `callback` to
 * (`https.get(url, (res) => { … })`).
 */
export interface UnfinishedPath {
  how: 'falls-off' | 'returns-nothing' | 'returns-ignored';
  fn: FunctionNode;
  node: TSESTree.Node;
}

/**
 * How a handler completes, path by path: the model follows the handler's own code (branches,
 * loops, `switch`, `try`/`finally`, `throw`, `process.exit()`, infinite loops) and each
 * function it hands `callback` to. What completes a path: a `callback(…)` call,
 * `context.succeed/fail/done(…)`, `callback` or `context` handed to any call (an unknown
 * callee counts as completing), a call of a local function that can complete, a `throw`;
 * in a non-async handler also `return` of a value that may be a promise. Where it cannot be
 * sure it says nothing: `callback` aliased or stored, a function holding `callback` stored or
 * passed to an array method, two continuations on one path, a path that is open only because
 * no arm of an `if … else if` chain or `switch` without `default` matched, a function too
 * large to follow, an async handler that never returns a value, generators.
 */
export interface Completion {
  callbackCalls: readonly CallbackCall[];
  repeatedCalls: readonly RepeatedCallback[];
  unfinished: readonly UnfinishedPath[];
}
