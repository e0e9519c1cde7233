import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { literalString, memberName, unwrap } from '../estree/nodes.js';
import { EDGE_EVENT_FIELD, OTHER_EVENT_FIELDS } from '../facts/event-shapes.js';
import { classify } from './classify.js';
import type { FileState } from './state.js';

/**
 * The condition-test facts of multi-target code: what a condition says about which event a
 * handler got, CloudFront's or another target's (API Gateway, an ALB, a function URL). One
 * set of facts for every view that asks (`targetAt`, the responses view through it).
 *
 * A field test counts only on an expression that classifies as the handler's event (its
 * parameter, an alias, a helper's parameter fed the event): `'Records' in payload` on some
 * parsed body says nothing about the trigger.
 */
export type Side = 'edge' | 'other' | undefined;

/** What a condition says about the event when it is true, and when it is false. */
export interface EventTest {
  whenTrue: Side;
  whenFalse: Side;
  /** It reads the event's own fields (`'Records' in event`, `event.httpMethod`): the code tells targets apart. */
  shape: boolean;
}

const UNKNOWN: EventTest = { whenTrue: undefined, whenFalse: undefined, shape: false };
/** `'Records' in event`: true exactly for a CloudFront event. */
const RECORDS: EventTest = { whenTrue: 'edge', whenFalse: 'other', shape: true };
/** `event.requestContext`: true only for another target's event; false says nothing. */
const OTHER_FIELD: EventTest = { whenTrue: 'other', whenFalse: undefined, shape: true };
/** `cf.request`, `event.Records[0].cf`: parts every CloudFront event has, so false means another event. */
const PRESENT: EventTest = { whenTrue: 'edge', whenFalse: 'other', shape: false };
/** `cf.response`: only response events have it, so false says nothing. */
const RESPONSE: EventTest = { whenTrue: 'edge', whenFalse: undefined, shape: false };

/** Kinds every CloudFront event holds: reading one as a condition tests for CloudFront. */
const PRESENT_KINDS: ReadonlySet<string> = new Set(['records', 'record', 'cf', 'config', 'request']);

function fieldTest(m: FileState, object: TSESTree.Node, name: string | undefined): EventTest {
  if (name === undefined || classify(m, object) !== 'event') return UNKNOWN;
  if (name === EDGE_EVENT_FIELD) return RECORDS;
  return OTHER_EVENT_FIELDS.has(name) ? OTHER_FIELD : UNKNOWN;
}

function negate(test: EventTest): EventTest {
  return { whenTrue: test.whenFalse, whenFalse: test.whenTrue, shape: test.shape };
}

/** Both sides agree (and are known), or one alone is known. */
export const either = (a: Side, b: Side): Side => (a === b ? a : a === undefined ? b : b === undefined ? a : undefined);
const both = (a: Side, b: Side): Side => (a === b ? a : undefined);

function isNothing(raw: TSESTree.Node): boolean {
  const v = unwrap(raw);
  return (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') || (v.type === AST_NODE_TYPES.Literal && v.value === null);
}

/** `Array.isArray(x)` and `Boolean(x)` are as true as `x`. */
function truthOf(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  const arg = call.arguments[0];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const isArray =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Array' &&
    memberName(callee) === 'isArray';
  return isArray || (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Boolean') ? arg : undefined;
}

function testOf(m: FileState, raw: TSESTree.Node, depth: number): EventTest {
  if (depth > 8) return UNKNOWN;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' ? negate(testOf(m, node.argument, depth + 1)) : UNKNOWN;
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return UNKNOWN;
      const l = testOf(m, node.left, depth + 1);
      const r = testOf(m, node.right, depth + 1);
      const shape = l.shape || r.shape;
      // a && b: true when both are; false when either is false. a || b: the converse.
      if (node.operator === '&&') return { whenTrue: either(l.whenTrue, r.whenTrue), whenFalse: both(l.whenFalse, r.whenFalse), shape };
      return { whenTrue: both(l.whenTrue, r.whenTrue), whenFalse: either(l.whenFalse, r.whenFalse), shape };
    }
    case AST_NODE_TYPES.Identifier: {
      // const isEdge = 'Records' in event;
      const init = m.bindings.resolveConst(node);
      return init ? testOf(m, init, depth + 1) : UNKNOWN;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const direct = fieldTest(m, node.object, memberName(node));
      if (direct !== UNKNOWN) return direct;
      const kind = classify(m, node);
      return kind === 'response' ? RESPONSE : kind && PRESENT_KINDS.has(kind) ? PRESENT : UNKNOWN;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator === 'in' && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
        return fieldTest(m, node.right, literalString(node.left));
      }
      // event.Records !== undefined, event.requestContext == null
      const equal = node.operator === '===' || node.operator === '==';
      if (!equal && node.operator !== '!==' && node.operator !== '!=') return UNKNOWN;
      const operand = isNothing(node.right) ? node.left : isNothing(node.left) ? node.right : undefined;
      if (!operand) return UNKNOWN;
      const truthy = testOf(m, operand, depth + 1);
      return equal ? negate(truthy) : truthy;
    }
    case AST_NODE_TYPES.CallExpression: {
      const arg = truthOf(node);
      return arg ? testOf(m, arg, depth + 1) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

const memos = new WeakMap<FileState, Map<TSESTree.Node, EventTest>>();

/**
 * What a condition says about the event: `'Records' in event`, `event.Records`,
 * `event.Records?.[0]?.cf`, `Array.isArray(event.Records)`, `Boolean(...)`,
 * `event.Records !== undefined`, `'requestContext' in event`, `event.httpMethod` (and the other
 * fields of OTHER_EVENT_FIELDS), `!cf.request`, their negations, `&&` and `||`, and a `const`
 * holding one of them (`const isEdge = 'Records' in event`). Memoised per condition.
 */
export function eventTest(m: FileState, node: TSESTree.Node): EventTest {
  let memo = memos.get(m);
  if (!memo) memos.set(m, (memo = new Map()));
  let test = memo.get(node);
  if (!test) memo.set(node, (test = testOf(m, node, 0)));
  return test;
}
