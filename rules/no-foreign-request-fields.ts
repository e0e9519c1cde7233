import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { outerParent, propertyKeyName, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { renameMember } from '../src/estree/fixes.js';
import type { Analysis, MemberAccess } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'foreignRead' | 'foreignWrite' | 'useField';

/** A field of another request shape, where it comes from, and the Lambda@Edge field for it. */
interface Foreign {
  from: string;
  instead: string;
  /** The Lambda@Edge field, when renaming keeps the meaning close enough to suggest it. */
  rename?: string;
}

/**
 * Request fields of other shapes that the Lambda@Edge request (clientIp, method, uri,
 * querystring, headers, body, origin) does not have. The query string's other names
 * (`queryString`, `queryStringParameters`) are no-querystring-object's.
 */
const FOREIGN: ReadonlyMap<string, Foreign> = new Map([
  ['url', { from: "Express's and the Fetch API's `url`", instead: '`request.uri` (the path; the query string is `request.querystring`)', rename: 'uri' }],
  ['originalUrl', { from: "Express's `originalUrl`", instead: '`request.uri` (the path; the query string is `request.querystring`)' }],
  ['path', { from: "Express's `path`", instead: '`request.uri`', rename: 'uri' }],
  ['rawPath', { from: "API Gateway HTTP API's `rawPath`", instead: '`request.uri`', rename: 'uri' }],
  ['rawQueryString', { from: "API Gateway HTTP API's `rawQueryString`", instead: '`request.querystring`', rename: 'querystring' }],
  ['httpMethod', { from: "API Gateway REST API's `httpMethod`", instead: '`request.method`', rename: 'method' }],
  ['ip', { from: "Express's `ip`", instead: '`request.clientIp`', rename: 'clientIp' }],
  ['query', { from: "Express's parsed `query`", instead: "`new URLSearchParams(request.querystring)`" }],
  ['cookies', { from: "the CloudFront Functions request's `cookies`", instead: "the `cookie` header, `request.headers.cookie` (an array of `{ key, value }` entries)" }],
  ['hostname', { from: "Express's `hostname`", instead: "the `host` header, `request.headers.host[0].value`" }],
  ['protocol', { from: "Express's `protocol`", instead: "the `cloudfront-forwarded-proto` header (when the cache policy or origin request policy adds it)" }],
  ['httpVersion', { from: "Node.js's `IncomingMessage.httpVersion`", instead: "another signal: the request does not carry the viewer's HTTP version" }],
]);

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/**
 * A read that only asks whether the field is there: `!request.query`, `request.query ===
 * undefined` (or `== null`), `typeof request.query`. A lazy cache starts with one
 * (`if (!request.query) request.query = parse(request.querystring)`).
 */
function isPresenceTest(access: MemberAccess): boolean {
  const { node, parent } = outerParent(access.node);
  if (parent?.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === '!' || parent.operator === 'typeof';
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(parent.operator)) return false;
  const other = unwrap(parent.left === node ? parent.right : parent.left);
  return (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined') || (other.type === AST_NODE_TYPES.Literal && other.value === null);
}

/**
 * Names the file stores on the request before it reads them: a property of its own
 * (`request.path = normalise(request.uri)` or `Object.assign(request, { path })`, then
 * `request.path`; a lazy cache behind a presence test), not a field it expects CloudFront to
 * have. The first access that is not a presence test is a plain `=` (not `+=`, which reads
 * first) or an `Object.assign` onto the request.
 */
function ownProperties(analysis: Analysis): Set<string> {
  const first = new Map<string, { at: number; stores: boolean }>();
  const note = (name: string, at: number, stores: boolean) => {
    const seen = first.get(name);
    if (!seen || at < seen.at) first.set(name, { at, stores });
  };
  for (const access of analysis.accesses) {
    if (access.objectKind !== 'request' || access.name === undefined || !FOREIGN.has(access.name) || isPresenceTest(access)) continue;
    note(access.name, access.node.range[0], access.op === 'write' && access.value !== undefined);
  }
  for (const { method, target, sources, call } of analysis.objectCalls()) {
    if (method !== 'assign' || !target || analysis.classify(target) !== 'request') continue;
    for (const source of sources) {
      const literal = unwrap(source);
      if (literal.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const prop of literal.properties) {
        const name = prop.type === AST_NODE_TYPES.Property ? propertyKeyName(prop) : undefined;
        if (name !== undefined && FOREIGN.has(name)) note(name, call.range[0], true);
      }
    }
  }
  return new Set([...first].filter(([, event]) => event.stores).map(([name]) => name));
}

function check(context: Context, access: MemberAccess, foreign: Foreign): void {
  const fix = foreign.rename === undefined ? undefined : renameMember(access.node, foreign.rename);
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = fix ? [{ messageId: 'useField', data: { name: foreign.rename! }, fix }] : [];
  const data = { name: access.name!, from: foreign.from, instead: foreign.instead };
  context.report({ node: access.node, messageId: access.op === 'read' ? 'foreignRead' : 'foreignWrite', data, suggest });
}

export default createRule<[], MessageIds>({
  name: 'no-foreign-request-fields',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request fields of other shapes (Express, Fetch, API Gateway, CloudFront Functions) on the Lambda@Edge request',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      foreignRead:
        'The Lambda@Edge request has no `{{ name }}` ({{ from }}), so reading it gives `undefined`. Use {{ instead }}.',
      foreignWrite:
        'The Lambda@Edge request has no `{{ name }}` ({{ from }}), so setting it changes nothing CloudFront reads: the request it sends on keeps its URI, query string and headers. Use {{ instead }}.',
      useField: 'Use `request.{{ name }}`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      let own: Set<string> | undefined;
      for (const access of analysis.accesses) {
        if (access.objectKind !== 'request' || access.name === undefined) continue;
        const foreign = FOREIGN.get(access.name);
        if (!foreign || analysis.builtByCode(access.node)) continue;
        own ??= ownProperties(analysis);
        if (!own.has(access.name)) check(context, access, foreign);
      }
    });
  },
});
