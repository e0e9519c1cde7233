import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { READ } from '../estree/bindings.js';
import { enclosingFunction, memberName, outerParent, propertyKeyName } from '../estree/nodes.js';
import { evaluateStatic } from '../static-value.js';
import { onlyDecidesConditions } from './env-conditions.js';
import type { FileState } from './state.js';
import { type Target, branchTarget, targetAt } from './targets.js';

/**
 * One use of `process.env`, however `process` is reached: the global (declared in the
 * configuration or not), `require('node:process')`, `import process from 'process'`,
 * `import { env } from 'process'`, and aliases (`const env = process.env`) or destructuring of
 * any of them. Left out, as they read no configuration: `delete process.env.X`, method calls
 * (`process.env.hasOwnProperty(…)`), and the whole environment handed to a logging call
 * (`console.log(process.env)`, `JSON.stringify(process.env)`).
 */
export interface EnvUse {
  /**
   * - `read`: one variable (`process.env.X`, `process.env[KEY]`, `const { X } = process.env`);
   *   `name` is undefined when the key is not known (`process.env[key]`, `...rest`);
   * - `write`: `process.env.X = …` (the file sets `X` itself);
   * - `object`: the whole environment used as a value (`{ env: process.env }`, `'X' in process.env`).
   */
  how: 'read' | 'write' | 'object';
  /** The member, the pattern property (or rest element), or the `process.env` expression. */
  node: TSESTree.Node;
  name: string | undefined;
  /** A `read` whose value is the expression: `process.env.X` itself (what it is compared with). */
  value: TSESTree.Node | undefined;
  /** A `read` into a `const` that cannot be reassigned: `NODE_ENV` of `const { NODE_ENV } = process.env`. */
  binding: TSESTree.Identifier | undefined;
  /**
   * A named read whose value only ever decides a condition (`if (process.env.X)`, `!X`,
   * `X ? a : b`), directly, through the `const` it fills, or through a property of a `const`
   * object literal used only by reading its properties (see onlyDecidesConditions).
   */
  conditionOnly: boolean;
  /**
   * Which target's code the use serves: `targetAt(node)`, except for a module-scope read in a
   * multi-target file that only fills a binding read on another target's paths (see
   * moduleBindingOnlyOther): `'other'`, as the edge loads the undefined value and never uses it.
   */
  target: Target;
}

const PROCESS_MODULES = ['process', 'node:process'];
/** `console.log(...)`, `logger.info(...)`, `log(...)`, `JSON.stringify(...)`: output, not configuration. */
const LOGGING_NAME = /^(?:log|debug|info|warn|warning|error|trace|print|dump|inspect|stringify)$|Log$|^log[A-Z]/;

function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return LOGGING_NAME.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'console') return true;
  const name = memberName(callee);
  return name !== undefined && LOGGING_NAME.test(name);
}

/**
 * The whole `process.env` as a value inside an object or array literal that is itself output
 * (`JSON.stringify({ env: process.env })`, `console.log({ event, env: process.env })`): a dump,
 * like `console.log(process.env)`, not a read of a setting.
 */
function isLoggedWithin(value: TSESTree.Node): boolean {
  let node: TSESTree.Node = value;
  let parent = node.parent;
  let nested = false;
  for (;;) {
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) node = parent.parent;
    else if (parent?.type === AST_NODE_TYPES.ArrayExpression) node = parent;
    else break;
    nested = true;
    parent = node.parent;
  }
  return nested && parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node && isLoggingCall(parent);
}

/** `const { X } = …` (directly in a `const` declarator): X cannot be reassigned. */
function isConstPattern(pattern: TSESTree.ObjectPattern): boolean {
  const parent = pattern.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && (parent.parent as TSESTree.VariableDeclaration).kind === 'const';
}

/**
 * The name a read fills when it is a whole declarator's value: `const X = process.env.X`,
 * `const X = process.env.X || 'default'` (or `??`), `const config = { db: { table: process.env.X } }`
 * (object literals, nested), or destructured (`const { X } = process.env`, `{ X: x = 'd' }`, `...rest`).
 */
function filledName(read: TSESTree.Node): { id: TSESTree.Identifier; declarator: TSESTree.VariableDeclarator } | undefined {
  if (read.type === AST_NODE_TYPES.Property || read.type === AST_NODE_TYPES.RestElement) {
    const target = read.type === AST_NODE_TYPES.Property ? read.value : read.argument;
    const id = target.type === AST_NODE_TYPES.AssignmentPattern ? target.left : target;
    const declarator = read.parent?.parent;
    if (id.type !== AST_NODE_TYPES.Identifier || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== read.parent) return undefined;
    return { id, declarator };
  }
  let { node: outer, parent } = outerParent(read);
  while (
    (parent?.type === AST_NODE_TYPES.Property && parent.value === outer && parent.parent.type === AST_NODE_TYPES.ObjectExpression) ||
    (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator !== '&&')
  ) {
    ({ node: outer, parent } = outerParent(parent.type === AST_NODE_TYPES.Property ? parent.parent : parent));
  }
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== outer || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { id: parent.id, declarator: parent };
}

/**
 * A read at module scope of a multi-target file whose value only another target uses: it
 * fills a `const` (or a `let`/`var` declared once, never reassigned) declared directly in the
 * program (not exported) whose every reference is in a handler's own body (not a nested
 * function) on a path `targetAt` calls `'other'`, or in the body of an export deployed as a
 * regional function. At the edge it loads undefined, and no
 * CloudFront path reads it.
 */
function moduleBindingOnlyOther(m: FileState, read: TSESTree.Node): boolean {
  const filled = filledName(read);
  const declaration = filled?.declarator.parent;
  if (!filled || declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.parent.type !== AST_NODE_TYPES.Program) return false;
  if (!['const', 'let', 'var'].includes(declaration.kind) || !m.bindings.singleDefinition(filled.id)) return false;
  const refs = m.bindings.readsOf(filled.id);
  return (
    refs.length > 0 &&
    refs.every((ref) => {
      const fn = enclosingFunction(ref);
      if (fn !== undefined && m.regionalFunctions.has(fn)) return true;
      return fn !== undefined && m.handlersByNode.has(fn) && branchTarget(m, ref) === 'other';
    })
  );
}

class EnvCollector {
  readonly uses: EnvUse[] = [];
  private readonly followed = new Set<TSESTree.Node>();

  constructor(private readonly m: FileState) {}

  private add(how: EnvUse['how'], node: TSESTree.Node, name: string | undefined, value?: TSESTree.Node, binding?: TSESTree.Identifier): void {
    let target = targetAt(this.m, node);
    if (how === 'read' && target === 'shared' && moduleBindingOnlyOther(this.m, node)) target = 'other';
    const conditionOnly = how === 'read' && name !== undefined && onlyDecidesConditions(this.m.bindings, value, binding);
    this.uses.push({ how, node, name, value, binding, conditionOnly, target });
  }

  /** A binding holding the environment (`const env = process.env`): each of its reads is a use. */
  follow(id: TSESTree.Node): void {
    if (id.type !== AST_NODE_TYPES.Identifier || this.followed.has(id)) return;
    this.followed.add(id);
    for (const use of this.m.bindings.readsOf(id)) this.use(use);
  }

  pattern(pattern: TSESTree.ObjectPattern): void {
    for (const prop of pattern.properties) {
      const name = prop.type === AST_NODE_TYPES.RestElement ? undefined : propertyKeyName(prop);
      const binding = prop.type === AST_NODE_TYPES.Property && prop.value.type === AST_NODE_TYPES.Identifier && isConstPattern(pattern) ? prop.value : undefined;
      this.add('read', prop, name, undefined, name === undefined ? undefined : binding);
    }
  }

  /** `process.env.X` and `process.env[KEY]`: a read, a write, or nothing configuration-related. */
  private member(parent: TSESTree.MemberExpression): void {
    const name = memberName(parent) ?? (parent.computed ? evaluateStatic(parent.property, this.m.staticCtx)?.text : undefined);
    const { node: member, parent: up } = outerParent(parent);
    if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === member) {
      if (name !== undefined) this.add('write', parent, name);
      return;
    }
    if (up?.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') return;
    if (up?.type === AST_NODE_TYPES.CallExpression && up.callee === member) return;
    this.add('read', parent, name, name === undefined ? undefined : member);
  }

  /** An expression that is `process.env`. */
  use(expr: TSESTree.Node): void {
    const { node: outer, parent } = outerParent(expr);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return this.member(parent);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      return parent.id.type === AST_NODE_TYPES.ObjectPattern ? this.pattern(parent.id) : this.follow(parent.id);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.left.type === AST_NODE_TYPES.ObjectPattern) {
      return this.pattern(parent.left);
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer && isLoggingCall(parent)) return;
    if (isLoggedWithin(outer)) return;
    this.add('object', outer, undefined);
  }
}

const ENV_ONLY = { env: { [READ]: true } };
const TRACE_MAP = Object.fromEntries(PROCESS_MODULES.map((name) => [name, { ...ENV_ONLY, default: ENV_ONLY }]));
/** Globals the tracker starts from: `process` itself, and the global objects it is a property of. */
const GLOBAL_STARTS: ReadonlySet<string> = new Set(['process', 'global', 'globalThis', 'self', 'window']);
const NO_USES: readonly EnvUse[] = [];

/** `require('fs')`: a call of `require` itself on a string that names another module, which leads nowhere near `process`. */
function requiresAnother(id: TSESTree.Node): boolean {
  const call = id.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== id) return false;
  const arg = call.arguments[0];
  return arg?.type === AST_NODE_TYPES.Literal && typeof arg.value === 'string' && !PROCESS_MODULES.includes(arg.value);
}

/**
 * Can the tracker find anything in this file? Only from a global named in GLOBAL_STARTS that
 * the file reads (declared or not), a `require` used other than on another module's name, or
 * an import or re-export of 'process'. Most handler files have none of these, and then the
 * tracker (which sets up every undeclared global of the file first) is not run at all.
 */
function mayReachProcess(m: FileState): boolean {
  const scope = m.sourceCode.scopeManager?.globalScope;
  if (!scope) return false;
  for (const name of GLOBAL_STARTS) if ((scope.set.get(name)?.references.length ?? 0) > 0) return true;
  for (const ref of scope.set.get('require')?.references ?? []) if (!requiresAnother(ref.identifier)) return true;
  for (const ref of scope.through) {
    const name = ref.identifier.name;
    if (GLOBAL_STARTS.has(name) || (name === 'require' && !requiresAnother(ref.identifier))) return true;
  }
  for (const stmt of (scope.block as TSESTree.Program).body) {
    const source = 'source' in stmt ? stmt.source : undefined;
    if (source && typeof source.value === 'string' && PROCESS_MODULES.includes(source.value)) return true;
  }
  return false;
}

/** The env-uses view, built on first use (see EnvUse). */
export function envUses(m: FileState): readonly EnvUse[] {
  if (!mayReachProcess(m)) return NO_USES;
  const collector = new EnvCollector(m);
  const seen = new Set<TSESTree.Node>();
  for (const { node } of m.bindings.trackReferences(TRACE_MAP)) {
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.type === AST_NODE_TYPES.MemberExpression) collector.use(node);
    else if (node.type === AST_NODE_TYPES.ImportSpecifier) {
      if (node.importKind !== 'type' && (node.parent as TSESTree.ImportDeclaration).importKind !== 'type') collector.follow(node.local);
    } else if (node.type === AST_NODE_TYPES.Property) {
      const value = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
      if (value.type === AST_NODE_TYPES.ObjectPattern) collector.pattern(value);
      else collector.follow(value);
    }
  }
  return collector.uses;
}
