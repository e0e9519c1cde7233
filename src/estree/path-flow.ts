/**
 * The paths through one function's own code, followed statement by statement over the AST.
 * Generic: no Lambda@Edge knowledge. The caller's `PathDomain` says what a state is, how two
 * paths join and what a call or a new function does to a state; this module knows only how
 * JavaScript moves between statements: branches, `&&`/`||`/`??`/`?:` and optional chains, loops
 * (iterated until the states stop growing), `switch` fall-through, labels, `break`/`continue`,
 * `try`/`catch`/`finally` (a `catch` starts from any point in the `try` that can throw: a call,
 * `new`, a property read, `await`, `throw`), and constant-true loops that never end on their own.
 * Nested functions are not entered: the domain sees them being created.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './nodes.js';
import { type Jump, OUT_OF_BUDGET, type Outcome, ValueFollower } from './path-flow-values.js';
import { walkKeysOf } from './walk.js';

type N = TSESTree.Node;
/** The labels around a statement that is not itself labelled (read only, so one array serves all). */
const NO_LABELS: readonly string[] = [];

export interface PathDomain<S> {
  join(a: S, b: S): S;
  equals(a: S, b: S): boolean;
  /** A call or `new` whose callee and arguments have run: the state once it returns, or undefined when it never does. */
  call(node: TSESTree.CallExpression | TSESTree.NewExpression, state: S): S | undefined;
  /** A function expression, arrow or method is created here (its body does not run now). */
  createFunction(node: FunctionNode, state: S): S;
  /** A statement is about to run. */
  statement?(node: TSESTree.Statement, state: S): S;
  /**
   * The path on which no arm of an enumeration matched: an `if … else if …` chain without a
   * final `else`, or a `switch` without `default`.
   */
  noArmMatched?(node: TSESTree.IfStatement | TSESTree.SwitchStatement, state: S): S;
  /** Is an `if` test true whenever the code runs (the domain knows the value is always there)? Then its `else` side never runs. */
  alwaysTrue?(test: TSESTree.Expression): boolean;
}

/** Where a path leaves the function without throwing. */
export interface PathEnd<S> {
  /** The `return`, an arrow's expression body, or undefined for the end of the body. */
  node: TSESTree.ReturnStatement | TSESTree.Expression | undefined;
  state: S;
}

/**
 * The ends of `fn`'s paths (returns and falling off the end) with their states, or undefined
 * when the function is too large to follow within `budget` steps.
 */
export function followPaths<S>(fn: FunctionNode, initial: S, domain: PathDomain<S>, visitorKeys: object, budget = 20_000): PathEnd<S>[] | undefined {
  const follower = new Follower(domain, walkKeysOf(visitorKeys), budget);
  try {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      const state = follower.expr(fn.body, initial);
      return state === undefined ? [] : [{ node: fn.body, state }];
    }
    const out = follower.stmt(fn.body, initial, NO_LABELS);
    const ends: PathEnd<S>[] = out.returns.map((r) => ({ node: r.node, state: r.state }));
    if (out.normal !== undefined) ends.push({ node: undefined, state: out.normal });
    return ends;
  } catch (error) {
    // Too many steps, or code nested deeper than the stack (the follower recurses): no answer.
    if (error === OUT_OF_BUDGET || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** `true`, `1`, `'x'`, `!0`: a loop test that never ends the loop. */
function constantTrue(test: N | null | undefined): boolean {
  if (!test) return true;
  if (test.type === AST_NODE_TYPES.Literal) return !!test.value && !('regex' in test);
  return test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Literal && !test.argument.value;
}

class Follower<S> extends ValueFollower<S> {
  stmt(node: TSESTree.Statement, entry: S, labels: readonly string[]): Outcome<S> {
    this.tick();
    const s = this.d.statement ? this.d.statement(node, entry) : entry;
    switch (node.type) {
      case AST_NODE_TYPES.BlockStatement:
        return this.block(node.body, s);
      case AST_NODE_TYPES.ExpressionStatement:
        return this.empty(this.expr(node.expression, s));
      case AST_NODE_TYPES.VariableDeclaration: {
        let state: S | undefined = s;
        for (const declarator of node.declarations) {
          if (state !== undefined) state = this.expr(declarator.id, state);
          if (state !== undefined && declarator.init) state = this.expr(declarator.init, state);
        }
        return this.empty(state);
      }
      case AST_NODE_TYPES.IfStatement:
        return this.ifStatement(node, s);
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return this.jump(node, s, labels);
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return this.loop(node, s, labels);
      case AST_NODE_TYPES.SwitchStatement:
        return this.switchStatement(node, s);
      case AST_NODE_TYPES.TryStatement:
        return this.tryStatement(node, s, labels);
      case AST_NODE_TYPES.WithStatement: {
        const object = this.expr(node.object, s);
        return object === undefined ? this.empty(undefined) : this.stmt(node.body, object, NO_LABELS);
      }
      case AST_NODE_TYPES.ClassDeclaration:
        return this.empty(node.superClass ? this.expr(node.superClass, s) : s);
      case AST_NODE_TYPES.FunctionDeclaration: // hoisted: created when the function starts
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.DebuggerStatement:
        return this.empty(s);
      default:
        // TypeScript declarations and anything else: their value parts, in order.
        return this.empty(node.type.startsWith('TS') ? s : this.children(node, s));
    }
  }

  /** `return`, `throw`, labels, `break` and `continue`. */
  private jump(
    node: TSESTree.ReturnStatement | TSESTree.ThrowStatement | TSESTree.LabeledStatement | TSESTree.BreakStatement | TSESTree.ContinueStatement,
    s: S,
    labels: readonly string[],
  ): Outcome<S> {
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement: {
        const state = node.argument ? this.expr(node.argument, s) : s;
        const out = this.empty(undefined);
        if (state !== undefined) out.returns.push({ node, state });
        return out;
      }
      case AST_NODE_TYPES.ThrowStatement: {
        const state = this.expr(node.argument, s);
        if (state !== undefined) this.throwPoint(state);
        return this.empty(undefined);
      }
      case AST_NODE_TYPES.LabeledStatement: {
        const name = node.label.name;
        const inner = this.stmt(node.body, s, [...labels, name]);
        const mine = inner.breaks.filter((b) => b.label === name);
        let normal = inner.normal;
        for (const b of mine) normal = this.join(normal, b.state);
        return { ...inner, normal, breaks: inner.breaks.filter((b) => b.label !== name) };
      }
      case AST_NODE_TYPES.BreakStatement: {
        const out = this.empty(undefined);
        out.breaks.push({ label: node.label?.name, state: s });
        return out;
      }
      case AST_NODE_TYPES.ContinueStatement: {
        const out = this.empty(undefined);
        out.continues.push({ label: node.label?.name, state: s });
        return out;
      }
    }
  }

  private block(body: readonly TSESTree.Statement[], s: S): Outcome<S> {
    const out = this.empty(undefined);
    let state: S | undefined = s;
    for (const statement of body) {
      if (state === undefined) break;
      const o = this.stmt(statement, state, NO_LABELS);
      this.addJumps(out, o);
      state = o.normal;
    }
    out.normal = state;
    return out;
  }

  private ifStatement(node: TSESTree.IfStatement, s: S): Outcome<S> {
    const test = this.expr(node.test, s);
    if (test === undefined) return this.empty(undefined);
    const out = this.stmt(node.consequent, test, NO_LABELS);
    let otherwise: Outcome<S>;
    if (this.d.alwaysTrue?.(node.test)) otherwise = this.empty(undefined);
    else if (node.alternate) otherwise = this.stmt(node.alternate, test, NO_LABELS);
    else {
      // The end of an `if … else if …` chain (two arms or more) without a final `else`.
      const chained = node.parent?.type === AST_NODE_TYPES.IfStatement && node.parent.alternate === node;
      otherwise = this.empty(chained && this.d.noArmMatched ? this.d.noArmMatched(node, test) : test);
    }
    this.addJumps(out, otherwise);
    out.normal = this.join(out.normal, otherwise.normal);
    return out;
  }

  /** Runs `body` from `head` and splits off what goes back to the loop head and what leaves it. */
  private iteration(body: TSESTree.Statement, head: S, labels: readonly string[]): { out: Outcome<S>; back: S | undefined; broken: S | undefined } {
    const inner = this.stmt(body, head, NO_LABELS);
    const mineContinue = (j: Jump<S>) => j.label === undefined || labels.includes(j.label);
    let back = inner.normal;
    for (const c of inner.continues) if (mineContinue(c)) back = this.join(back, c.state);
    let broken: S | undefined;
    for (const b of inner.breaks) if (b.label === undefined) broken = this.join(broken, b.state);
    const out: Outcome<S> = {
      normal: undefined,
      returns: inner.returns,
      breaks: inner.breaks.filter((b) => b.label !== undefined),
      continues: inner.continues.filter((c) => !mineContinue(c)),
    };
    return { out, back, broken };
  }

  private loop(node: TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement, s: S, labels: readonly string[]): Outcome<S> {
    let entry: S | undefined = s;
    if (node.type === AST_NODE_TYPES.ForStatement && node.init) {
      entry = node.init.type === AST_NODE_TYPES.VariableDeclaration ? this.stmt(node.init, s, NO_LABELS).normal : this.expr(node.init, s);
    } else if (node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.ForOfStatement) {
      entry = this.expr(node.right, s);
    }
    if (entry === undefined) return this.empty(undefined);
    const counted = node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.ForOfStatement;
    const test = counted ? undefined : node.test;
    const endless = !counted && constantTrue(test);
    let head = entry;
    for (;;) {
      // The test runs before the body, except in `do … while`.
      const tested = node.type === AST_NODE_TYPES.DoWhileStatement || !test ? head : this.expr(test, head);
      const step = tested === undefined ? { out: this.empty(undefined), back: undefined, broken: undefined } : this.iteration(node.body, tested, labels);
      let back = step.back;
      if (back !== undefined && node.type === AST_NODE_TYPES.ForStatement && node.update) back = this.expr(node.update, back);
      let leaves: S | undefined = counted ? head : endless ? undefined : tested;
      if (node.type === AST_NODE_TYPES.DoWhileStatement) {
        // Leaves only through the test after a pass of the body.
        if (back !== undefined) back = this.expr(node.test, back);
        leaves = endless ? undefined : back;
      }
      const next = this.join(entry, back)!;
      if (this.d.equals(next, head)) {
        step.out.normal = this.join(leaves, step.broken);
        return step.out;
      }
      head = next;
    }
  }

  private switchStatement(node: TSESTree.SwitchStatement, s: S): Outcome<S> {
    let tested = this.expr(node.discriminant, s);
    const matched: Array<S | undefined> = [];
    for (const c of node.cases) {
      if (c.test && tested !== undefined) tested = this.expr(c.test, tested);
      matched.push(c.test ? tested : undefined);
    }
    const hasDefault = node.cases.some((c) => !c.test);
    const out = this.empty(undefined);
    let falling: S | undefined;
    let broken: S | undefined;
    node.cases.forEach((c, i) => {
      const entry = this.join(falling, c.test ? matched[i] : tested);
      if (entry === undefined) return void (falling = undefined);
      const o = this.block(c.consequent, entry);
      for (const b of o.breaks) if (b.label === undefined) broken = this.join(broken, b.state);
      this.addJumps(out, { ...o, breaks: o.breaks.filter((b) => b.label !== undefined) });
      falling = o.normal;
    });
    let missed = hasDefault ? undefined : tested;
    if (missed !== undefined && this.d.noArmMatched) missed = this.d.noArmMatched(node, missed);
    out.normal = this.join(this.join(falling, broken), missed);
    return out;
  }

  private tryStatement(node: TSESTree.TryStatement, s: S, labels: readonly string[]): Outcome<S> {
    const inTry = { state: undefined as S | undefined };
    this.catchers.push(inTry);
    const block = this.stmt(node.block, s, labels);
    this.catchers.pop();
    let pending: S | undefined = inTry.state;
    let out = block;
    if (node.handler) {
      const inCatch = { state: undefined as S | undefined };
      if (node.finalizer) this.catchers.push(inCatch);
      const caught = pending === undefined ? this.empty(undefined) : this.stmt(node.handler.body, pending, NO_LABELS);
      if (node.finalizer) this.catchers.pop();
      pending = inCatch.state;
      out = { ...block, normal: this.join(block.normal, caught.normal) };
      out.returns = [...block.returns];
      out.breaks = [...block.breaks];
      out.continues = [...block.continues];
      this.addJumps(out, caught);
    }
    if (!node.finalizer) return out;
    return this.finalize(node.finalizer, out, pending);
  }

  /** Runs `finally` once for each way of leaving the `try`, each resuming (or overridden) after it. */
  private finalize(finalizer: TSESTree.BlockStatement, out: Outcome<S>, thrown: S | undefined): Outcome<S> {
    const result = this.empty(undefined);
    const run = (state: S): S | undefined => {
      const f = this.stmt(finalizer, state, NO_LABELS);
      this.addJumps(result, f);
      return f.normal;
    };
    if (out.normal !== undefined) result.normal = run(out.normal);
    for (const r of out.returns) {
      const state = run(r.state);
      if (state !== undefined) result.returns.push({ node: r.node, state });
    }
    for (const [list, into] of [[out.breaks, result.breaks], [out.continues, result.continues]] as const) {
      for (const j of list) {
        const state = run(j.state);
        if (state !== undefined) into.push({ label: j.label, state });
      }
    }
    if (thrown !== undefined) {
      const state = run(thrown);
      if (state !== undefined) this.throwPoint(state);
    }
    return result;
  }
}
