// Multi-target code: one handler that serves Lambda@Edge and another event source (API Gateway,
// an ALB, a function URL), telling them apart by the event's shape. Code on the branch that the
// CloudFront event never takes is not Lambda@Edge code, and code shared by every target is not
// the edge target's to fix. Read from the public analysis only (no model state).
import { existsSync, readFileSync } from 'node:fs';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { alwaysExits } from '../estree/control-flow.js';
import { memberName, unwrap } from '../estree/nodes.js';
import type { Analysis } from './types.js';

/** What a test on the event says when it is true. */
type Side = 'edge' | 'other';

/** Members only a CloudFront event has, and members only API Gateway / ALB / function URL events have. */
const EDGE_MEMBERS: ReadonlySet<string> = new Set(['Records']);
const OTHER_MEMBERS: ReadonlySet<string> = new Set(['requestContext', 'httpMethod', 'rawPath', 'routeKey', 'rawQueryString', 'pathParameters']);

/** aws-lambda event types of the other targets, and CloudFront's. */
const OTHER_EVENT_TYPE = /^(?:APIGateway\w*Event\w*|ALBEvent|LambdaFunctionURLEvent\w*)$/;
const EDGE_EVENT_TYPE = /^CloudFront(?:Request|Response)Event$/;

function flip(side: Side | undefined): Side | undefined {
  return side === 'edge' ? 'other' : side === 'other' ? 'edge' : undefined;
}

/** The innermost object of a member chain: `event` in `event.Records[0].cf`. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current;
}

/** The first member read on an identifier: `Records` in `event.Records?.[0]?.cf`. */
function firstMember(node: TSESTree.Node): string | undefined {
  let current = unwrap(node);
  let name: string | undefined;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    name = memberName(current);
    current = unwrap(current.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? name : undefined;
}

function memberSide(name: string | undefined): Side | undefined {
  if (name === undefined) return undefined;
  if (EDGE_MEMBERS.has(name)) return 'edge';
  if (OTHER_MEMBERS.has(name)) return 'other';
  return undefined;
}

/**
 * The side a test selects when true: `'Records' in event`, `event.Records`,
 * `event.Records?.[0]?.cf`, `Array.isArray(event.Records)`, `event.Records !== undefined`,
 * `'requestContext' in event`, `event.httpMethod`, their negations and conjunctions, and a
 * `const` holding one of them (`const isEdge = 'Records' in event`).
 */
export function testSide(analysis: Analysis, raw: TSESTree.Node, depth = 0): Side | undefined {
  if (depth > 4) return undefined;
  const test = unwrap(raw);
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === '!' ? flip(testSide(analysis, test.argument, depth + 1)) : undefined;
    case AST_NODE_TYPES.LogicalExpression: {
      if (test.operator !== '&&') return undefined;
      const left = testSide(analysis, test.left, depth + 1);
      const right = testSide(analysis, test.right, depth + 1);
      // `event.Records && event.Records[0].cf`: both halves test the same shape.
      if (left && right) return left === right ? left : undefined;
      return left ?? right;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (test.operator === 'in' && test.left.type === AST_NODE_TYPES.Literal && typeof test.left.value === 'string') {
        return memberSide(test.left.value);
      }
      if (['===', '!==', '==', '!='].includes(test.operator)) {
        const other = test.right.type === AST_NODE_TYPES.Identifier && test.right.name === 'undefined' ? test.left : test.left.type === AST_NODE_TYPES.Identifier && test.left.name === 'undefined' ? test.right : undefined;
        const nullish =
          other ?? (test.right.type === AST_NODE_TYPES.Literal && test.right.value === null ? test.left : undefined);
        if (!nullish) return undefined;
        const side = memberSide(firstMember(nullish));
        return test.operator.startsWith('!') ? side : flip(side);
      }
      return undefined;
    }
    case AST_NODE_TYPES.MemberExpression:
      return memberSide(firstMember(test));
    case AST_NODE_TYPES.CallExpression: {
      // Array.isArray(event.Records)
      const callee = unwrap(test.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(callee) === 'isArray' &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Array' &&
        test.arguments[0]
      ) {
        return memberSide(firstMember(test.arguments[0]));
      }
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = analysis.bindings.resolveConst(test);
      return init ? testSide(analysis, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * True when `node` sits where a CloudFront event never goes: the branch of an event-shape test
 * that selects another target (`if ('Records' in event) … else <here>`, `isEdge ? … : <here>`,
 * `'requestContext' in event && <here>`), or after `if ('Records' in event) return …;`.
 */
export function onOtherTargetBranch(analysis: Analysis, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (child === parent.test) break;
        const side = testSide(analysis, parent.test);
        if (side && (child === parent.consequent ? side === 'other' : side === 'edge')) return true;
        break;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        if (child !== parent.right) break;
        const side = testSide(analysis, parent.left);
        if (parent.operator === '&&' && side === 'other') return true;
        if (parent.operator === '||' && side === 'edge') return true;
        break;
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.SwitchCase: {
        const body: TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
        for (const statement of body) {
          if (statement === child) break;
          if (statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && alwaysExits(statement.consequent)) {
            if (testSide(analysis, statement.test) === 'edge') return true;
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return false;
}

/** The names of the type references in a type annotation (a union's members, flattened). */
function typeNames(type: TSESTree.TypeNode | undefined, out: string[] = []): string[] {
  if (!type) return out;
  if (type.type === AST_NODE_TYPES.TSUnionType) for (const t of type.types) typeNames(t, out);
  else if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const name = type.typeName;
    if (name.type === AST_NODE_TYPES.Identifier) out.push(name.name);
    else if (name.type === AST_NODE_TYPES.TSQualifiedName) out.push(name.right.name);
  }
  return out;
}

function unionOfTargets(names: readonly string[]): boolean {
  return names.some((n) => EDGE_EVENT_TYPE.test(n)) && names.some((n) => OTHER_EVENT_TYPE.test(n));
}

const declarationMemo = new Map<string, boolean>();

/**
 * A compiled `handler.js` whose declaration file beside it (`handler.d.ts`, as `tsc` writes
 * it) types a function's event as a union of CloudFront and another target's event.
 */
function declaredMultiTarget(filename: string): boolean {
  const dts = filename.replace(/\.([cm]?)js$/, '.d.$1ts');
  if (dts === filename) return false;
  const memo = declarationMemo.get(dts);
  if (memo !== undefined) return memo;
  let found = false;
  try {
    if (existsSync(dts)) {
      const text = readFileSync(dts, 'utf8');
      for (const m of text.matchAll(/\bfunction\s+[\w$]+\s*\(\s*[\w$]+\s*:([^)]*)\)/g)) {
        if (unionOfTargets(m[1]!.split('|').map((part) => part.trim().replace(/^import\([^)]*\)\./, '')))) found = true;
      }
    }
  } catch {
    found = false;
  }
  if (declarationMemo.size > 1000) declarationMemo.clear();
  declarationMemo.set(dts, found);
  return found;
}

/**
 * Is this file a multi-target adapter: a handler whose event parameter is typed as a union of
 * CloudFront's and another target's event (in the file, or in the `.d.ts` beside compiled
 * output), or a handler that tests the event's shape (`'Records' in event`)?
 */
export function isMultiTarget(analysis: Analysis, filename: string): boolean {
  for (const handler of analysis.handlers) {
    const param = handler.node.params[0];
    const annotation = param && 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
    if (unionOfTargets(typeNames(annotation))) return true;
    let tests = false;
    analysis.forEachNode(handler.node.body, (node) => {
      if (tests) return;
      if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
        if (testSide(analysis, node.test) !== undefined && chainRootIsParam(node.test, handler.node.params[0])) tests = true;
      }
    });
    if (tests) return true;
  }
  return analysis.handlers.length > 0 && declaredMultiTarget(filename);
}

/** Does the test look at the handler's own event parameter (not some record of an S3 event)? */
function chainRootIsParam(test: TSESTree.Node, param: TSESTree.Parameter | undefined): boolean {
  if (param?.type !== AST_NODE_TYPES.Identifier) return true;
  let found = false;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    const root = chainRoot(node);
    if (root.type === AST_NODE_TYPES.Identifier && root.name === param.name) found = true;
    if (node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.LogicalExpression) {
      visit(node.left);
      visit(node.right);
    } else if (node.type === AST_NODE_TYPES.UnaryExpression) visit(node.argument);
    else if (node.type === AST_NODE_TYPES.CallExpression) node.arguments.forEach((a) => visit(a));
  };
  visit(test);
  // `const isEdge = 'Records' in event; if (isEdge)`: a const is the handler's own test.
  return found || unwrap(test).type === AST_NODE_TYPES.Identifier;
}
