import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { alwaysExits } from '../estree/control-flow.js';
import { isFunctionNode, literalString, memberName, unwrap } from '../estree/nodes.js';
import { classify } from './classify.js';
import type { FileState } from './state.js';

/**
 * Which kind of event a path of a handler runs with, for handlers that serve CloudFront and
 * another event source (a multi-target adapter): `'Records' in event`, `event.Records?.[0]?.cf`,
 * `event.requestContext` and the like as branch conditions. Used to keep an API Gateway branch's
 * `{ statusCode }` result out of the responses view.
 */
type Verdict = 'edge' | 'other' | undefined;

/** What a condition says about the event when it is true, and when it is false. */
interface Test {
  whenTrue: Verdict;
  whenFalse: Verdict;
}

const UNKNOWN: Test = { whenTrue: undefined, whenFalse: undefined };
/** True exactly for a CloudFront event. */
const EDGE: Test = { whenTrue: 'edge', whenFalse: 'other' };
/** True only for an API Gateway (or function URL / ALB) event; false says nothing. */
const OTHER: Test = { whenTrue: 'other', whenFalse: undefined };

/** Fields of API Gateway, function URL and ALB events that a CloudFront event does not have. */
const OTHER_EVENT_FIELDS: ReadonlySet<string> = new Set([
  'requestContext',
  'httpMethod',
  'rawPath',
  'rawQueryString',
  'routeKey',
  'queryStringParameters',
  'pathParameters',
  'multiValueHeaders',
  'isBase64Encoded',
]);

/** Kinds that exist only on a CloudFront event: reading one as a condition tests for it. */
const EDGE_KINDS: ReadonlySet<string> = new Set(['records', 'record', 'cf', 'config', 'request', 'response']);

function fieldTest(m: FileState, object: TSESTree.Node, name: string | undefined): Test {
  if (name === undefined || classify(m, object) !== 'event') return UNKNOWN;
  if (name === 'Records') return EDGE;
  return OTHER_EVENT_FIELDS.has(name) ? OTHER : UNKNOWN;
}

function negate(test: Test): Test {
  return { whenTrue: test.whenFalse, whenFalse: test.whenTrue };
}

/** Both verdicts agree (and are known), or one side alone is known. */
const either = (a: Verdict, b: Verdict): Verdict => (a === b ? a : a === undefined ? b : b === undefined ? a : undefined);
const both = (a: Verdict, b: Verdict): Verdict => (a === b ? a : undefined);

export function conditionTest(m: FileState, raw: TSESTree.Node, depth = 0): Test {
  if (depth > 8) return UNKNOWN;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return node.operator === '!' ? negate(conditionTest(m, node.argument, depth + 1)) : UNKNOWN;
    case AST_NODE_TYPES.LogicalExpression: {
      if (node.operator === '??') return UNKNOWN;
      const l = conditionTest(m, node.left, depth + 1);
      const r = conditionTest(m, node.right, depth + 1);
      // a && b: true when both are; false when either is false.
      if (node.operator === '&&') return { whenTrue: either(l.whenTrue, r.whenTrue), whenFalse: both(l.whenFalse, r.whenFalse) };
      return { whenTrue: both(l.whenTrue, r.whenTrue), whenFalse: either(l.whenFalse, r.whenFalse) };
    }
    case AST_NODE_TYPES.Identifier: {
      // const isEdge = 'Records' in event;
      const init = m.bindings.resolveConst(node);
      return init ? conditionTest(m, init, depth + 1) : UNKNOWN;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const direct = fieldTest(m, node.object, memberName(node));
      if (direct !== UNKNOWN) return direct;
      const kind = classify(m, node);
      return kind && EDGE_KINDS.has(kind) ? EDGE : UNKNOWN;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator === 'in' && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
        return fieldTest(m, node.right, literalString(node.left));
      }
      // event.Records !== undefined, event.requestContext == null
      const equal = node.operator === '===' || node.operator === '==';
      if (!equal && node.operator !== '!==' && node.operator !== '!=') return UNKNOWN;
      const nothing = (n: TSESTree.Node) => {
        const v = unwrap(n);
        return (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') || (v.type === AST_NODE_TYPES.Literal && v.value === null);
      };
      const operand = nothing(node.right) ? node.left : nothing(node.left) ? node.right : undefined;
      if (!operand) return UNKNOWN;
      const truthy = conditionTest(m, operand, depth + 1);
      return equal ? negate(truthy) : truthy;
    }
    case AST_NODE_TYPES.CallExpression: {
      // Array.isArray(event.Records), Boolean(event.Records)
      const callee = unwrap(node.callee);
      const arg = node.arguments[0];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
      const isArray =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Array' &&
        memberName(callee) === 'isArray';
      const isBoolean = callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Boolean';
      return isArray || isBoolean ? conditionTest(m, arg, depth + 1) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/**
 * What the conditions around `node` say about the event, up to the function `stop`: 'other'
 * when the node is in a branch that runs only for a non-CloudFront event (the `else` of
 * `'Records' in event`, after `if (event.Records) return ...`), 'edge' when only for a
 * CloudFront one, undefined when the conditions do not tell.
 */
export function eventAt(m: FileState, node: TSESTree.Node, stop: TSESTree.Node): Verdict {
  let found: Verdict;
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && child !== stop; child = current, current = current.parent) {
    let here: Verdict;
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === current.consequent) here = conditionTest(m, current.test).whenTrue;
        else if (child === current.alternate) here = conditionTest(m, current.test).whenFalse;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right && current.operator === '&&') here = conditionTest(m, current.left).whenTrue;
        else if (child === current.right && current.operator === '||') here = conditionTest(m, current.left).whenFalse;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program: {
        // if ('Records' in event) return toCloudFront(...);  ← everything after runs for the other event
        const body = current.body as TSESTree.Node[];
        const index = body.indexOf(child);
        for (let i = 0; i < index && here !== 'other'; i++) {
          const stmt = body[i]!;
          if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent)) {
            here = either(here, conditionTest(m, stmt.test).whenFalse);
          }
        }
        break;
      }
      default:
        break;
    }
    if (here === 'other') return 'other';
    found ??= here;
    if (current === stop) break;
  }
  return found;
}

/**
 * Is `node` (inside a function) on a path that has no condition at all up to that function,
 * so it runs whenever the function returns through it? Conditions this module cannot read
 * (`if (kind === 'apigateway')` in a shared helper) make a helper's result uncertain.
 */
export function unconditionalIn(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && child !== fn; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== current.test) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === current.right) return false;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        return false;
      case AST_NODE_TYPES.BlockStatement: {
        const index = current.body.indexOf(child as TSESTree.Statement);
        for (let i = 0; i < index; i++) {
          const stmt = current.body[i]!;
          if (stmt.type === AST_NODE_TYPES.IfStatement && (alwaysExits(stmt.consequent) || (stmt.alternate && alwaysExits(stmt.alternate)))) {
            return false;
          }
        }
        break;
      }
      default:
        if (isFunctionNode(current) && current !== fn) return false;
    }
  }
  return true;
}
