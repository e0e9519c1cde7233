import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, findProperty, isFunctionNode, isStaticCall, memberName, outerParent, propertyKeyName, unwrap, valueLeaves, within } from '../estree/nodes.js';
import { patternPath } from './kinds.js';
import { type FileState } from './state.js';
import { callSites } from './functions.js';
import { objectLiteralOf } from './responses.js';

type Variable = TSESLint.Scope.Variable;

/**
 * Header names held as data: the string literals a computed header key (`headers[name]`) can
 * hold, when the file shows it statically. Followed: a constant (`const HSTS = '...'`), a loop or
 * `forEach` over a literal table (`Object.entries({ 'X-Frame-Options': ... })`, `Object.keys(T)`,
 * `for (k in T)`, an array of names, of `[name, value]` pairs or of `{ key, value }` objects), and
 * a local helper's parameter (`setHeader(headers, 'X-Frame-Options', 'DENY')`, one name per call).
 * Every binding on the way must have one definition, never reassigned; anything else is dropped.
 */
export interface DataName {
  name: string;
  /** The string literal, or the key of a table literal, that spells the name. */
  node: TSESTree.Node;
  /** The call that passes the name to a helper, when it comes in through a parameter. */
  site: TSESTree.CallExpression | undefined;
  /** The variables the name passed through, and the identifiers that carried it from one to the next. */
  carriers: Variable[];
  links: Set<TSESTree.Node>;
}

/** A value the resolution can hold: an expression, a table key, or a table's `[key, value]` pair. */
type Val =
  | { kind: 'node'; node: TSESTree.Node }
  | { kind: 'key'; prop: TSESTree.Property }
  | { kind: 'entry'; prop: TSESTree.Property };

/** A list shared by every trail that extends it: a step adds one cell instead of copying. */
interface Chain<T> {
  head: T;
  rest: Chain<T> | undefined;
}

interface Trail {
  site: TSESTree.CallExpression | undefined;
  /** Do not follow a helper's parameter to its call sites. */
  noSites: boolean;
  /** The variables passed through, last first. */
  carriers: Chain<Variable> | undefined;
  /** The identifiers that carried the value, last first. */
  links: Chain<TSESTree.Node> | undefined;
  depth: number;
}

const MAX_DEPTH = 8;
/** The string methods that lowercase: a name passed through one reaches a header map lowercased. */
export const LOWERING_METHODS: ReadonlySet<string> = new Set(['toLowerCase', 'toLocaleLowerCase']);
const ITERATING_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find']);

/** The header names `key` (a computed key expression) can hold, each at the literal that spells it. */
export function dataNames(m: FileState, key: TSESTree.Node): DataName[] {
  const out: DataName[] = [];
  const trail: Trail = { site: undefined, noSites: false, carriers: undefined, links: undefined, depth: 0 };
  for (const { val, trail: t } of values(m, key, trail)) {
    const name = val.kind === 'key' ? staticKey(val.prop) : val.kind === 'node' ? stringOf(val.node) : undefined;
    if (name === undefined) continue;
    const node = val.kind === 'key' ? val.prop.key : (val as { node: TSESTree.Node }).node;
    const carriers: Variable[] = [];
    for (let c = t.carriers; c; c = c.rest) carriers.unshift(c.head);
    const links = new Set<TSESTree.Node>();
    for (let c = t.links; c; c = c.rest) links.add(c.head);
    out.push({ name, node, site: t.site, carriers, links });
  }
  return out;
}

/**
 * Expressions `node` can hold, followed the same way (constants, loops over literal tables and
 * lists; not helper arguments): each one certainly reaches `node` on some run; others may too.
 */
export function heldValues(m: FileState, node: TSESTree.Node): TSESTree.Node[] {
  // A helper's value parameter is not followed: the call that passes a value may pass another
  // object than a header map, which only a name's use checks (see header-uses.ts).
  const trail: Trail = { site: undefined, noSites: true, carriers: undefined, links: undefined, depth: 0 };
  const out: TSESTree.Node[] = [];
  for (const { val } of values(m, node, trail)) if (val.kind === 'node' && val.node !== unwrap(node)) out.push(val.node);
  return out;
}

type Found = Array<{ val: Val; trail: Trail }>;

function values(m: FileState, raw: TSESTree.Node, trail: Trail): Found {
  if (trail.depth > MAX_DEPTH) return [];
  const node = unwrap(raw);
  // Most values are one leaf: no list of leaves.
  if (node.type !== AST_NODE_TYPES.ConditionalExpression && node.type !== AST_NODE_TYPES.LogicalExpression) return leafValues(m, node, trail);
  const out: Found = [];
  for (const leaf of valueLeaves(node)) for (const found of leafValues(m, leaf, trail)) out.push(found);
  return out;
}

function leafValues(m: FileState, leaf: TSESTree.Node, trail: Trail): Found {
  if (leaf.type === AST_NODE_TYPES.Identifier) return identifierValues(m, leaf, trail);
  if (leaf.type === AST_NODE_TYPES.MemberExpression) return memberValues(m, leaf, trail);
  return [{ val: { kind: 'node', node: leaf }, trail }];
}

function step(trail: Trail, variable: Variable | undefined, link: TSESTree.Node | undefined): Trail {
  const carriers = variable ? { head: variable, rest: trail.carriers } : trail.carriers;
  const links = link ? { head: link, rest: trail.links } : trail.links;
  return { site: trail.site, noSites: trail.noSites, carriers, links, depth: trail.depth + 1 };
}

function carries(trail: Trail, variable: Variable): boolean {
  for (let c = trail.carriers; c; c = c.rest) if (c.head === variable) return true;
  return false;
}

/** `header.key`, `pair[0]`: a property of each element the object can hold. */
function memberValues(m: FileState, member: TSESTree.MemberExpression, trail: Trail): Found {
  const name = memberName(member);
  if (name === undefined) return [];
  const out: Found = [];
  for (const { val, trail: t } of values(m, member.object, step(trail, undefined, undefined))) {
    const inner = pick(val, name);
    if (inner) out.push(...expand(m, inner, t));
  }
  return out;
}

/** A node value is looked into again (it may be a constant); keys and entries are final. */
function expand(m: FileState, val: Val, trail: Trail): Found {
  return val.kind === 'node' ? values(m, val.node, trail) : [{ val, trail }];
}

/** Per variable (one parse's object, so never stale): is it written other than where it is initialised? */
const reassignedMemo = new WeakMap<Variable, boolean>();

function reassigned(variable: Variable): boolean {
  let known = reassignedMemo.get(variable);
  if (known === undefined) reassignedMemo.set(variable, (known = variable.references.some((r) => r.isWrite() && !r.init)));
  return known;
}

function identifierValues(m: FileState, id: TSESTree.Identifier, trail: Trail): Found {
  const variable = m.bindings.variableOf(id);
  if (!variable || variable.defs.length !== 1 || carries(trail, variable) || reassigned(variable)) return [];
  const next = step(trail, variable, id);
  const def = variable.defs[0]!;
  if (def.type === 'Parameter') return parameterValues(m, def.node as TSESTree.Node, def.name as TSESTree.Identifier, next);
  if (def.type !== 'Variable') return [];
  const declarator = def.node as TSESTree.VariableDeclarator;
  const declaration = declarator.parent;
  const loop = declaration?.parent;
  if (
    (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) &&
    loop.left === declaration
  ) {
    const elements = loop.type === AST_NODE_TYPES.ForOfStatement ? elementsOf(m, loop.right, next) : keysOf(m, loop.right, next);
    return along(m, elements, patternPath(def.name, declarator.id));
  }
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const' || !declarator.init) return [];
  if (declarator.id !== def.name) return along(m, values(m, declarator.init, next), patternPath(def.name, declarator.id));
  return values(m, declarator.init, next);
}

/** Follows a destructuring path (`[name, value]` → 0, `{ key }` → key) into each value. */
function along(m: FileState, found: Found, path: Array<string | undefined>): Found {
  if (path.some((s) => s === undefined)) return [];
  let current = found;
  for (const name of path as string[]) {
    const next: Found = [];
    for (const { val, trail } of current) {
      const inner = pick(val, name);
      if (inner) next.push(...expand(m, inner, trail));
    }
    current = next;
  }
  return current;
}

/** The part `name` of a value: an array element, an object property, a pair's key (0) or value (1). */
function pick(val: Val, name: string): Val | undefined {
  if (val.kind === 'entry') {
    if (name === '0') return { kind: 'key', prop: val.prop };
    return name === '1' ? { kind: 'node', node: val.prop.value } : undefined;
  }
  if (val.kind !== 'node') return undefined;
  const node = unwrap(val.node);
  if (node.type === AST_NODE_TYPES.ArrayExpression && /^\d+$/.test(name)) {
    const element = node.elements[Number(name)];
    if (!element || node.elements.slice(0, Number(name)).some((e) => e?.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return element.type === AST_NODE_TYPES.SpreadElement ? undefined : { kind: 'node', node: element };
  }
  const literal = node.type === AST_NODE_TYPES.ObjectExpression ? node : undefined;
  const prop = literal && findProperty(literal, name);
  return prop ? { kind: 'node', node: prop.value } : undefined;
}

/** What iterating `raw` yields: an array literal's elements, `Object.keys/values/entries` of a table. */
function elementsOf(m: FileState, raw: TSESTree.Node, trail: Trail): Found {
  const node = unwrap(raw);
  for (const method of ['keys', 'values', 'entries'] as const) {
    if (!isStaticCall(node, 'Object', method) || !node.arguments[0]) continue;
    const table = tableOf(m, node.arguments[0], trail);
    if (!table) return [];
    const props = table.literal.properties.filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed);
    return props.map((prop) => ({
      val: method === 'keys' ? { kind: 'key', prop } : method === 'entries' ? { kind: 'entry', prop } : { kind: 'node', node: prop.value },
      trail: table.trail,
    }));
  }
  const out: Found = [];
  for (const { val, trail: t } of values(m, node, trail)) {
    if (val.kind !== 'node' || val.node.type !== AST_NODE_TYPES.ArrayExpression) continue;
    for (const element of val.node.elements) {
      if (element && element.type !== AST_NODE_TYPES.SpreadElement) out.push({ val: { kind: 'node', node: element }, trail: t });
    }
  }
  return out;
}

/** `for (name in T)`: the keys of a table literal. */
function keysOf(m: FileState, raw: TSESTree.Node, trail: Trail): Found {
  const table = tableOf(m, raw, trail);
  if (!table) return [];
  return table.literal.properties
    .filter((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed)
    .map((prop) => ({ val: { kind: 'key', prop }, trail: table.trail }));
}

/** A table: an object literal, or a constant holding one. */
function tableOf(m: FileState, raw: TSESTree.Node, trail: Trail): { literal: TSESTree.ObjectExpression; trail: Trail } | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return { literal: node, trail };
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = m.bindings.singleDefinition(node);
  const literal = def?.whole ? objectLiteralOf(m, node) : undefined;
  return literal && def ? { literal, trail: step(trail, def.variable, node) } : undefined;
}

/**
 * A parameter: of a callback that iterates (`Object.keys(T).forEach((name) => ...)`), or of a
 * local helper, whose call sites each pass their own argument.
 */
function parameterValues(m: FileState, fnNode: TSESTree.Node, name: TSESTree.Identifier, trail: Trail): Found {
  if (!isFunctionNode(fnNode)) return [];
  const fn: FunctionNode = fnNode;
  const { node: outer, parent } = outerParent(fn);
  const iterated = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === outer;
  // Not a callback, and call sites are not to be followed: nothing, before any search.
  if (!iterated && (trail.site || trail.noSites)) return [];
  const index = fn.params.findIndex((p) => within(name, p));
  if (index < 0) return [];
  const path = patternPath(name, fn.params[index]!);
  if (iterated) {
    const callee = unwrap(parent.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (index !== 0 || callee.type !== AST_NODE_TYPES.MemberExpression || !method || !ITERATING_METHODS.has(method)) return [];
    return along(m, elementsOf(m, callee.object, trail), path);
  }
  if (path.length > 0 || trail.site || trail.noSites || lowercasesItself(m, name)) return [];
  const out: Found = [];
  for (const site of callSites(m, fn)) {
    const arg = site.call.arguments[index];
    if (!arg || site.call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) continue;
    const from: Trail = { site: site.call, noSites: trail.noSites, carriers: trail.carriers, links: trail.links, depth: trail.depth };
    for (const found of values(m, arg, from)) out.push(found);
  }
  return out;
}

/**
 * A helper that lowercases the name itself (`headers[key] ?? headers[key.toLowerCase()]`)
 * handles any spelling its callers pass, so their names are not followed into it.
 */
function lowercasesItself(m: FileState, name: TSESTree.Identifier): boolean {
  const variable = m.bindings.variableOf(name);
  return (variable?.references ?? []).some((ref) => {
    const member = ref.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
    const method = memberName(member);
    return method !== undefined && LOWERING_METHODS.has(method) && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
  });
}

function stringOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function staticKey(prop: TSESTree.Property): string | undefined {
  if (prop.computed || prop.shorthand) return undefined;
  if (prop.key.type === AST_NODE_TYPES.Literal && typeof prop.key.value !== 'string') return undefined;
  return propertyKeyName(prop);
}
