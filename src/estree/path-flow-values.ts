/**
 * The expression half of the path follower (src/estree/path-flow.ts): evaluation order,
 * short-circuits, optional chains, and the points that can throw. Generic: no Lambda@Edge knowledge.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { PathDomain } from './path-flow.js';

type N = TSESTree.Node;

export interface Jump<S> {
  label: string | undefined;
  state: S;
}
/** How a statement can be left: normally (undefined: never), by `return`, `break` or `continue`. */
export interface Outcome<S> {
  normal: S | undefined;
  returns: Array<{ node: TSESTree.ReturnStatement; state: S }>;
  breaks: Jump<S>[];
  continues: Jump<S>[];
}


export const OUT_OF_BUDGET = Symbol('out of budget');
const LOGICAL_ASSIGNMENT = new Set(['||=', '&&=', '??=']);

export class ValueFollower<S> {
  private steps = 0;
  /** One entry per enclosing `try` (or `catch` with a `finally`): the states from which it can throw. */
  protected readonly catchers: Array<{ state: S | undefined }> = [];

  constructor(
    protected readonly d: PathDomain<S>,
    private readonly keys: Map<string, readonly string[]>,
    private readonly budget: number,
  ) {}

  protected tick(): void {
    if (++this.steps > this.budget) throw OUT_OF_BUDGET;
  }

  protected join(a: S | undefined, b: S | undefined): S | undefined {
    if (a === undefined) return b;
    if (b === undefined) return a;
    return this.d.join(a, b);
  }

  protected empty(normal: S | undefined): Outcome<S> {
    return { normal, returns: [], breaks: [], continues: [] };
  }

  /** Adds `from`'s returns, breaks and continues to `into`. */
  protected addJumps(into: Outcome<S>, from: Outcome<S>): void {
    into.returns.push(...from.returns);
    into.breaks.push(...from.breaks);
    into.continues.push(...from.continues);
  }

  protected throwPoint(state: S): void {
    const top = this.catchers[this.catchers.length - 1];
    if (top) top.state = this.join(top.state, state);
  }

  expr(node: N, s: S): S | undefined {
    this.tick();
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
      case AST_NODE_TYPES.Super:
      case AST_NODE_TYPES.MetaProperty:
      case AST_NODE_TYPES.PrivateIdentifier:
      case AST_NODE_TYPES.TemplateElement:
        return s;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return this.d.createFunction(node, s);
      case AST_NODE_TYPES.ClassExpression:
        return node.superClass ? this.expr(node.superClass, s) : s;
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.expr(node.left, s);
        return left === undefined ? undefined : this.join(left, this.expr(node.right, left));
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const test = this.expr(node.test, s);
        if (test === undefined) return undefined;
        return this.join(this.expr(node.consequent, test), this.expr(node.alternate, test));
      }
      case AST_NODE_TYPES.AssignmentExpression: {
        const left = this.expr(node.left, s);
        if (left === undefined) return undefined;
        const right = this.expr(node.right, left);
        return LOGICAL_ASSIGNMENT.has(node.operator) ? this.join(left, right) : right;
      }
      case AST_NODE_TYPES.AssignmentPattern: {
        const left = this.expr(node.left, s);
        return left === undefined ? undefined : this.join(left, this.expr(node.right, left));
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        let state = this.expr(node.callee, s);
        for (const arg of node.arguments) if (state !== undefined) state = this.expr(arg, state);
        if (state === undefined) return undefined;
        this.throwPoint(state);
        return this.d.call(node, state);
      }
      case AST_NODE_TYPES.ChainExpression:
        // `a?.b()`: the rest of the chain may be skipped.
        return this.join(s, this.expr(node.expression, s));
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression: {
        const state = this.children(node, s);
        if (state !== undefined) this.throwPoint(state);
        return state;
      }
      default:
        return this.children(node, s);
    }
  }

  /** The value children of `node`, in source order (type annotations left out). */
  protected children(node: N, s: S): S | undefined {
    let state: S | undefined = s;
    const keys = this.keys.get(node.type);
    if (!keys) return state;
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          if (state === undefined) return undefined;
          const c = child[i] as N | null;
          if (c && typeof c.type === 'string') state = this.expr(c, state);
        }
      } else {
        if (state === undefined) return undefined;
        if (child && typeof (child as N).type === 'string') state = this.expr(child as N, state);
      }
    }
    return state;
  }
}
