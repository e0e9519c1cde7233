// Functions that look like handlers and are not: the exclusions of handler discovery
// (./handlers.ts), and how a module exports a value.
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, enclosingFunction, functionBindingId, memberName, outerParent, propertyKeyName, unwrap } from '../estree/nodes.js';
import { type FileState } from './state.js';
import { callSites, returnValues } from './functions.js';
import { typedForSeveralTargets } from './targets.js';

/** The export names Lambda is usually pointed at: taken as handlers in a declared file even without parameters. */
export const HANDLER_EXPORTS: ReadonlySet<string> = new Set(['handler', 'default']);

/**
 * An exported function that another function of the same file calls (`normalize(event)`
 * inside the file's handler, typed or not): a helper the module also exports (for its tests,
 * for other modules), not an entry point. Not for the names Lambda is usually pointed at, and not for a
 * call at the top of the module (`handler(sampleEvent)` in a script that tries its handler).
 */
export function calledByOtherFunction(m: FileState, fn: FunctionNode, name: string): boolean {
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
export function buildsEvent(m: FileState, fn: FunctionNode): boolean {
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
 * Does a function of the file build an event? Then the file is a test harness, an emulator or
 * a fixture module: it prepares `{ Records: [{ cf }] }` for handlers that live elsewhere, and
 * its untyped exports that take an event (`setOrigin(event, domainName)`, `verify(payload)`)
 * are its API, not handlers. An export named `handler` or `default` is still one.
 */
export function buildsEvents(m: FileState): boolean {
  return m.functions.some((fn) => buildsEvent(m, fn));
}

/**
 * A method (or arrow-function field) of a class the module exports: the class is an API for
 * the code that imports it (an emulator's cache, a framework's router), and Lambda never calls
 * a method of an exported class (it calls a function export). A method of a class the file
 * only instantiates itself (`exports.handler = app.handle.bind(app)`) is still looked at.
 */
export function isExportedClassMember(m: FileState, fn: FunctionNode): boolean {
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

/** `exports.x` / `module.exports.x` → 'x'; `module.exports` → 'module'. */
export function exportTarget(left: TSESTree.Node): string | undefined {
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

/**
 * An event mapper: typed for CloudFront's and another target's event, neither `async` nor
 * taking a callback, and returning a value (`toInternal(event: APIGatewayProxyEvent |
 * CloudFrontRequestEvent) { … return { path, method }; }`). A handler written that way would
 * fail for every target alike; such a function is what the adapter's handler calls to read
 * either event. Not for the names Lambda is usually pointed at.
 */
export function mapsEvents(m: FileState, fn: FunctionNode, name: string): boolean {
  if (HANDLER_EXPORTS.has(name) || fn.async || fn.params.length > 2) return false;
  if (fn.body.type === AST_NODE_TYPES.BlockStatement && returnValues(m, fn).length === 0) return false;
  return typedForSeveralTargets(m, fn);
}

/**
 * A function held in the object a module exports as its default (`export default { readEvent:
 * toParts, writeResult: fromResult }`, `exports.default = { … }`) under another key than
 * `handler`: an adapter's API, which its own dispatcher calls with the event. Lambda calls a
 * function export, never a member of the default object.
 */
export function isDefaultObjectMember(m: FileState, fn: FunctionNode): boolean {
  const id = functionBindingId(fn);
  const holders: TSESTree.Property[] = [];
  if (fn.parent?.type === AST_NODE_TYPES.Property && fn.parent.value === fn) holders.push(fn.parent);
  if (id) {
    for (const read of m.bindings.readsOf(id)) if (read.parent?.type === AST_NODE_TYPES.Property && read.parent.value === read) holders.push(read.parent);
  }
  return holders.some((property) => {
    if (propertyKeyName(property) === 'handler') return false;
    const { node, parent } = outerParent(property.parent as TSESTree.Node);
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node && exportTarget(parent.left) === 'default';
  });
}
