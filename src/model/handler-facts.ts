/**
 * Facts about one handler beyond its event types and results: where its name is written, and
 * whether what it does depends on the viewer's request (or changes from call to call).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent, unwrap } from '../estree/nodes.js';
import { walk } from '../estree/walk.js';
import { classify } from './classify.js';
import type { Kind } from './kinds.js';
import { handlerAt } from './narrowing.js';
import type { FileState } from './state.js';
import type { Handler, MemberAccess } from './types.js';

/** Kinds whose use means the handler depends on the viewer's request. */
const REQUEST_KINDS: ReadonlySet<Kind> = new Set(['request', 'request-headers', 'querystring', 'request-body']);
/** Kinds that carry the request inside them: passing them to unknown code may read it. */
const ENVELOPE_KINDS: ReadonlySet<Kind> = new Set(['event', 'records', 'record', 'cf']);
/** `Date.now()`, `Math.random()`, …: values that differ per request. */
const PER_CALL = new Map<string, ReadonlySet<string>>([
  ['Date', new Set(['now'])],
  ['Math', new Set(['random'])],
  ['crypto', new Set(['randomUUID', 'getRandomValues', 'randomBytes', 'randomInt'])],
  ['performance', new Set(['now'])],
]);
const PER_CALL_FUNCTIONS = new Set(['randomUUID', 'randomBytes', 'randomInt']);
/** Calls that only look at their argument. */
const HARMLESS_CALLEES = new Set(['console', 'JSON']);

/** The node naming the handler (`exports.handler`, `const handler`, `function handler`), or its head's location. */
export function handlerHead(handler: Handler): TSESTree.Node | TSESTree.SourceLocation {
  const fn = handler.node;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id;
  const { parent } = outerParent(fn);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.id;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.left;
  if (parent?.type === AST_NODE_TYPES.Property) return parent.key;
  return { start: fn.loc.start, end: fn.body.loc.start };
}

/** Is `callee` one whose accesses the model sees (a local function) or that only looks (`console.log`)? */
function isFollowedCallee(m: FileState, callee: TSESTree.Node): boolean {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const base = unwrap(node.object);
    return base.type === AST_NODE_TYPES.Identifier && HARMLESS_CALLEES.has(base.name);
  }
  return node.type === AST_NODE_TYPES.Identifier && m.bindings.isLocalFunction(node);
}

/** Does an event-envelope value leave the places the model can follow? */
function escapes(m: FileState, node: TSESTree.Node): boolean {
  const { node: outer, parent } = outerParent(node);
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return false;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer) return !isFollowedCallee(m, parent.callee);
  return true;
}

/** `Date.now()`, `crypto.randomUUID()`, `randomBytes(8)`, `new Date()`. */
function isPerCallValue(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const base = unwrap(callee.object);
      const method = memberName(callee);
      if (base.type === AST_NODE_TYPES.Identifier && method && PER_CALL.get(base.name)?.has(method)) return true;
    } else if (callee.type === AST_NODE_TYPES.Identifier && PER_CALL_FUNCTIONS.has(callee.name)) {
      return true;
    }
  }
  return node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Date' && node.arguments.length === 0;
}

/** Does this node read the request, hand the event on to code not followed, or give a different value on each call? */
function dependsAt(m: FileState, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const kind = classify(m, node);
    if (kind && REQUEST_KINDS.has(kind)) return true;
    if (kind && ENVELOPE_KINDS.has(kind) && escapes(m, node)) return true;
  }
  return isPerCallValue(node);
}

/** An access that reads something of the viewer's request: its parts, `cf.request`, `config.requestId`. */
function readsRequest(access: MemberAccess): boolean {
  return (
    REQUEST_KINDS.has(access.objectKind) ||
    (access.objectKind === 'cf' && (access.name === 'request' || access.name === undefined)) ||
    (access.objectKind === 'config' && access.name === 'requestId')
  );
}

const memo = new WeakMap<Handler, boolean>();

/** Does the handler (or code outside any handler) use the viewer's request, or a value that differs per call? */
export function usesViewerRequest(m: FileState, handler: Handler): boolean {
  const hit = memo.get(handler);
  if (hit !== undefined) return hit;
  let depends = m.accesses.some((access) => {
    const owner = handlerAt(m, access.node);
    return (owner === handler || owner === undefined) && readsRequest(access);
  });
  if (!depends) {
    walk(handler.node.body, m.sourceCode.visitorKeys, (node) => {
      if (!depends && dependsAt(m, node)) depends = true;
    });
  }
  memo.set(handler, depends);
  return depends;
}
