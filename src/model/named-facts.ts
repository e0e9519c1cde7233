/**
 * Named facts the model derives for rules, part of `Analysis` (./types.ts): each answers one
 * question a rule's doc asks, so the rule filters instead of deriving. Each is computed on
 * first use; a configuration whose rules never ask pays nothing.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Kind } from './kinds.js';
import type { GeneratedResponse, Handler, HeaderEntry, MemberAccess } from './types.js';

/** A size of at least `bytes`; `partial` when some part could not be measured; `file` when read from a file. */
export interface ByteSize {
  bytes: number;
  partial: boolean;
  file?: string;
}

/** The two origin configs of `request.origin`. */
export type OriginConfigKind = 'custom' | 's3';

/** An object written where a query string belongs: a literal (or `Object.fromEntries`), `new URLSearchParams`, a parser's result. */
export type QuerystringObject = 'literal' | 'params' | 'parsed';

export interface NamedFacts {
  /**
   * The bytes of a generated response's headers as CloudFront counts them against the
   * generated-response quota: each entry's `key` (or, without one, the map name) and `value`.
   * Partial when a map, entry or value is not known (a conditional map, a spread of something else).
   */
  headerBytes(response: GeneratedResponse): ByteSize;
  /**
   * The bytes of a body value as CloudFront counts them: decoded when one of `encodings` (the
   * `bodyEncoding` values the response may have) may be 'base64'; only the known parts of a
   * value that is not wholly known.
   */
  bodyBytes(value: TSESTree.Node, encodings: readonly TSESTree.Node[]): ByteSize;
  /** Which origin config `request.origin.custom`, `origin.s3` or a `const` alias of one (`const { custom } = request.origin`) is. */
  originConfigKindOf(node: TSESTree.Node): OriginConfigKind | undefined;
  /** The query-string object an expression is, through names defined once (`const params = {...}`). */
  querystringObjectOf(node: TSESTree.Node): QuerystringObject | undefined;
  /**
   * Is the object at the root of a member chain (an access's `node`, or an expression) one the
   * code builds itself (an object literal, or a `const` holding one: `const event:
   * CloudFrontRequestEvent = { Records: [...] }`), not the one CloudFront passes in? False for a
   * destructuring pattern.
   */
  builtByCode(node: TSESTree.Node): boolean;
  /**
   * What a helper's parameter receives, for a name that is one: a parameter of a local function
   * called only by its name (`(status, body) => …`, `({ status }) => …`, `(status = 301) => …`),
   * never reassigned, with each call's argument for it (`respond(404, …)`,
   * `respond({ status: 404 })`), or its default where a call gives none. Undefined for any other
   * name; the list need not be complete (an argument that is not an object literal gives nothing).
   */
  parameterArguments(node: TSESTree.Node): readonly TSESTree.Node[] | undefined;
  /** Is the expression a name that a later assignment gives something not of `kind` (`qs = querystring.parse(qs)`)? */
  laterHoldsOther(node: TSESTree.Node, kind: Kind): boolean;
  /** The node naming the handler (`exports.handler`, `const handler`, `function handler`), or its head's location. */
  handlerHead(handler: Handler): TSESTree.Node | TSESTree.SourceLocation;
  /**
   * Does the handler depend on the viewer's request: does it (or code outside any handler) read
   * the request, `cf.request` or `config.requestId`, hand the event or record to code the model
   * does not follow, or use a value that differs per call (`Date.now()`, `Math.random()`,
   * `crypto.randomUUID()`, `new Date()`)? Memoised per handler.
   */
  usesViewerRequest(handler: Handler): boolean;
  /**
   * The names (lowercased) a header write (an access of `analysis.accesses` or an entry of
   * `analysis.headerEntries`) can set: the names of its uses in `headerWrites()`, i.e. its literal
   * name, or the names its computed key holds as data (constants, loops over literal tables, a
   * helper's argument), also through `.toLowerCase()` (`headers[name.toLowerCase()]`). Undefined
   * when none can be read; the list need not be complete when a table has a spread.
   */
  headerWriteNames(write: MemberAccess | HeaderEntry): readonly string[] | undefined;
}
