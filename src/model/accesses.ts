import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, memberName, outerParent, propertyKeyName, unwrap, literalString } from '../estree/nodes.js';
import { type Kind, HEADER_KINDS, headerOwnerOf, transition } from './kinds.js';
import type { AccessOp, MemberAccess } from './types.js';
import { type FileState } from './state.js';
import { typeKindOf } from './aws-types.js';
import { classify, classifyParam } from './classify.js';
import { addHeaderMap } from './header-maps.js';
import { objectCalls } from './object-calls.js';
import { objectLiteralOf } from './responses.js';

/**
 * Phase 5, accesses: header maps assigned onto Lambda@Edge objects first (they change what a
 * member is), then every member access, destructuring read and `in` check of a classified object.
 */
export function collectAccesses(m: FileState): void {
  collectAssignedHeaderMaps(m);
  m.kindMemo.clear();
  m.varMemo.clear();
  collectMemberAccesses(m);
  collectPatternAndInReads(m);
}

function collectAssignedHeaderMaps(m: FileState): void {
  // Header maps assigned onto Lambda@Edge objects (`response.headers = {...}`), and origin
  // custom headers (`request.origin = { custom: { customHeaders: {...} } }`).
  for (const member of m.members) {
    const name = memberName(member);
    if (name !== 'headers' && name !== 'customHeaders' && name !== 'origin') continue;
    const { node: outer, parent } = outerParent(member);
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== outer) continue;
    const kind = classify(m, member.object);
    if (name === 'headers' && (kind === 'request' || kind === 'response' || kind === 'generated')) {
      addHeaderMap(m, parent.right, kind);
    } else if (name === 'customHeaders' && kind === 'origin-config') {
      addHeaderMap(m, parent.right, 'origin');
    } else if (name === 'origin' && kind === 'request') {
      const origin = objectLiteralOf(m, parent.right);
      for (const key of ['custom', 's3']) {
        const config = origin && findProperty(origin, key);
        const literal = config && objectLiteralOf(m, config.value);
        const headers = literal && findProperty(literal, 'customHeaders');
        if (headers) addHeaderMap(m, headers.value, 'origin');
      }
    }
  }
  // Header objects merged in with Object.assign(headers, {...}).
  for (const { method, target: first, sources } of objectCalls(m)) {
    if (method !== 'assign' || !first) continue;
    const target = classify(m, first);
    if (target && HEADER_KINDS.has(target)) {
      for (const arg of sources) {
        const literal = objectLiteralOf(m, arg);
        if (literal) addHeaderMap(m, literal, headerOwnerOf(target));
        else if (unwrap(arg).type === AST_NODE_TYPES.CallExpression) addHeaderMap(m, arg, headerOwnerOf(target));
      }
    }
  }

}

/** What every object inherits: on a header map these name methods, never headers. */
const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/**
 * A member of a header map that is not a header: one that is called (`headers.hasOwnProperty('x')`,
 * `headers.toString()`; a header value is an array, never a function), or an `Object.prototype`
 * name read without a call (`headers.constructor`).
 */
function isHeaderMapMethod(member: TSESTree.MemberExpression): boolean {
  const { node: outer, parent } = outerParent(member);
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) return true;
  const name = memberName(member);
  return name !== undefined && OBJECT_PROTOTYPE_NAMES.has(name);
}

function collectMemberAccesses(m: FileState): void {
  for (const member of m.members) {
    const objectKind = classify(m, member.object);
    if (!objectKind || objectKind === 'callback') continue;
    if (HEADER_KINDS.has(objectKind) && isHeaderMapMethod(member)) continue;
    const { op, value } = accessOp(member);
    const access: MemberAccess = {
      node: member,
      objectKind,
      name: memberName(member),
      keyNode: member.property,
      op,
      value,
    };
    m.accesses.push(access);
    if (objectKind === 'generated' && member.object.type === AST_NODE_TYPES.Identifier) {
      const variable = m.bindings.variableOf(member.object);
      const response = variable && m.responseVars.get(variable);
      if (response && (op === 'write' || op === 'delete')) response.writes.push(access);
    }
  }
}

function collectPatternAndInReads(m: FileState): void {
  for (const { pattern, source } of m.patterns) {
    const objectKind = classify(m, source);
    if (objectKind) addPatternReads(m, pattern, objectKind);
  }
  for (const fn of m.functions) {
    fn.params.forEach((param, index) => {
      if (param.type !== AST_NODE_TYPES.ObjectPattern) return;
      const kind = typeKindOf(m, param) ?? classifyParam(m, fn, index);
      if (kind && kind !== 'request-handler' && kind !== 'response-handler') addPatternReads(m, param, kind);
    });
  }
  collectOwnPropertyChecks(m);
  for (const check of m.inChecks) {
    const kind = classify(m, check.right);
    if (!kind || !HEADER_KINDS.has(kind) || check.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
    const name = literalString(check.left);
    if (name === undefined) continue;
    m.accesses.push({
      node: check as unknown as TSESTree.MemberExpression,
      objectKind: kind,
      name,
      keyNode: check.left,
      op: 'read',
      value: undefined,
    });
  }
}

export function addPatternReads(m: FileState, pattern: TSESTree.ObjectPattern, objectKind: Kind): void {
  for (const prop of pattern.properties) {
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyKeyName(prop);
    m.accesses.push({ node: prop, objectKind, name, keyNode: prop.key, op: 'read', value: undefined });
    const next = name === undefined ? undefined : transition(objectKind, name, prop.computed);
    const inner = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
    if (next && inner.type === AST_NODE_TYPES.ObjectPattern) addPatternReads(m, inner, next);
  }
}

/** How a member expression uses its object's property. */
function accessOp(member: TSESTree.MemberExpression): { op: AccessOp; value: TSESTree.Node | undefined } {
  const { node: outer, parent } = outerParent(member);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) {
    return parent.operator === '=' ? { op: 'write', value: parent.right } : { op: 'modify', value: undefined };
  }
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return { op: 'delete', value: undefined };
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { op: 'modify', value: undefined };
  // headers['x'][0].value = ..., headers['x'].push(...): changes the existing header.
  let current: TSESTree.Node = outer;
  let up: TSESTree.Node | undefined = parent;
  let climbed = false;
  while (up?.type === AST_NODE_TYPES.MemberExpression && up.object === current) {
    climbed = true;
    const next = outerParent(up);
    current = next.node;
    up = next.parent;
  }
  if (climbed) {
    if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === current) return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.UpdateExpression) return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.CallExpression && up.callee === current && current.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(current);
      if (method && ['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'sort', 'reverse'].includes(method)) {
        return { op: 'modify', value: undefined };
      }
    }
  }
  return { op: 'read', value: undefined };
}

/**
 * `headers.hasOwnProperty('x')`, `Object.hasOwn(headers, 'x')`,
 * `Object.prototype.hasOwnProperty.call(headers, 'x')`: a presence check by key, read like `'x' in headers`.
 */
function collectOwnPropertyChecks(m: FileState): void {
  for (const member of m.members) {
    const method = memberName(member);
    const { node: callee, parent: call } = outerParent(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) continue;
    let map: TSESTree.Node | undefined;
    let key: TSESTree.Node | undefined;
    if (method === 'hasOwnProperty') [map, key] = [member.object, call.arguments[0]];
    else if (method === 'hasOwn' && isObjectGlobal(m, member.object)) [map, key] = [call.arguments[0], call.arguments[1]];
    else if (method === 'call' && isPrototypeHasOwn(m, member.object)) [map, key] = [call.arguments[0], call.arguments[1]];
    if (!map || !key || map.type === AST_NODE_TYPES.SpreadElement || key.type === AST_NODE_TYPES.SpreadElement) continue;
    const kind = classify(m, map);
    const name = literalString(key);
    if (!kind || !HEADER_KINDS.has(kind) || name === undefined) continue;
    m.accesses.push({ node: call as unknown as TSESTree.MemberExpression, objectKind: kind, name, keyNode: key, op: 'read', value: undefined });
  }
}

function isObjectGlobal(m: FileState, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'Object' && m.bindings.isGlobal(node);
}

/** `Object.prototype.hasOwnProperty` or `{}.hasOwnProperty`. */
function isPrototypeHasOwn(m: FileState, raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'hasOwnProperty') return false;
  const owner = unwrap(node.object);
  if (owner.type === AST_NODE_TYPES.ObjectExpression) return owner.properties.length === 0;
  return owner.type === AST_NODE_TYPES.MemberExpression && memberName(owner) === 'prototype' && isObjectGlobal(m, owner.object);
}
