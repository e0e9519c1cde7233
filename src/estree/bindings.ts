import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, propertyKeyName, unwrap } from './nodes.js';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type Scope = TSESLint.Scope.Scope;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** `{ process: { env: { [READ]: true } } }`: the property paths to follow from a global or module. */
export type TraceMap = Record<string, Record<string | symbol, unknown>>;
/** A place `trackReferences` found: the node and the path of names that led there. */
export interface TrackedReference {
  node: TSESTree.Node;
  path: readonly string[];
}
export const { READ } = ASTUtils.ReferenceTracker;

/** A binding with one definition, `const x = init` or `let { a: x } = init`, never assigned again. */
export interface SingleDefinition {
  variable: Variable;
  declarator: TSESTree.VariableDeclarator;
  /** The whole initializer (for a destructured name, the object it is taken from). */
  init: TSESTree.Expression;
  /** The declared name. */
  name: TSESTree.Identifier;
  /** The name is the whole declarator target (`const x = ...`), not part of a pattern. */
  whole: boolean;
}

/**
 * One file's name resolution, over ESLint's scope manager: which variable an identifier
 * names, and what a binding that is defined once and never reassigned holds. The only place
 * that looks into scopes; everything else asks here. References are indexed per scope on first
 * use, so a file pays only for the scopes that are looked into.
 */
export class Bindings {
  /**
   * Every reference of the file by its identifier, built in one pass over the scope manager's
   * scopes on first use. An identifier that two scopes both list (not seen in practice) maps to
   * `AMBIGUOUS` and is looked up the slow way, from its innermost scope outwards.
   */
  private refIndex: Map<TSESTree.Node, Reference | typeof AMBIGUOUS> | undefined;
  private readonly scopeRefs = new Map<Scope, Map<TSESTree.Node, Reference>>();
  /** Per declaration name, what `variableOf` found (null: nothing); scopes never change during a lint. */
  private readonly declMemo = new Map<TSESTree.Identifier, Variable | null>();

  constructor(private readonly sourceCode: SourceCode) {}

  /** The reference an identifier makes, from the innermost scope around it outwards. */
  referenceOf(id: TSESTree.Identifier): Reference | undefined {
    const hit = (this.refIndex ??= indexReferences(this.sourceCode)).get(id);
    if (hit === undefined) return undefined;
    return hit === AMBIGUOUS ? this.lookUpReference(id) : hit;
  }

  private lookUpReference(id: TSESTree.Identifier): Reference | undefined {
    for (let scope: Scope | null = this.sourceCode.getScope(id); scope; scope = scope.upper) {
      let refs = this.scopeRefs.get(scope);
      if (!refs) {
        refs = new Map();
        for (const ref of scope.references) refs.set(ref.identifier, ref);
        this.scopeRefs.set(scope, refs);
      }
      const hit = refs.get(id);
      if (hit) return hit;
    }
    return undefined;
  }

  /** The variable an identifier refers to or declares. */
  variableOf(id: TSESTree.Identifier): Variable | undefined {
    const ref = this.referenceOf(id);
    if (ref) return ref.resolved ?? undefined;
    const memo = this.declMemo.get(id);
    if (memo !== undefined) return memo ?? undefined;
    const variable = declaredVariable(this.sourceCode, id);
    this.declMemo.set(id, variable ?? null);
    return variable;
  }

  /**
   * Does the identifier name a global: nothing in the file declares it. A name declared only
   * as a global (`languageOptions.globals`, a `/* global *\/` comment) resolves to a variable
   * of the global scope without definitions, and is the global too.
   */
  isGlobal(id: TSESTree.Identifier): boolean {
    const ref = this.referenceOf(id);
    if (!ref) return false;
    return !ref.resolved || (ref.resolved.scope.type === 'global' && ref.resolved.defs.length === 0);
  }

  /** Does the identifier name the parameter of a `catch` clause (`e` of `catch (e)`) that nothing assigns again? */
  isCaughtError(id: TSESTree.Identifier): boolean {
    const variable = this.variableOf(id);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'CatchClause') return false;
    return variable.references.every((ref) => !ref.isWrite());
  }

  /** The one definition of the binding an identifier names, when it is never assigned again. */
  singleDefinition(id: TSESTree.Identifier): SingleDefinition | undefined {
    const variable = this.variableOf(id);
    return variable ? singleDefinitionOf(variable) : undefined;
  }

  /** The expression `const x = <init>` (or a `let` never reassigned) holds; null for a global name. */
  resolveConst(id: TSESTree.Identifier): TSESTree.Node | undefined | null {
    const ref = this.referenceOf(id);
    if (!ref) return undefined;
    if (this.isGlobal(id)) return null;
    const def = ref.resolved ? singleDefinitionOf(ref.resolved) : undefined;
    return def?.whole ? def.init : undefined;
  }

  /** Assignments after the declaration: the values written, `null` for `+=` and the like. */
  laterWrites(id: TSESTree.Identifier): Array<TSESTree.Node | null> {
    const variable = this.variableOf(id);
    if (!variable) return [];
    return variable.references.filter((r) => r.isWrite() && !r.init).map((r) => r.writeExpr ?? null);
  }

  /**
   * Every value the binding an identifier names is given: its initializer and the right side of
   * each later `=`. Undefined when one write is anything else (`+=`, `++`, a destructuring or
   * loop target, a parameter or function binding), so the list is all the binding ever holds
   * (besides `undefined` before a first assignment).
   */
  writtenValues(id: TSESTree.Identifier): TSESTree.Node[] | undefined {
    const variable = this.variableOf(id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id !== def.name) return undefined;
    const values: TSESTree.Node[] = declarator.init ? [declarator.init] : [];
    for (const ref of variable.references) {
      if (!ref.isWrite() || (ref.init && ref.writeExpr === declarator.init)) continue;
      const parent = ref.identifier.parent;
      if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.operator !== '=' || parent.left !== ref.identifier) return undefined;
      values.push(parent.right);
    }
    return values;
  }

  /** Read references of the variable an identifier declares or names, other than `id` itself. */
  readsOf(id: TSESTree.Identifier): TSESTree.Identifier[] {
    const variable = this.variableOf(id);
    if (!variable) return [];
    return variable.references.filter((r) => r.isRead() && r.identifier !== id).map((r) => r.identifier as TSESTree.Identifier);
  }

  /** Is the binding an identifier names declared once and never assigned afterwards (`function f`, `const f`, a `let` set only by its declaration)? */
  neverReassigned(id: TSESTree.Identifier): boolean {
    const variable = this.variableOf(id);
    return variable !== undefined && variable.defs.length === 1 && !variable.references.some((r) => r.isWrite() && !r.init);
  }

  /** Is the identifier a function declared in this file (`function f`, `const f = () => {}`)? */
  isLocalFunction(id: TSESTree.Identifier): boolean {
    const def = this.variableOf(id)?.defs[0];
    if (!def) return false;
    if (def.type === 'FunctionName') return true;
    if (def.type !== 'Variable') return false;
    const init = (def.node as TSESTree.VariableDeclarator).init;
    return !!init && isFunctionNode(unwrap(init));
  }

  /**
   * What `traceMap` names, followed through aliases and destructuring by typescript-eslint's
   * ReferenceTracker: a global (`process.env`), declared (`languageOptions.globals`,
   * `/* global *\/`) or not, the same through `require('process')`, and through `import`
   * (default, namespace and named imports of a CommonJS module). Each name of `traceMap` is
   * looked up as a global and as a module.
   */
  trackReferences(traceMap: TraceMap): TrackedReference[] {
    const globalScope = this.sourceCode.scopeManager?.globalScope;
    if (!globalScope) return [];
    const tracker = new ASTUtils.ReferenceTracker(withUndeclaredGlobals(globalScope), { mode: 'legacy' });
    const map = traceMap as Parameters<typeof tracker.iterateGlobalReferences>[0];
    return [...tracker.iterateGlobalReferences(map), ...tracker.iterateCjsReferences(map), ...tracker.iterateEsmReferences(map)];
  }

  /** Where an identifier was imported or required from: `{ source: 'node:path', imported: 'join' }`. */
  importOf(id: TSESTree.Identifier): { source: string; imported: string } | undefined {
    const variable = this.referenceOf(id)?.resolved;
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
      const spec = def.node;
      const imported =
        spec.type === AST_NODE_TYPES.ImportSpecifier
          ? spec.imported.type === AST_NODE_TYPES.Identifier
            ? spec.imported.name
            : String(spec.imported.value)
          : '*';
      return { source: String(def.parent.source.value), imported };
    }
    // const path = require('path'); const { join } = require('node:path');
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
    const source = this.requiredModule(def.node.init);
    if (source === undefined) return undefined;
    if (def.node.id === def.name) return { source, imported: '*' };
    const prop = def.name.parent;
    if (prop?.type === AST_NODE_TYPES.Property && prop.parent?.type === AST_NODE_TYPES.ObjectPattern) {
      const key = propertyKeyName(prop);
      if (key) return { source, imported: key };
    }
    return undefined;
  }

  /** `require('x')` with the global `require`: 'x'. */
  requiredModule(raw: TSESTree.Node): string | undefined {
    const init = unwrap(raw);
    if (
      init.type !== AST_NODE_TYPES.CallExpression ||
      init.callee.type !== AST_NODE_TYPES.Identifier ||
      init.callee.name !== 'require' ||
      init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
      typeof init.arguments[0].value !== 'string' ||
      !this.isGlobal(init.callee)
    ) {
      return undefined;
    }
    return init.arguments[0].value;
  }
}

/**
 * The global scope as ReferenceTracker should see it: a name the file uses without declaring
 * it has no variable in the scope manager (only `through` references), so it is given one
 * without definitions, like a declared global.
 */
function withUndeclaredGlobals(globalScope: Scope): Scope {
  const undeclared = new Map<string, Variable>();
  for (const ref of globalScope.through) {
    const name = ref.identifier.name;
    if (globalScope.set.has(name)) continue;
    let variable = undeclared.get(name);
    if (!variable) {
      variable = { name, defs: [], references: [], identifiers: [], scope: globalScope } as unknown as Variable;
      undeclared.set(name, variable);
    }
    variable.references.push(ref);
  }
  if (undeclared.size === 0) return globalScope;
  const set = { get: (name: string) => globalScope.set.get(name) ?? undeclared.get(name), has: (name: string) => globalScope.set.has(name) || undeclared.has(name) };
  return new Proxy(globalScope, { get: (target, key) => (key === 'set' ? set : Reflect.get(target, key)) });
}

function singleDefinitionOf(variable: Variable): SingleDefinition | undefined {
  if (variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return undefined;
  const declarator = def.node as TSESTree.VariableDeclarator;
  if (!declarator.init) return undefined;
  const decl = declarator.parent as TSESTree.VariableDeclaration;
  if (decl.kind !== 'const' && variable.references.some((r) => r.isWrite() && r.writeExpr !== declarator.init)) {
    return undefined;
  }
  return { variable, declarator, init: declarator.init, name: def.name, whole: declarator.id === def.name };
}

const AMBIGUOUS = Symbol('ambiguous');

/** Identifier → reference over all scopes; an identifier listed by two scopes maps to AMBIGUOUS. */
function indexReferences(sourceCode: SourceCode): Map<TSESTree.Node, Reference | typeof AMBIGUOUS> {
  const index = new Map<TSESTree.Node, Reference | typeof AMBIGUOUS>();
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  for (const scope of scopes) {
    const refs = scope.references;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i]!;
      const prev = index.get(ref.identifier);
      // Within one scope the last reference wins (as a per-scope map would have it).
      if (prev === undefined || (prev !== AMBIGUOUS && prev.from === scope)) index.set(ref.identifier, ref);
      else if (prev !== AMBIGUOUS) index.set(ref.identifier, AMBIGUOUS);
    }
  }
  return index;
}

/** A declaration name, not a reference: the variable its declaration declares with it. */
function declaredVariable(sourceCode: SourceCode, id: TSESTree.Identifier): Variable | undefined {
  for (const variable of sourceCode.getDeclaredVariables(declarationOf(id) ?? id)) {
    if (variable.identifiers.includes(id)) return variable;
  }
  return undefined;
}

function declarationOf(id: TSESTree.Identifier): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = id.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.VariableDeclarator ||
      isFunctionNode(current) ||
      current.type === AST_NODE_TYPES.ImportDeclaration ||
      current.type === AST_NODE_TYPES.CatchClause
    ) {
      return current;
    }
    current = current.parent;
  }
  return undefined;
}
