import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, enclosingFunction, isOptionsObjectMember, memberName, outerParent, propertyKeyName, unwrap } from '../estree/nodes.js';
import { type EventType, type EventTypes, REQUEST_EVENTS, RESPONSE_EVENTS, formatEventTypes, sameEventTypes } from '../facts/event-types.js';
import { type Handler, type EventTypeSource } from './types.js';
import { type FileState } from './state.js';
import { handlerTypeKind, servesOtherSource } from './aws-types.js';
import { usesCloudFrontEvent } from './cf-reach.js';
import { callSites, paramVariable, resolveFunction, returnValues } from './functions.js';
import { isTestFile } from './file-roles.js';
import type { TypeKind } from './aws-types.js';

type Variable = TSESLint.Scope.Variable;

/** The export names Lambda is usually pointed at: taken as handlers in a declared file even without parameters. */
const HANDLER_EXPORTS: ReadonlySet<string> = new Set(['handler', 'default']);


/** Phase 2b: the handlers (exported functions, or functions that receive a CloudFront event). */
export function findHandlers(m: FileState, comments: { fileTypes: EventTypes; attached: Map<TSESTree.Comment, EventTypes> }): void {
  const exported = exportedFunctions(m);
  // A file that declares its event type (a comment, or settings scoped to it through
  // flat-config `files`) declares its exported functions to be handlers.
  const declared = comments.fileTypes !== undefined || m.settingsTypes !== undefined;
  // A module that handlers bound by infrastructure import, and none of whose exports is bound
  // itself: its functions are their helpers (`getPath(event)` returning the URI), not handlers.
  // Its responses are still checked, under the importers' event types (build.ts).
  const helperModule = m.infra?.importedBy !== undefined && m.infra.byExport.size === 0;
  const seen = new Set<FunctionNode>();
  for (const { name, fn, statement } of exported) {
    if (seen.has(fn)) continue;
    if (servesOtherSource(m, fn)) m.exportsOtherSource = true;
    const bound = m.infra?.byExport.get(name);
    const typed = handlerTypeKind(m, fn);
    const declaredHandler = declared && (fn.params.length > 0 || HANDLER_EXPORTS.has(name));
    // A function that builds an event, or an export of a helper module, is not a handler,
    // whatever its parameter's type says (a file that declares its exports handlers still has
    // them taken).
    if (!bound && !declaredHandler && (helperModule || buildsEvent(m, fn) || (!typed && (!usesCloudFrontEvent(m, fn, 0) || calledByOtherFunction(m, fn, name))))) continue;
    seen.add(fn);
    addHandler(m, fn, name, true, statement, comments, bound, typed);
  }
  // Unexported functions that receive a CloudFront event and are not called in this file
  // (wrapped before export, or exported in a way we cannot see). Not in test files, where
  // such functions are test doubles (`jest.fn((event) => event.Records[0].cf.request)`), nor in
  // a helper module.
  if (isTestFile(m) || helperModule) return;
  for (const fn of m.functions) {
    if (seen.has(fn) || fn.params.length === 0) continue;
    if (!usesCloudFrontEvent(m, fn, 0)) continue;
    if (callSites(m, fn).length > 0) continue;
    if (isExportedClassMember(m, fn) || isOptionsObjectMember(fn) || buildsEvent(m, fn)) continue;
    seen.add(fn);
    addHandler(m, fn, functionName(m, fn) ?? 'handler', false, topStatement(m, fn), comments, undefined, undefined);
  }
}

/**
 * An exported function that another function of the same file calls (`normalize(event)`
 * inside the file's handler): a helper the module also exports (for its tests, for other
 * modules), not an entry point. Not for the names Lambda is usually pointed at, and not for a
 * call at the top of the module (`handler(sampleEvent)` in a script that tries its handler).
 */
function calledByOtherFunction(m: FileState, fn: FunctionNode, name: string): boolean {
  if (HANDLER_EXPORTS.has(name)) return false;
  return callSites(m, fn).some(({ call }) => {
    const at = enclosingFunction(call);
    return at !== undefined && at !== fn;
  });
}

/**
 * A function that returns an object literal with a `Records` key (directly, or through a
 * `const` it initialises) builds an event (an emulator, a test preparing the next
 * `{ Records: [{ cf }] }`, a tracer copying the event it logs): a handler returns a request or
 * a response, never an event, so neither reading `Records[0].cf` from its argument nor a
 * CloudFront event type on it makes it one.
 */
function buildsEvent(m: FileState, fn: FunctionNode): boolean {
  return returnValues(m, fn).some((value) => {
    let node = unwrap(value);
    // `const copy = { Records: [] }; …; return copy;`
    if (node.type === AST_NODE_TYPES.Identifier) {
      const init = m.bindings.resolveConst(node);
      if (init) node = unwrap(init);
    }
    return (
      node.type === AST_NODE_TYPES.ObjectExpression &&
      node.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'Records')
    );
  });
}

/**
 * A method (or arrow-function field) of a class the module exports: the class is an API for
 * the code that imports it (an emulator's cache, a framework's router), and Lambda never calls
 * a method of an exported class (it calls a function export). A method of a class the file
 * only instantiates itself (`exports.handler = app.handle.bind(app)`) is still looked at.
 */
function isExportedClassMember(m: FileState, fn: FunctionNode): boolean {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) return false;
  if (member.value !== fn) return false;
  const cls = member.parent.parent;
  if (cls.type !== AST_NODE_TYPES.ClassDeclaration && cls.type !== AST_NODE_TYPES.ClassExpression) return false;
  return isExportedValue(m, cls);
}

/** Is this class (or other declared value) exported, by ESM or CommonJS, under any name? */
function isExportedValue(m: FileState, node: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const { node: outer, parent } = outerParent(node);
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (isExportedPosition(outer)) return true;
  // A class declaration declares its name twice (in the enclosing scope and in the class's own
  // scope): the exports are references of the outer one, so look at every variable it declares.
  const declaring = node.type === AST_NODE_TYPES.ClassDeclaration ? node : parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent : undefined;
  if (!declaring) return false;
  const reads = m.sourceCode.getDeclaredVariables(declaring).flatMap((v) => v.references.filter((r) => r.isRead()).map((r) => r.identifier));
  for (const read of reads) {
    const { node: at, parent: up } = outerParent(read);
    if (up?.type === AST_NODE_TYPES.ExportSpecifier || up?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (isExportedPosition(at)) return true;
  }
  return false;
}

/** `exports.X = <node>`, `module.exports = <node>`, `module.exports = { X: <node> }` / `{ <node> }`. */
function isExportedPosition(node: TSESTree.Node): boolean {
  let current = node;
  let parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    current = parent.parent;
    parent = current.parent;
  }
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && exportTarget(parent.left) !== undefined;
}

export function addHandler(
  m: FileState,
  fn: FunctionNode,
  name: string,
  exported: boolean,
  statement: TSESTree.Node | undefined,
  comments: { fileTypes: EventTypes; attached: Map<TSESTree.Comment, EventTypes> },
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

/** `exports.x` / `module.exports.x` → 'x'; `module.exports` → 'module'. */
function exportTarget(left: TSESTree.Node): string | undefined {
  const node = unwrap(left);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(node.object);
  const name = memberName(node);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return 'module';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    memberName(object) === 'exports'
  ) {
    return name;
  }
  return undefined;
}

