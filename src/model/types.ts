/**
 * The edge model's public surface: what a rule reads. Start here.
 *
 * `getAnalysis(context)` (src/model/index.ts) builds the model of one file once and caches it
 * on the AST; every rule of the lint run reads the same one. A file with nothing Lambda@Edge in
 * it gets `isEdge: false` after a cheap text check, and `createRule` gives it no listeners.
 *
 * The model is built in named phases (src/model/build.ts): collect, handlers, event types,
 * responses, accesses. Views beyond those (`responseTargets`, `completion`, ...) are computed
 * on first use and memoised, so a configuration whose rules never ask for one pays nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Bindings } from '../estree/bindings.js';
import type { FunctionNode } from '../estree/nodes.js';
import type { EventTypes } from '../facts/event-types.js';
import type { StaticPiece, StaticValue } from '../static-value.js';
import type { HeaderOwner, Kind } from './kinds.js';
import type { NamedFacts } from './named-facts.js';
import type { Completion } from './completion-types.js';

export type { HeaderOwner, Kind } from './kinds.js';
export type * from './named-facts.js'; // response sizes, origin configs, query-string objects, handler facts
export type * from './completion-types.js'; // how a handler completes, path by path
type Variable = TSESLint.Scope.Variable;

export type EventTypeSource = 'comment' | 'settings' | 'infrastructure' | 'code';

export interface Handler {
  node: FunctionNode;
  /** Export name (`handler`, `default`), or the function's own name when not exported. */
  name: string;
  /** Found among the file's exports (not a function that merely receives a CloudFront event). */
  exported: boolean;
  isAsync: boolean;
  /** The `callback` parameter of `(event, context, callback)` handlers. */
  callback: Variable | undefined;
  eventTypes: EventTypes;
  eventTypeSource: EventTypeSource | undefined;
  /** `return x` / `callback(null, x)` values handed back to CloudFront. */
  results: TSESTree.Node[];
}

export type AccessOp = 'read' | 'write' | 'delete' | 'modify';

/** A property of a Lambda@Edge object being read or written. */
export interface MemberAccess {
  /**
   * The member expression, or the pattern property for destructuring reads (for `'x' in headers`
   * and `headers.hasOwnProperty('x')` checks: the whole expression, whatever its declared type).
   */
  node: TSESTree.MemberExpression | TSESTree.Property;
  objectKind: Kind;
  /** Static property name, when known. */
  name: string | undefined;
  /** The node holding the name (`property` of a member expression, `key` of a pattern). */
  keyNode: TSESTree.Node;
  op: AccessOp;
  /** For `=` writes: the assigned value. */
  value: TSESTree.Node | undefined;
}

/** One header in an object literal that is a Lambda@Edge header map. */
export interface HeaderEntry {
  property: TSESTree.Property;
  name: string | undefined;
  value: TSESTree.Node;
  map: TSESTree.ObjectExpression;
  owner: HeaderOwner;
}

/**
 * One use of a header by its name, with the event types it runs under:
 * - `entry`: a key of a header-map literal (`headers: { 'x-a': [...] }`), a write;
 * - `member`: `headers['x-a'] = ...`, `delete headers.x`, `headers['x-a'][0].value = ...`, reads,
 *   `'x-a' in headers`, `const { host } = headers`;
 * - `data`: a computed key whose names the file holds as literals (`headers[HSTS]`, a loop over
 *   `Object.entries({ 'X-Frame-Options': ... })`, `setHeader(headers, 'X-Frame-Options', v)`);
 *   `nameNode` is then the literal that spells the name, where the user fixes it.
 */
export interface HeaderUse {
  /** The name as written (not lowercased). */
  name: string;
  /** `write` for literal entries and `=`; `modify` for in-place changes; `delete`; `read`. */
  op: AccessOp;
  owner: HeaderOwner;
  /** The node that spells the name: an entry's key, a member's property, the `in` operand, the data literal. */
  nameNode: TSESTree.Node;
  form: 'entry' | 'member' | 'data';
  /** The literal entry (`entry` form, or `data` through a computed entry key). */
  entry: HeaderEntry | undefined;
  /** The access (`member` form, or `data` through a computed member key). */
  access: MemberAccess | undefined;
  eventTypes: EventTypes;
  handler: Handler | undefined;
  /** `data` only: the literal is used for nothing but header keys, so renaming it changes nothing else. */
  keyOnly: boolean;
  /**
   * `data` only: the key is the name lowercased at run time (`headers[name.toLowerCase()]`), so
   * the map is keyed by `name.toLowerCase()` whatever the literal's spelling. `keyOnly` is false.
   */
  lowercased: boolean;
}

export interface ResponseProperty {
  property: TSESTree.Property;
  value: TSESTree.Node;
  /** False when the property comes from a spread object. */
  own: boolean;
}

/** A response object the code builds and hands to CloudFront. */
export interface GeneratedResponse {
  node: TSESTree.ObjectExpression;
  eventTypes: EventTypes;
  /** Own and spread-in properties, later ones winning as at run time. */
  properties: Map<string, ResponseProperty>;
  /** Properties assigned after creation: `res.body = ...`. */
  writes: MemberAccess[];
  /** Header-map literals of this response (own, spread-in or through a variable). */
  headerMaps: TSESTree.ObjectExpression[];
}

/** `Object.<method>(target, ...sources)`: `Object.assign(response, {...})`, `Object.keys(qs)`. */
export interface ObjectCall {
  call: TSESTree.CallExpression;
  method: string;
  /** The first argument (undefined when missing or a spread). */
  target: TSESTree.Node | undefined;
  sources: TSESTree.Node[];
}

/**
 * An expression used as an object is used: `Object.keys(x)` (and values, entries,
 * getOwnPropertyNames, assign), `for (k in x)`, `'k' in x`.
 */
export interface ObjectStyleUse {
  /** The expression used as an object. */
  node: TSESTree.Node;
  how: { type: 'object-function'; method: string } | { type: 'for-in' } | { type: 'in' };
}

/** The fields of a Lambda@Edge response that rules look at. */
export type ResponseField = 'status' | 'statusDescription' | 'body' | 'bodyEncoding' | 'headers' | 'statusCode';

/** One setting of a response field: a property of the literal, or a later assignment or delete. */
export interface FieldSetting {
  field: ResponseField;
  /** The property (set when the object is created) or the member expression (`res.body = x`). */
  node: TSESTree.Property | TSESTree.MemberExpression;
  /** The value given; undefined for `delete` and compound assignments (`+=`). */
  value: TSESTree.Node | undefined;
  op: 'write' | 'delete' | 'modify';
  /** Set when the object is created (own or spread-in property): runs before any assignment. */
  initial: boolean;
  /** The property, when it is written in the response literal itself (not spread in). */
  ownProperty: TSESTree.Property | undefined;
  /** The member expression of an assignment or delete. */
  member: TSESTree.MemberExpression | undefined;
  /** The statement-level node to report a write at: the assignment, or the property. */
  reportNode: TSESTree.Node;
}

/**
 * A response a handler hands to CloudFront, with every setting of its fields:
 * - `generated`: an object literal the code builds (`response` is set);
 * - `received`: the response CloudFront passes in (`cf.response`), one per handler (or one for
 *   code outside any handler), only when something assigns its fields;
 * - `unattached`: assignments on something typed or classified as a generated response that
 *   cannot be tied to one literal, one per handler;
 * - `api-shaped`: an object in the API Gateway shape (`statusCode`, no `status`) that a handler
 *   hands to CloudFront on a path the file proves to run for a CloudFront event (not the API
 *   Gateway branch of a multi-target adapter, not a helper's branch it cannot read). `response`
 *   is set (it is no GeneratedResponse of `responses`: other rules do not see it).
 *
 * `statusCode` settings appear on `received` targets (`cf.response.statusCode = 404`) and on
 * `api-shaped` ones.
 */
export interface ResponseTarget {
  kind: 'generated' | 'received' | 'unattached' | 'api-shaped';
  response: GeneratedResponse | undefined;
  handler: Handler | undefined;
  /** Initial settings first (as the literal has them), then assignments in source order. */
  settings: FieldSetting[];
  /** The settings of one field. */
  field(name: ResponseField): FieldSetting[];
  /** The event types a setting runs under: the response's, or those where it is written. */
  eventTypesOf(setting: FieldSetting): EventTypes;
}

export interface ConfigProblem {
  loc: TSESTree.SourceLocation;
  message: string;
}

export interface Analysis extends NamedFacts {
  /** False for files with nothing Lambda@Edge in them: rules do nothing there. */
  isEdge: boolean;
  handlers: Handler[];
  responses: GeneratedResponse[];
  accesses: MemberAccess[];
  headerEntries: HeaderEntry[];
  problems: ConfigProblem[];
  classify(node: TSESTree.Node): Kind | undefined;
  eventTypesAt(node: TSESTree.Node): EventTypes;
  handlerAt(node: TSESTree.Node): Handler | undefined;
  staticValue(node: TSESTree.Node): StaticValue | undefined;
  /**
   * The known pieces of a string expression when the whole is not known: a template's text
   * parts, the known operands of `+`, through constants (`'/' + name`, `` `?${qs}` ``).
   */
  staticPieces(node: TSESTree.Node): StaticPiece[];
  /** Does the expression certainly produce base64 text (`buf.toString('base64')`, `btoa(x)`, a const of one)? */
  producesBase64(node: TSESTree.Node): boolean;
  /** A lower bound of a string expression's UTF-8 size, counting only its known parts. */
  minimumBytes(node: TSESTree.Node): number;
  /**
   * Is the expression the numeric status of an HTTP client's response (`res.status` of `await
   * fetch(...)`, `res.statusCode` in an `https.get` callback)? What it is, for messages.
   */
  httpStatusNumber(node: TSESTree.Node): string | undefined;
  /** Is the expression certainly a Buffer (`Buffer.from(...)`, `zlib.gzipSync(...)`, `fs.readFileSync(p)`) or an array of them? */
  bufferOrigin(node: TSESTree.Node): { what: string; array: boolean } | undefined;
  /** The object literal an expression is, or that a constant binding it names holds. */
  objectLiteralOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined;
  /**
   * Expressions a name or member can hold, followed through constants and loops over literal
   * tables and lists (`value` in `for (const [k, value] of Object.entries({...}))`).
   * Each certainly reaches `node` on some run; the list need not be complete.
   */
  heldValues(node: TSESTree.Node): TSESTree.Node[];
  /** The file's name resolution: rules ask here instead of looking into scopes. */
  bindings: Bindings;

  // Views: computed on first use, then memoised. A rule set that never asks pays nothing.

  /** Every response built or received, with its field settings (see ResponseTarget). */
  responseTargets(): readonly ResponseTarget[];
  /** `Object.<method>(...)` calls of the file. */
  objectCalls(): readonly ObjectCall[];
  /** Calls and `new` expressions whose first argument is of `kind`: `JSON.parse(request.body)`. */
  callsTaking(kind: Kind): ReadonlyArray<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** Visits every value node under `root` (type annotations left out), parents first. */
  forEachNode(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void;
  /** Every use of a header by name, literal, member or data, with its event types (see HeaderUse). */
  headerUses(): readonly HeaderUse[];
  /** The header uses that add, change or delete a header (`op` other than `read`). */
  headerWrites(): readonly HeaderUse[];
  /**
   * Names `X` whose `process.env.X` the build replaces with a constant: CDK `NodejsFunction`
   * `bundling.define` of the functions whose bundle holds this file (infrastructure discovery),
   * and the project's bundler configuration files (src/build-defines.ts). Read on first call.
   * Holds `EVERY_VARIABLE` ('*') when a configuration defines every variable of its environment.
   */
  buildDefines(): ReadonlySet<string>;
  /** Expressions of `kind` used as plain objects (see ObjectStyleUse). */
  objectStyleUses(kind: Kind): readonly ObjectStyleUse[];
  /** How a handler completes on each path (see Completion). */
  completion(handler: Handler): Completion;
  /** Multi-target code: which target's event reaches `node`, 'edge' | 'other' | 'shared' | undefined (see Target). */
  targetAt(node: TSESTree.Node): import('./targets.js').Target;
  /** Every use of `process.env`, however `process` is reached: reads, writes, the whole object (see EnvUse). */
  envUses(): readonly import('./env-uses.js').EnvUse[];
  /** Does the file load an env file into `process.env` (dotenv and its relatives; see ./env-files.ts)? */
  loadsEnvFile(): boolean;
}

