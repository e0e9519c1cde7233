import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { READ } from '../estree/bindings.js';
import { memberName, outerParent, propertyKeyName } from '../estree/nodes.js';
import { evaluateStatic } from '../static-value.js';
import type { FileState } from './state.js';

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

/** `const { X } = …` (directly in a `const` declarator): X cannot be reassigned. */
function isConstPattern(pattern: TSESTree.ObjectPattern): boolean {
  const parent = pattern.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && (parent.parent as TSESTree.VariableDeclaration).kind === 'const';
}

class EnvCollector {
  readonly uses: EnvUse[] = [];
  private readonly followed = new Set<TSESTree.Node>();

  constructor(private readonly m: FileState) {}

  private add(how: EnvUse['how'], node: TSESTree.Node, name: string | undefined, value?: TSESTree.Node, binding?: TSESTree.Identifier): void {
    this.uses.push({ how, node, name, value, binding });
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
    this.add('object', outer, undefined);
  }
}

/** The env-uses view, built on first use (see EnvUse). */
export function envUses(m: FileState): readonly EnvUse[] {
  const collector = new EnvCollector(m);
  const envOnly = { env: { [READ]: true } };
  const traceMap = Object.fromEntries(PROCESS_MODULES.map((name) => [name, { ...envOnly, default: envOnly }]));
  const seen = new Set<TSESTree.Node>();
  for (const { node } of m.bindings.trackReferences(traceMap)) {
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
