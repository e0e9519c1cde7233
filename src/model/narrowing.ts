import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isAbsentValue, isFunctionNode, memberName, outerParent, unwrap, literalString, within, findPatternKey } from '../estree/nodes.js';
import { alwaysExits } from '../estree/control-flow.js';
import { type EventType, type EventTypes, REQUEST_EVENTS, RESPONSE_EVENTS, intersect, isEventType, union, complement } from '../facts/event-types.js';
import { type Handler } from './types.js';
import { type FileState } from './state.js';
import { classify } from './classify.js';

export function computeFileEventTypes(m: FileState, commentTypes: EventTypes): EventTypes {
  if (m.handlers.length > 0) {
    for (const handler of m.handlers) {
      inferFromCode(m, handler);
    }
    let types: EventTypes = m.handlers[0]!.eventTypes;
    for (const handler of m.handlers.slice(1)) types = union(types, handler.eventTypes);
    return types;
  }
  return commentTypes ?? m.settingsTypes ?? m.infra?.importedBy;
}

/** After results are traced: a handler that touches `cf.response` serves a response event. */
export function inferFromCode(m: FileState, handler: Handler): void {
  if (handler.eventTypes) return;
  // A handler that checks cf.config.eventType, or whether the record has a response, serves
  // several events: leave it to narrowing.
  for (const member of m.members) {
    if (!within(member, handler.node)) continue;
    if (memberName(member) === 'eventType' && classify(m, member.object) === 'config') return;
    if (isResponseMember(m, member) && isConditionOperand(member)) return;
  }
  for (const check of m.inChecks) if (within(check, handler.node) && isResponsePresence(m, check)) return;
  for (const member of m.members) {
    if (!within(member, handler.node)) continue;
    if (memberName(member) === 'response' && classify(m, member.object) === 'cf' && !isHandedOn(m, member) && !isUnusedBinding(m, member)) {
      handler.eventTypes = RESPONSE_EVENTS;
      handler.eventTypeSource = 'code';
      return;
    }
  }
  for (const { pattern, source } of m.patterns) {
    if (!within(pattern, handler.node)) continue;
    const prop = classify(m, source) === 'cf' ? findPatternKey(pattern, 'response') : undefined;
    if (prop && !isUnusedBinding(m, prop.value)) {
      handler.eventTypes = RESPONSE_EVENTS;
      handler.eventTypeSource = 'code';
      return;
    }
  }
  for (const result of handler.results) {
    if (classify(m, result) === 'request') {
      handler.eventTypes = REQUEST_EVENTS;
      handler.eventTypeSource = 'code';
      return;
    }
  }
}

/**
 * `{ response: event.Records[0].cf.response }`, `app.fetch(req, cf.response)`: the value is only
 * passed along (an adapter that serves every trigger hands it to the framework, undefined or
 * not), so it says nothing about which event the handler serves. Handed to `callback` it is
 * the handler's result, which does.
 */
function isHandedOn(m: FileState, member: TSESTree.MemberExpression): boolean {
  const { node, parent } = outerParent(member);
  if (parent?.type === AST_NODE_TYPES.Property) return parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return false;
  return parent.arguments.some((arg) => arg === node) && classify(m, parent.callee) !== 'callback';
}

/**
 * `const response = cf.response;` (or `const { response } = cf`) whose name is never read: the
 * line copied from a template says nothing about the event the handler serves.
 */
function isUnusedBinding(m: FileState, node: TSESTree.Node): boolean {
  let id: TSESTree.Node | undefined = node;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const { node: outer, parent } = outerParent(node);
    id = parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer ? parent.id : undefined;
  } else if (node.type === AST_NODE_TYPES.AssignmentPattern) {
    id = node.left;
  }
  return id?.type === AST_NODE_TYPES.Identifier && m.bindings.readsOf(id).length === 0 && m.bindings.variableOf(id) !== undefined;
}

export function handlerAt(m: FileState, node: TSESTree.Node): Handler | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current) {
    if (isFunctionNode(current)) {
      const handler = m.handlersByNode.get(current);
      if (handler) return handler;
    }
    current = current.parent;
  }
  return undefined;
}

/** The event types that code at `node` can run under, with `eventType` checks applied. */
export function eventTypesAt(m: FileState, node: TSESTree.Node): EventTypes {
  let narrowed: EventTypes;
  let child: TSESTree.Node = node;
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === current.consequent) narrowed = intersect(narrowed, narrow(m, current.test, true));
        else if (child === current.alternate) narrowed = intersect(narrowed, narrow(m, current.test, false));
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && current.operator === '&&') {
          narrowed = intersect(narrowed, narrow(m, current.left, true));
        } else if (child === current.right && current.operator === '||') {
          narrowed = intersect(narrowed, narrow(m, current.left, false));
        }
        break;
      case AST_NODE_TYPES.SwitchCase:
        narrowed = intersect(narrowed, narrowSwitchCase(m, current));
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock: {
        // `if (type !== 'origin-response') return;` narrows everything after it.
        const body = current.body as TSESTree.Node[];
        const index = body.indexOf(child);
        for (let i = 0; i < index; i++) {
          const stmt = body[i]!;
          if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent)) {
            narrowed = intersect(narrowed, narrow(m, stmt.test, false));
          }
        }
        break;
      }
      default:
        break;
    }
    if (isFunctionNode(current)) {
      const handler = m.handlersByNode.get(current);
      if (handler) return intersect(handler.eventTypes, narrowed);
    }
    child = current;
    current = current.parent;
  }
  return intersect(m.fileEventTypes, narrowed);
}

export function narrow(m: FileState, raw: TSESTree.Node, positive: boolean): EventTypes {
  const test = unwrap(raw);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return narrow(m, test.argument, !positive);
  if (test.type === AST_NODE_TYPES.LogicalExpression) {
    const l = narrow(m, test.left, positive);
    const r = narrow(m, test.right, positive);
    const conjunction = (test.operator === '&&') === positive;
    if (test.operator === '??') return undefined;
    return conjunction ? intersect(l, r) : union(l, r);
  }
  // `if (cf.response)`, `'response' in cf`: only the response events' records carry one.
  if (isResponsePresence(m, test)) return positive ? RESPONSE_EVENTS : REQUEST_EVENTS;
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
    // `cf.response !== undefined`, `cf.response == null`
    const operand = isAbsentValue(test.right) ? test.left : test.left.type !== AST_NODE_TYPES.PrivateIdentifier && isAbsentValue(test.left) ? test.right : undefined;
    if (operand && isResponsePresence(m, unwrap(operand))) {
      const equal = test.operator === '===' || test.operator === '==';
      return equal === positive ? REQUEST_EVENTS : RESPONSE_EVENTS;
    }
    let value: string | undefined;
    if (test.left.type !== AST_NODE_TYPES.PrivateIdentifier && classify(m, test.left) === 'eventType') {
      value = literalString(test.right);
    } else if (classify(m, test.right) === 'eventType') {
      value = literalString(test.left);
    }
    if (value === undefined || !isEventType(value)) return undefined;
    const equal = test.operator === '===' || test.operator === '==';
    return equal === positive ? new Set([value]) : complement(new Set([value]));
  }
  // ['origin-request', 'origin-response'].includes(eventType)
  if (
    test.type === AST_NODE_TYPES.CallExpression &&
    test.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(test.callee) === 'includes' &&
    test.arguments.length === 1 &&
    classify(m, test.arguments[0]!) === 'eventType'
  ) {
    const list = unwrap(test.callee.object);
    if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const values = list.elements.map((e) => (e ? literalString(e) : undefined));
    if (!values.every((v): v is EventType => v !== undefined && isEventType(v))) return undefined;
    const set = new Set(values);
    return positive ? set : complement(set);
  }
  return undefined;
}

export function narrowSwitchCase(m: FileState, switchCase: TSESTree.SwitchCase): EventTypes {
  const statement = switchCase.parent as TSESTree.SwitchStatement;
  if (classify(m, statement.discriminant) !== 'eventType') return undefined;
  const cases = statement.cases;
  const index = cases.indexOf(switchCase);
  if (!switchCase.test) {
    const listed = new Set(cases.map((c) => (c.test ? literalString(c.test) : undefined)).filter(isEventType));
    return complement(listed);
  }
  const set = new Set<EventType>();
  // Fall-through from empty cases above: `case 'a': case 'b': ...`
  for (let i = index; i >= 0; i--) {
    const c = cases[i]!;
    if (i < index && c.consequent.length > 0) break;
    if (!c.test) return undefined;
    const value = literalString(c.test);
    if (value === undefined || !isEventType(value)) return undefined;
    set.add(value);
  }
  return set;
}

/** `cf.response` (a member of the record's `cf`). */
function isResponseMember(m: FileState, node: TSESTree.Node): node is TSESTree.MemberExpression {
  return node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'response' && classify(m, node.object) === 'cf';
}

/** `cf.response` or `'response' in cf`, as a test of whether the record holds a response. */
function isResponsePresence(m: FileState, node: TSESTree.Node): boolean {
  if (isResponseMember(m, node)) return true;
  return node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in' && node.left.type !== AST_NODE_TYPES.PrivateIdentifier && literalString(node.left) === 'response' && classify(m, node.right) === 'cf';
}

/**
 * Is the member read only as a condition (`if (cf.response)`, `cf.response ? … : …`,
 * `!cf.response && …`, `cf.response !== undefined`)? Then it asks which event this is, and says
 * nothing of its own about it.
 */
function isConditionOperand(member: TSESTree.MemberExpression): boolean {
  let { node, parent } = outerParent(member);
  while (
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') ||
    (parent?.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(parent.operator) && isAbsentValue(parent.left === node ? parent.right : parent.left))
  ) {
    ({ node, parent } = outerParent(parent));
  }
  if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === node;
  return parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === node;
}
