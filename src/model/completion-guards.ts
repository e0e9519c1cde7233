/**
 * Guards against an invocation that is not CloudFront's, for the completion view: a `return;`
 * under one is not a path that hands CloudFront nothing, because at the edge it never runs.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../estree/nodes.js';
import { RESPONSE_EVENTS } from '../facts/event-types.js';
import { classify } from './classify.js';
import { eventTypesAt } from './narrowing.js';
import type { FileState } from './state.js';

/** Parts of the event CloudFront always sends, in every event type. */
const ALWAYS_SENT: ReadonlySet<string> = new Set(['event', 'records', 'record', 'cf', 'config', 'request']);

/**
 * `if (!request) return;`, `if (!response || event['detail-type'] === 'Scheduled Event') return;`:
 * a guard against an event that is not CloudFront's (a test, a warm-up schedule, another
 * trigger). CloudFront always sends the record, its `cf`, `config` and `request` (and the
 * `response` in response events), and never a field of the event besides `Records`.
 */
export function isMissingEventGuard(m: FileState, end: TSESTree.Node): boolean {
  let child: TSESTree.Node = end;
  let parent = end.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== child) return false;
  return isGuardTest(m, unwrap(parent.test), end);
}

/** Is `test` true only outside CloudFront: each disjunct, or one operand of a conjunction? */
function isGuardTest(m: FileState, test: TSESTree.Node, at: TSESTree.Node): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') {
    return isGuardTest(m, unwrap(test.left), at) && isGuardTest(m, unwrap(test.right), at);
  }
  // `event && event['detail-type'] === 'Scheduled Event'`
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&') {
    return isGuardTest(m, unwrap(test.left), at) || isGuardTest(m, unwrap(test.right), at);
  }
  const tested = missingOperand(test);
  if (tested) return isAlwaysSent(m, tested, at);
  return testsForeignEventField(m, test);
}

/**
 * Is `value` a part of the event CloudFront always sends at `at` (the record, its `cf`,
 * `config`, `request`, and the `response` in response events)? `if (response) { … }` in a
 * response handler then always takes its first branch.
 */
export function isAlwaysSent(m: FileState, value: TSESTree.Node, at: TSESTree.Node): boolean {
  const kind = classify(m, unwrap(value));
  if (kind === 'response') return responseAlwaysSent(m, at);
  return kind !== undefined && ALWAYS_SENT.has(kind);
}

/** In response events CloudFront sends the response too; with unknown event types, take the code's word. */
function responseAlwaysSent(m: FileState, at: TSESTree.Node): boolean {
  const types = eventTypesAt(m, at);
  return types === undefined || [...types].every((type) => RESPONSE_EVENTS.has(type));
}

/** `x` of `!x`, `x == null`, `x === undefined` (either side). */
function missingOperand(test: TSESTree.Node): TSESTree.Node | undefined {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return unwrap(test.argument);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '==='].includes(test.operator)) return undefined;
  const isNothing = (n: TSESTree.Node): boolean =>
    (n.type === AST_NODE_TYPES.Literal && n.value === null) || (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined');
  if (isNothing(test.right) && test.left.type !== AST_NODE_TYPES.PrivateIdentifier) return unwrap(test.left);
  if (isNothing(test.left)) return unwrap(test.right);
  return undefined;
}

/**
 * `event['detail-type'] == 'Scheduled Event'`, `event.source === 'aws.events'`, `event.warmer`:
 * true only for an event with a field CloudFront's event does not have (it has only `Records`).
 */
function testsForeignEventField(m: FileState, test: TSESTree.Node): boolean {
  let operand: TSESTree.Node = test;
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['==', '==='].includes(test.operator)) {
    const literal = (n: TSESTree.Node) => n.type === AST_NODE_TYPES.Literal && n.value !== null;
    if (literal(test.right) && test.left.type !== AST_NODE_TYPES.PrivateIdentifier) operand = unwrap(test.left);
    else if (literal(test.left)) operand = unwrap(test.right);
    else return false;
  }
  if (operand.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(operand);
  return name !== undefined && name !== 'Records' && classify(m, operand.object) === 'event';
}
