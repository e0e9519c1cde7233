import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, propertyKeyName, unwrap, within } from '../estree/nodes.js';
import type { EventTypes } from '../facts/event-types.js';
import { HEADER_KINDS, headerOwnerOf } from './kinds.js';
import { type FileState } from './state.js';
import { classify } from './classify.js';
import { resolveFunction } from './functions.js';
import { type DataName, dataNames, LOWERING_METHODS } from './header-names.js';
import { eventTypesAt, handlerAt } from './narrowing.js';
import type { AccessOp, Handler, HeaderEntry, HeaderOwner, HeaderUse, MemberAccess } from './types.js';

/** One entry per property of every header-map literal. */
export function headerEntriesOf(m: FileState): HeaderEntry[] {
  const entries: HeaderEntry[] = [];
  for (const [map, owner] of m.headerMaps) {
    for (const prop of map.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.kind !== 'init') continue;
      entries.push({ property: prop, name: propertyKeyName(prop), value: prop.value, map, owner });
    }
  }
  return entries;
}

/**
 * Where header uses run: their event types and handler, worked out when a rule first asks
 * (most reads are never asked, and `eventTypesAt` walks up the tree). An access, an entry, or
 * the helper call that passes a name; all uses of one share it.
 */
class Place {
  private typesKnown = false;
  private types: EventTypes = undefined;
  private handlerKnown = false;
  private owner: Handler | undefined = undefined;

  constructor(
    private readonly m: FileState,
    /** The access's node, the entry's property or the call. */
    private readonly node: TSESTree.Node,
    private readonly access: MemberAccess | undefined,
    /** For an entry: its map, whose response's event types win when it has one. */
    private readonly map: TSESTree.ObjectExpression | undefined,
    private readonly responseTypes: Map<TSESTree.ObjectExpression, EventTypes>,
  ) {}

  eventTypes(): EventTypes {
    if (!this.typesKnown) {
      const { m, map, responseTypes } = this;
      if (this.access) this.types = accessTypes(m, this.access, responseTypes);
      else this.types = map && responseTypes.has(map) ? responseTypes.get(map) : eventTypesAt(m, this.node);
      this.typesKnown = true;
    }
    return this.types;
  }

  handler(): Handler | undefined {
    if (!this.handlerKnown) {
      this.owner = handlerAt(this.m, this.node);
      this.handlerKnown = true;
    }
    return this.owner;
  }
}

/** A HeaderUse whose event types and handler are its place's, read when asked. */
class Use implements HeaderUse {
  constructor(
    readonly name: string,
    readonly op: AccessOp,
    readonly owner: HeaderOwner,
    readonly nameNode: TSESTree.Node,
    readonly form: HeaderUse['form'],
    readonly entry: HeaderEntry | undefined,
    readonly access: MemberAccess | undefined,
    readonly keyOnly: boolean,
    readonly lowercased: boolean,
    private readonly place: Place,
  ) {}

  get eventTypes(): EventTypes {
    return this.place.eventTypes();
  }

  get handler(): Handler | undefined {
    return this.place.handler();
  }
}

/**
 * A name held as data in SCREAMING_SNAKE_CASE (`const HEADER = 'PARA_RESPONSE_HEADER'`): a
 * placeholder a deploy step replaces in the source (a template parameter, a `.replace()` on
 * the file's text), not a header name. Header names are written with hyphens.
 */
const PLACEHOLDER = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * The view "headers by name, with their event types": every key of a header-map literal, every
 * access of a header map by a static name, and every name a computed key holds as data (see
 * header-names.ts), also when the key lowercases it (`headers[name.toLowerCase()]`: `lowercased`),
 * each with the event types it runs under and its handler.
 */
export function headerUses(m: FileState, entries: readonly HeaderEntry[]): HeaderUse[] {
  if (m.headerUses) return m.headerUses;
  const uses: HeaderUse[] = [];
  const responseTypes = new Map<TSESTree.ObjectExpression, EventTypes>();
  for (const response of m.responses.values()) for (const map of response.headerMaps) responseTypes.set(map, response.eventTypes);
  let keyUses: Set<TSESTree.Node> | undefined;
  let sitePlaces: Map<TSESTree.CallExpression, Place> | undefined;
  const siteOf = (site: TSESTree.CallExpression): Place => {
    sitePlaces ??= new Map();
    let place = sitePlaces.get(site);
    if (!place) sitePlaces.set(site, (place = new Place(m, site, undefined, undefined, responseTypes)));
    return place;
  };
  /** The names a computed key holds as data, also through `.toLowerCase()`. */
  const addData = (key: TSESTree.Node, op: AccessOp, owner: HeaderOwner, write: HeaderEntry | MemberAccess, place: Place) => {
    const entry = 'map' in write ? write : undefined;
    const access = entry ? undefined : (write as MemberAccess);
    const lowered = loweredOperand(key);
    for (let pass = 0; pass < 2; pass++) {
      const lowercased = pass === 1;
      if (lowercased && !lowered) break;
      for (const data of dataNames(m, lowercased ? lowered! : key)) {
        if (PLACEHOLDER.test(data.name) || (data.site && access && !siteAgrees(m, access, data.site))) continue;
        const keyOnly = !lowercased && isKeyOnly(data, (keyUses ??= headerKeyNodes(m, entries)));
        const at = data.site ? siteOf(data.site) : place;
        uses.push(new Use(data.name, op, owner, data.node, 'data', entry, access, keyOnly, lowercased, at));
      }
    }
  };
  for (const entry of entries) {
    const { owner, property } = entry;
    const place = new Place(m, property, undefined, entry.map, responseTypes);
    if (entry.name !== undefined) uses.push(new Use(entry.name, 'write', owner, property.key, 'entry', entry, undefined, false, false, place));
    else if (property.computed) addData(property.key, 'write', owner, entry, place);
  }
  for (const access of m.accesses) {
    if (!HEADER_KINDS.has(access.objectKind)) continue;
    const owner = headerOwnerOf(access.objectKind);
    const place = new Place(m, access.node, access, undefined, responseTypes);
    if (access.name !== undefined) {
      uses.push(new Use(access.name, access.op, owner, access.keyNode, 'member', undefined, access, false, false, place));
    } else if (access.node.type === AST_NODE_TYPES.MemberExpression && access.node.computed) {
      addData(access.node.property, access.op, owner, access, place);
    }
  }
  m.headerUses = uses;
  return uses;
}

/**
 * Event types of an access. A write into a generated response's header variable (`const headers
 * = {}; headers.x = ...; return { status, headers }`) runs in the events that response is
 * returned in, which may be narrower than what is known where the write is (a helper).
 */
function accessTypes(m: FileState, access: MemberAccess, responseTypes: Map<TSESTree.ObjectExpression, EventTypes>): EventTypes {
  const here = eventTypesAt(m, access.node);
  if (access.objectKind !== 'generated-headers' || access.node.type !== AST_NODE_TYPES.MemberExpression) return here;
  const object = unwrap(access.node.object);
  if (object.type !== AST_NODE_TYPES.Identifier) return here;
  const def = m.bindings.singleDefinition(object);
  const init = def?.whole ? unwrap(def.init) : undefined;
  return (init?.type === AST_NODE_TYPES.ObjectExpression ? responseTypes.get(init) : undefined) ?? here;
}

/**
 * `name.toLowerCase()` (or `toLocaleLowerCase()`, no locale) as a computed key: `name`, whose
 * names as data reach the map lowercased.
 */
function loweredOperand(key: TSESTree.Node): TSESTree.Node | undefined {
  const node = unwrap(key);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  return method !== undefined && LOWERING_METHODS.has(method) ? callee.object : undefined;
}

/** Computed keys that index a header map: `headers[name]`, `{ [NAME]: [...] }`. */
function headerKeyNodes(m: FileState, entries: readonly HeaderEntry[]): Set<TSESTree.Node> {
  const keys = new Set<TSESTree.Node>();
  for (const access of m.accesses) {
    if (HEADER_KINDS.has(access.objectKind) && access.node.type === AST_NODE_TYPES.MemberExpression && access.node.computed) {
      keys.add(access.node.property);
    }
  }
  for (const entry of entries) if (entry.property.computed) keys.add(entry.property.key);
  return keys;
}

/**
 * Renaming the literal changes nothing but header keys: every read of every variable the name
 * passed through is a header key or the next step of the way, and a table key has no
 * lowercase twin in its table.
 */
function isKeyOnly(data: DataName, keyUses: Set<TSESTree.Node>): boolean {
  for (const variable of data.carriers) {
    for (const ref of variable.references) {
      if (ref.isRead() && !data.links.has(ref.identifier) && !keyUses.has(ref.identifier)) return false;
    }
  }
  const prop = data.node.parent;
  if (prop?.type === AST_NODE_TYPES.Property && prop.key === data.node && prop.parent?.type === AST_NODE_TYPES.ObjectExpression) {
    const lower = data.name.toLowerCase();
    if (prop.parent.properties.some((p) => p !== prop && p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === lower)) return false;
  }
  return true;
}

/**
 * A name passed to a helper counts only when the same call passes a Lambda@Edge object for the
 * map the helper writes into (`setHeader(response.headers, 'X-A', ...)`, not `setHeader(res, ...)`).
 */
function siteAgrees(m: FileState, access: MemberAccess, site: TSESTree.CallExpression): boolean {
  let root: TSESTree.Node = access.node;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const def = m.bindings.variableOf(root)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionNode(def.node as TSESTree.Node)) return true;
  const fn = def.node as TSESTree.FunctionDeclaration;
  if (resolveFunction(m, site.callee) !== fn) return true;
  const index = fn.params.findIndex((p) => within(def.name, p));
  const arg = site.arguments[index];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return false;
  return classify(m, arg) !== undefined;
}
