import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Analysis, GeneratedResponse } from '../src/analysis.js';
import { isAbsentValue, isFunctionNode, outerParent, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { type EventType, type EventTypes, onlyIn } from '../src/event-types.js';
import { CONFIG_MESSAGES, onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'bodyWith204' | 'bodyWith204Viewer' | 'removeBody' | keyof typeof CONFIG_MESSAGES;

const VIEWER_REQUEST: ReadonlySet<EventType> = new Set(['viewer-request']);

/** One setting of `status` or `body` on a response: a literal property or a later assignment. */
interface Setting {
  /** Where it happens: the property (initial) or the member expression (write). */
  node: TSESTree.Node;
  value: TSESTree.Node | undefined;
  /** Set when the object is created (literal or spread-in property): always runs first. */
  initial: boolean;
  /** The property of the response literal itself, when the setting is one. */
  ownProperty?: TSESTree.Property;
  deleted?: boolean;
}

interface Target {
  statuses: Setting[];
  bodies: Setting[];
  eventTypes: (node: TSESTree.Node) => EventTypes;
}

/**
 * The statement list (or lone branch) a write sits in: two writes can both run when one's
 * container holds the other.
 */
function container(node: TSESTree.Node): TSESTree.Node {
  let child = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.StaticBlock:
        return parent;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) return child;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right) return child;
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        if (child === parent.body) return child;
        break;
      default:
        if (isFunctionNode(parent)) return parent;
    }
    child = parent;
    parent = parent.parent;
  }
  return child;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

function exits(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type === AST_NODE_TYPES.BlockStatement) {
    const last = node.body[node.body.length - 1];
    return !!last && exits(last);
  }
  return false;
}

/**
 * Can `inner` (nested in a branch) and `outer` both run on one path? When `outer` comes after
 * `inner` and a branch between them always returns, they cannot.
 */
function reaches(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  const stop = container(outer);
  if (!contains(stop, inner)) return false;
  if (outer.range[0] < inner.range[0]) return true;
  for (let n: TSESTree.Node | undefined = inner.parent; n && n !== stop; n = n.parent) {
    if (exits(n) && !contains(n, outer)) return false;
    if (isFunctionNode(n)) return false;
  }
  return true;
}

function onSamePath(a: Setting, b: Setting): boolean {
  if (a.initial || b.initial) return true;
  return reaches(a.node, b.node) || reaches(b.node, a.node);
}

/** `a` certainly runs whenever `b` does (same statement list or an enclosing one). */
function alwaysWith(a: Setting, b: Setting): boolean {
  return a.initial || contains(container(a.node), b.node);
}

function generatedTarget(response: GeneratedResponse): Target {
  const statuses: Setting[] = [];
  const bodies: Setting[] = [];
  for (const [name, prop] of response.properties) {
    if (name !== 'status' && name !== 'body') continue;
    const setting: Setting = {
      node: prop.property,
      value: prop.value,
      initial: true,
      ownProperty: prop.own && prop.property.parent === response.node ? prop.property : undefined,
    };
    (name === 'status' ? statuses : bodies).push(setting);
  }
  for (const write of response.writes) {
    if (write.name !== 'status' && write.name !== 'body') continue;
    const setting: Setting = { node: write.node, value: write.value, initial: false, deleted: write.op === 'delete' };
    (write.name === 'status' ? statuses : bodies).push(setting);
  }
  return { statuses, bodies, eventTypes: () => response.eventTypes };
}

/** The response CloudFront passed in, one per handler: its `status` and `body` assignments. */
function receivedTargets(analysis: Analysis): Target[] {
  const byHandler = new Map<unknown, Target>();
  for (const access of analysis.accesses) {
    if (access.objectKind !== 'response' || (access.name !== 'status' && access.name !== 'body')) continue;
    if (access.op !== 'write' && access.op !== 'delete') continue;
    if (access.node.type !== AST_NODE_TYPES.MemberExpression) continue;
    const key = analysis.handlerAt(access.node) ?? 'file';
    let target = byHandler.get(key);
    if (!target) {
      target = { statuses: [], bodies: [], eventTypes: (node) => analysis.eventTypesAt(node) };
      byHandler.set(key, target);
    }
    const setting: Setting = { node: access.node, value: access.value, initial: false, deleted: access.op === 'delete' };
    (access.name === 'status' ? target.statuses : target.bodies).push(setting);
  }
  return [...byHandler.values()];
}

/** Removes a property of an object literal with the comma that separates it. */
function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const before = sourceCode.getTokenBefore(property);
  if (before && before.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  const after = sourceCode.getTokenAfter(property);
  if (after && after.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  return fixer.remove(property);
}

export default createRule<[], MessageIds>({
  name: 'no-body-with-204',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a `body` in a Lambda@Edge response whose status is 204',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...CONFIG_MESSAGES,
      bodyWith204Viewer:
        "This viewer-request response has status 204 (No Content) and a `body`: CloudFront answers the viewer with a 502, even for an empty body. Remove `body`, or use a status that allows one (for example '200').",
      bodyWith204:
        "This response has status 204 (No Content) and a `body`: CloudFront rejects a body with 204, even an empty one (\"Response Contains a Body and Specifies 204 (No Content) for Status\"; a 502 in viewer-request). Remove `body`, or use a status that allows one (for example '200').",
      removeBody: 'Remove the `body` property.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<TSESTree.Node>();
      const is204 = (value: TSESTree.Node | undefined): boolean => {
        if (!value) return false;
        const v = analysis.staticValue(value);
        return !!v && v.text === '204' && (v.primitive === undefined || v.primitive === 'number');
      };

      const check = (target: Target) => {
        if (target.statuses.length === 0) return;
        const statuses = [...target.statuses].sort(
          (a, b) => Number(b.initial) - Number(a.initial) || a.node.range[0] - b.node.range[0],
        );
        for (const body of target.bodies) {
          if (body.deleted || isAbsentValue(body.value)) continue;
          // The statuses this response can have when it leaves with this body.
          let possible: Setting[] = [];
          for (const status of statuses) {
            if (!onSamePath(status, body)) continue;
            possible = alwaysWith(status, body) ? [status] : [...possible, status];
          }
          if (!possible.some((s) => is204(s.value))) continue;
          const { node: outer, parent } = outerParent(body.node);
          const reportNode =
            !body.initial && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer ? parent : body.node;
          if (reported.has(reportNode)) continue;
          reported.add(reportNode);
          const types = target.eventTypes(body.initial ? body.node : reportNode);
          const own = body.ownProperty;
          context.report({
            node: reportNode,
            messageId: onlyIn(types, VIEWER_REQUEST) ? 'bodyWith204Viewer' : 'bodyWith204',
            suggest: own
              ? [{ messageId: 'removeBody', fix: (fixer) => removeProperty(fixer, context.sourceCode, own) }]
              : [],
          });
        }
      };

      for (const response of analysis.responses) check(generatedTarget(response));
      for (const target of receivedTargets(analysis)) check(target);
    });
  },
});
