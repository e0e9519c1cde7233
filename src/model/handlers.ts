import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isOptionsObjectMember, propertyKeyName, unwrap } from '../estree/nodes.js';
import { type EventType, type EventTypes, REQUEST_EVENTS, RESPONSE_EVENTS, formatEventTypes, sameEventTypes } from '../facts/event-types.js';
import { type Handler, type EventTypeSource } from './types.js';
import { type FileState } from './state.js';
import { type EventComments } from './comments.js';
import { handlerTypeKind, servesOtherSource } from './aws-types.js';
import { usesCloudFrontEvent } from './cf-reach.js';
import { callSites, paramVariable, resolveFunction } from './functions.js';
import { isTestFile } from './file-roles.js';
import { HANDLER_EXPORTS, buildsEvent, buildsEvents, calledByOtherFunction, exportTarget, isDefaultObjectMember, isExportedClassMember, mapsEvents } from './not-handlers.js';

type Variable = TSESLint.Scope.Variable;

/** Phase 2b: the handlers (exported functions, or functions that receive a CloudFront event). */
export function findHandlers(m: FileState, comments: EventComments): void {
  const exported = exportedFunctions(m);
  // A file that declares its event type (a comment, or settings scoped to it through
  // flat-config `files`) declares its exported functions to be handlers.
  const declared = comments.fileTypes !== undefined || m.settingsTypes !== undefined;
  // A module that handlers bound by infrastructure import, and none of whose exports is bound
  // itself: its functions are their helpers (`getPath(event)` returning the URI), not handlers.
  // Its responses are still checked, under the importers' event types (build.ts).
  const helperModule = m.infra?.importedBy !== undefined && m.infra.byExport.size === 0;
  const seen = new Set<FunctionNode>();
  // In a file where a function builds an event (a test harness), a function not named as a
  // handler that takes one fills that event in. Asked only of functions that reach `cf`.
  let builder: boolean | undefined;
  const harness = (name: string | undefined) => name !== undefined && !HANDLER_EXPORTS.has(name) && (builder ??= buildsEvents(m));
  for (const { name, fn, statement } of exported) {
    if (seen.has(fn)) continue;
    if (servesOtherSource(m, fn)) m.exportsOtherSource = true;
    const bound = m.infra?.byExport.get(name);
    // Deployed as a regional function (a Serverless function with no CloudFront event): not edge code.
    if (!bound && m.infra?.otherExports?.has(name)) {
      m.regionalFunctions.add(fn);
      continue;
    }
    const typed = handlerTypeKind(m, fn);
    const declaredHandler = declared && (fn.params.length > 0 || HANDLER_EXPORTS.has(name));
    // A function that builds an event, or an export of a helper module, is not a handler,
    // whatever its parameter's type says (a file that declares its exports handlers still has
    // them taken).
    if (!bound && !declaredHandler && (helperModule || buildsEvent(m, fn) || mapsEvents(m, fn, name) || calledByOtherFunction(m, fn, name) || (!typed && (!usesCloudFrontEvent(m, fn, 0) || harness(name))))) continue;
    seen.add(fn);
    addHandler(m, fn, name, true, statement, comments, bound, typed);
  }
  // Unexported functions that receive a CloudFront event and are not called in this file
  // (wrapped before export, or exported in a way we cannot see). Not in test files, where
  // such functions are test doubles (`jest.fn((event) => event.Records[0].cf.request)`), nor in
  // a helper module.
  if (isTestFile(m) || helperModule) return;
  for (const fn of m.functions) {
    if (seen.has(fn) || fn.params.length === 0 || m.regionalFunctions.has(fn)) continue;
    if (!usesCloudFrontEvent(m, fn, 0)) continue;
    if (callSites(m, fn).length > 0) continue;
    const name = functionName(m, fn);
    if (isExportedClassMember(m, fn) || isOptionsObjectMember(fn) || isDefaultObjectMember(m, fn) || buildsEvent(m, fn) || mapsEvents(m, fn, name ?? '') || harness(name)) continue;
    seen.add(fn);
    addHandler(m, fn, name ?? 'handler', false, topStatement(m, fn), comments, undefined, undefined);
  }
}

export function addHandler(
  m: FileState,
  fn: FunctionNode,
  name: string,
  exported: boolean,
  statement: TSESTree.Node | undefined,
  comments: EventComments,
  bound: ReadonlySet<EventType> | undefined,
  typed: 'request-handler' | 'response-handler' | undefined,
): void {
  let callback: Variable | undefined;
  const cbParam = fn.params[2];
  if (cbParam && cbParam.type === AST_NODE_TYPES.Identifier) callback = paramVariable(m, fn, cbParam);

  let eventTypes: EventTypes;
  let source: EventTypeSource | undefined;
  let commentTypes: EventTypes;
  if (statement && comments.attached.size > 0) {
    // The last tagged comment among those right before the statement (getCommentsBefore's).
    for (const [comment, t] of comments.attached) if (isRightBefore(m, comment, statement)) commentTypes = t;
  }
  commentTypes ??= comments.fileTypes;
  if (commentTypes) {
    eventTypes = commentTypes;
    source = 'comment';
  } else if (m.settingsTypes) {
    eventTypes = m.settingsTypes;
    source = 'settings';
  }
  if (bound && bound.size > 0) {
    if (eventTypes && !sameEventTypes(eventTypes, bound)) {
      m.problems.push({
        loc: (statement ?? fn).loc,
        message: `The ${source === 'comment' ? '@lambda-edge-event comment' : "settings['lambda-edge'].eventType"} says ${formatEventTypes(eventTypes)}, but ${m.infra!.declaredIn} attaches '${name}' to ${formatEventTypes(bound)}; the ${source === 'comment' ? 'comment' : 'setting'} wins. Make them agree.`,
      });
    } else if (!eventTypes) {
      eventTypes = bound;
      source = 'infrastructure';
    }
  }
  const handler: Handler = {
    node: fn,
    name,
    exported,
    isAsync: fn.async,
    callback,
    eventTypes,
    eventTypeSource: source,
    results: [],
  };
  m.handlers.push(handler);
  m.handlersByNode.set(fn, handler);
  if (!eventTypes) {
    if (typed === 'request-handler') handler.eventTypes = REQUEST_EVENTS;
    else if (typed === 'response-handler') handler.eventTypes = RESPONSE_EVENTS;
    if (handler.eventTypes) handler.eventTypeSource = 'code';
  }
}

const BLANK = /^\s*$/;

/**
 * Is `comment` one of the comments right before `node`: nothing but blanks and other comments
 * between them (no token)? The same set as `sourceCode.getCommentsBefore(node)`, asked of the
 * few tagged comments instead of walking the token store backwards from every handler.
 */
function isRightBefore(m: FileState, comment: TSESTree.Comment, node: TSESTree.Node): boolean {
  const end = node.range[0];
  if (comment.range[1] > end) return false;
  const text = m.sourceCode.text;
  const all = m.sourceCode.getAllComments();
  let pos = comment.range[1];
  for (let i = all.indexOf(comment) + 1; i < all.length; i++) {
    const next = all[i]!;
    if (next.range[0] >= end) break;
    if (!BLANK.test(text.slice(pos, next.range[0]))) return false;
    pos = next.range[1];
  }
  return BLANK.test(text.slice(pos, end));
}

export function exportedFunctions(m: FileState): Array<{ name: string; fn: FunctionNode; statement: TSESTree.Node }> {
  const out: Array<{ name: string; fn: FunctionNode; statement: TSESTree.Node }> = [];
  const add = (name: string, value: TSESTree.Node | null | undefined, statement: TSESTree.Node) => {
    const fn = value ? resolveFunction(m, value, true) : undefined;
    if (fn) out.push({ name, fn, statement });
  };
  for (const statement of m.sourceCode.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExpressionStatement: {
        const expr = statement.expression;
        if (expr.type !== AST_NODE_TYPES.AssignmentExpression || expr.operator !== '=') break;
        const target = exportTarget(expr.left);
        if (target === 'module') {
          const right = unwrap(expr.right);
          if (right.type === AST_NODE_TYPES.ObjectExpression) {
            for (const prop of right.properties) {
              if (prop.type !== AST_NODE_TYPES.Property) continue;
              const key = propertyKeyName(prop);
              if (key) add(key, prop.value, statement);
            }
          } else add('default', right, statement);
        } else if (target) add(target, expr.right, statement);
        break;
      }
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const decl = statement.declaration;
        if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) add(decl.id.name, decl, statement);
        else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const d of decl.declarations) {
            if (d.id.type === AST_NODE_TYPES.Identifier) add(d.id.name, d.init, statement);
          }
        }
        if (!statement.source) {
          for (const spec of statement.specifiers) {
            if (spec.type !== AST_NODE_TYPES.ExportSpecifier) continue;
            const exportedName =
              spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
            if (spec.local.type === AST_NODE_TYPES.Identifier) add(exportedName, spec.local, statement);
          }
        }
        break;
      }
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        add('default', statement.declaration, statement);
        break;
      default:
        break;
    }
  }
  return out;
}

export function functionName(m: FileState, fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  return undefined;
}

export function topStatement(m: FileState, node: TSESTree.Node): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
  return current;
}
