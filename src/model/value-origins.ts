import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, memberName, outerParent, propertyKeyName, unwrap } from '../estree/nodes.js';
import type { FileState } from './state.js';

/**
 * Where a value comes from, when the file proves its type: the numeric status of an HTTP
 * client's response (`(await fetch(url)).status`), a `Buffer` (`Buffer.from(...)`,
 * `zlib.gzipSync(...)`, `fs.readFileSync(path)`). Only forms whose result type is fixed by the
 * API are followed; anything else is unknown and never reported.
 */

/** HTTP clients whose response carries a numeric status, and the field that holds it. */
interface Client {
  field: 'status' | 'statusCode';
  label: string;
}
const FETCH: Client = { field: 'status', label: 'a Fetch `Response`' };
const AXIOS: Client = { field: 'status', label: 'an axios response' };
const UNDICI_REQUEST: Client = { field: 'statusCode', label: "undici's `request()` result" };
const NODE_HTTP: Client = { field: 'statusCode', label: "a Node.js `http.IncomingMessage`" };

const FETCH_MODULES: ReadonlySet<string> = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici', '@whatwg-node/fetch']);
const HTTP_MODULES: ReadonlySet<string> = new Set(['http', 'https', 'node:http', 'node:https']);
const AXIOS_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const MAX_DEPTH = 8;

const importOf = (m: FileState, id: TSESTree.Identifier) => m.bindings.importOf(id);

/** The client a call of this callee is: `fetch(...)`, `axios.get(...)`, `undici.request(...)`. */
function clientOfCall(m: FileState, call: TSESTree.CallExpression): Client | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const from = importOf(m, callee);
    if (!from) return callee.name === 'fetch' && m.bindings.isGlobal(callee) ? FETCH : undefined;
    if (FETCH_MODULES.has(from.source) && (from.imported === 'fetch' || (from.imported === '*' && from.source !== 'undici'))) return FETCH;
    if (from.source === 'undici' && from.imported === 'request') return UNDICI_REQUEST;
    if (from.source === 'axios' && (from.imported === '*' || from.imported === 'default')) return AXIOS;
    return undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const from = importOf(m, callee.object);
  const name = memberName(callee);
  if (!from || from.imported !== '*' || name === undefined) return undefined;
  if (from.source === 'undici') return name === 'fetch' ? FETCH : name === 'request' ? UNDICI_REQUEST : undefined;
  if (from.source === 'axios') return AXIOS_METHODS.has(name) ? AXIOS : undefined;
  return undefined;
}

/** `http.get(url, cb)`, `https.request(options, cb)`, `get(url, cb)` imported from 'https'. */
function isNodeHttpCall(m: FileState, call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  let from: { source: string; imported: string } | undefined;
  let name: string | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    from = importOf(m, callee);
    name = from?.imported;
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    from = importOf(m, callee.object);
    name = from?.imported === '*' ? memberName(callee) : undefined;
  }
  return !!from && HTTP_MODULES.has(from.source) && (name === 'get' || name === 'request');
}

/** The client whose promise `raw` is: a client call, or a constant holding one. */
function promiseOf(m: FileState, raw: TSESTree.Node, depth: number): Client | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.CallExpression) return clientOfCall(m, node);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = m.bindings.resolveConst(node);
    return init ? promiseOf(m, init, depth + 1) : undefined;
  }
  return undefined;
}

/** The client response a parameter receives: `fetch(u).then((res) => ...)`, `https.get(u, (res) => ...)`. */
function parameterResponse(m: FileState, id: TSESTree.Identifier, depth: number): Client | undefined {
  const def = m.bindings.variableOf(id)?.defs[0];
  if (!def || def.type !== 'Parameter' || def.name !== def.node.params?.[0]) return undefined;
  const fn = def.node as TSESTree.Node;
  if (!isFunctionNode(fn)) return undefined;
  const { node: outer, parent: call } = outerParent(fn);
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' && call.arguments[0] === outer) {
    return promiseOf(m, callee.object, depth + 1);
  }
  if (call.arguments[call.arguments.length - 1] === outer && call.arguments.length >= 2 && isNodeHttpCall(m, call)) return NODE_HTTP;
  return undefined;
}

/** The client response `raw` is: `await fetch(...)`, a constant holding it, a callback's parameter, a `Response`-typed name. */
function responseOf(m: FileState, raw: TSESTree.Node, depth: number): Client | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.AwaitExpression) return promiseOf(m, node.argument, depth + 1);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (typedAsFetchResponse(m, node)) return FETCH;
  const init = m.bindings.resolveConst(node);
  if (init) return responseOf(m, init, depth + 1);
  return init === undefined ? parameterResponse(m, node, depth) : undefined;
}

/** `const res: Response = ...`: declared with the global Fetch `Response` type (not a local or imported one). */
function typedAsFetchResponse(m: FileState, id: TSESTree.Identifier): boolean {
  const def = m.bindings.variableOf(id)?.defs[0];
  const name = def?.name;
  if (!name || !('typeAnnotation' in name) || name.typeAnnotation?.type !== AST_NODE_TYPES.TSTypeAnnotation) return false;
  const type = name.typeAnnotation.typeAnnotation;
  return (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    type.typeName.name === 'Response' &&
    !type.typeArguments &&
    m.bindings.isGlobal(type.typeName)
  );
}

/**
 * Is the expression the numeric status of an HTTP client's response? `res.status` of a Fetch
 * `Response` or an axios response, `res.statusCode` of undici's `request()` or of a Node.js
 * `IncomingMessage` (`https.get(url, (res) => ...)`), also destructured (`const { status } =
 * await fetch(url)`). Returns what it is, for messages.
 */
export function httpStatusNumber(m: FileState, raw: TSESTree.Node): string | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    const client = responseOf(m, node.object, 0);
    return client && client.field === name ? `the \`${name}\` of ${client.label}` : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  // const { status } = await fetch(url);
  const def = m.bindings.singleDefinition(node);
  if (!def || def.whole) return undefined;
  const prop = def.name.parent;
  if (prop?.type !== AST_NODE_TYPES.Property || prop.parent !== def.declarator.id) return undefined;
  const key = propertyKeyName(prop);
  const client = responseOf(m, def.init, 0);
  return client && client.field === key ? `the \`${key}\` of ${client.label}` : undefined;
}

const BUFFER_STATICS: ReadonlySet<string> = new Set(['from', 'alloc', 'allocUnsafe', 'concat']);
const ZLIB_SYNC: ReadonlySet<string> = new Set([
  'gzipSync',
  'gunzipSync',
  'deflateSync',
  'deflateRawSync',
  'inflateSync',
  'inflateRawSync',
  'unzipSync',
  'brotliCompressSync',
  'brotliDecompressSync',
]);
const ZLIB_MODULES: ReadonlySet<string> = new Set(['zlib', 'node:zlib']);
const FS_MODULES: ReadonlySet<string> = new Set(['fs', 'node:fs']);
const FS_PROMISE_MODULES: ReadonlySet<string> = new Set(['fs/promises', 'node:fs/promises']);

/** The module a callee's function comes from and its name: `zlib.gzipSync` and `{ gzipSync }` alike. */
function calleeImport(m: FileState, raw: TSESTree.Node): { source: string; name: string; text: string } | undefined {
  const callee = unwrap(raw);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const from = importOf(m, callee);
    return from && from.imported !== '*' ? { source: from.source, name: from.imported, text: callee.name } : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(callee);
  const object = unwrap(callee.object);
  if (name === undefined) return undefined;
  if (object.type === AST_NODE_TYPES.Identifier) {
    const from = importOf(m, object);
    if (from?.imported === '*') return { source: from.source, name, text: `${object.name}.${name}` };
    // import { promises } from 'fs'; promises.readFile(...)
    if (from && from.imported === 'promises' && FS_MODULES.has(from.source)) return { source: 'fs/promises', name, text: `${object.name}.${name}` };
    return undefined;
  }
  // fs.promises.readFile(...)
  if (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'promises' && object.object.type === AST_NODE_TYPES.Identifier) {
    const from = importOf(m, object.object);
    if (from?.imported === '*' && FS_MODULES.has(from.source)) return { source: 'fs/promises', name, text: `${object.object.name}.promises.${name}` };
  }
  return undefined;
}

/** `readFileSync(path)` or `readFile(path, { flag })`: no encoding given, so the result is a Buffer. */
function withoutEncoding(args: TSESTree.CallExpressionArgument[]): boolean {
  if (args.length === 1) return args[0]!.type !== AST_NODE_TYPES.SpreadElement;
  if (args.length !== 2) return false;
  const options = unwrap(args[1]!);
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.every((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) !== undefined && propertyKeyName(p) !== 'encoding');
}

function bufferCall(m: FileState, call: TSESTree.CallExpression, awaited: boolean): string | undefined {
  const callee = unwrap(call.callee);
  if (
    !awaited &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Buffer' &&
    m.bindings.isGlobal(callee.object)
  ) {
    const name = memberName(callee);
    return name !== undefined && BUFFER_STATICS.has(name) ? `\`Buffer.${name}(…)\`` : undefined;
  }
  const from = calleeImport(m, call.callee);
  if (!from) return undefined;
  if (!awaited && ZLIB_MODULES.has(from.source) && ZLIB_SYNC.has(from.name)) return `\`${from.text}(…)\``;
  if (!awaited && FS_MODULES.has(from.source) && from.name === 'readFileSync' && withoutEncoding(call.arguments)) {
    return `\`${from.text}(…)\` without an encoding`;
  }
  if (awaited && FS_PROMISE_MODULES.has(from.source) && from.name === 'readFile' && withoutEncoding(call.arguments)) {
    return `\`${from.text}(…)\` without an encoding`;
  }
  return undefined;
}

/**
 * Is the expression certainly a Buffer, or an array of Buffers? `Buffer.from(...)` (and alloc,
 * concat), the synchronous zlib functions, `fs.readFileSync(path)` and `await
 * fs.promises.readFile(path)` without an encoding, a constant holding one, an array literal of
 * them. Returns what it is, for messages; `array` is set for an array of Buffers.
 */
export function bufferOrigin(m: FileState, raw: TSESTree.Node, depth = 0): { what: string; array: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      const init = m.bindings.resolveConst(node);
      return init ? bufferOrigin(m, init, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const what = bufferCall(m, node, false);
      return what ? { what, array: false } : undefined;
    }
    case AST_NODE_TYPES.AwaitExpression: {
      const inner = unwrap(node.argument);
      if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const what = bufferCall(m, inner, true) ?? bufferCall(m, inner, false);
      return what ? { what, array: false } : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression: {
      if (node.elements.length === 0) return undefined;
      for (const element of node.elements) {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
        const inner = bufferOrigin(m, element, depth + 1);
        if (!inner || inner.array) return undefined;
      }
      return { what: 'an array of Buffers', array: true };
    }
    default:
      return undefined;
  }
}
