import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { AccessOp, Analysis, Handler, HeaderUse } from '../src/analysis.js';
import { memberName, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import {
  REQUEST_EVENTS,
  RESPONSE_EVENTS,
  formatEventTypes,
  onlyIn,
  VIEWER_REQUEST,
} from '../src/facts/event-types.js';
import { isCloudFrontViewerHeader, isDisallowedHeader, readOnlyEvents } from '../src/headers.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'disallowed'
  | 'readOnly'
  | 'cloudFrontHeaderInViewerRequest'
  | 'customHeaderInRequest';

/** How the message names what the code does to the header: literal entries and `=` writes are assignments. */
const CHANGE_TEXT: Record<AccessOp, string> = { write: 'assignment', modify: 'change', delete: 'delete', read: 'read' };

/** Reports once per place and message: one literal can reach several writes (a table copied twice). */
type Report = (node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>) => void;

/**
 * `headers['via'] = response.headers['via']` (or `via: response.headers.via` in a new map): the
 * value CloudFront sent for the same header, carried over unchanged into the map handed back,
 * which is what keeps a read-only header as it was.
 */
function keepsReceivedValue(analysis: Analysis, use: HeaderUse): boolean {
  if (use.op !== 'write') return false;
  const value = use.access?.value ?? use.entry?.value;
  const read = value && unwrap(value);
  if (read?.type !== AST_NODE_TYPES.MemberExpression || memberName(read)?.toLowerCase() !== use.name.toLowerCase()) return false;
  // The same side's header: a request header for the request, a response's for a response (a
  // `let response` that the code later replaces with a generated one reads as generated).
  const kind = analysis.classify(read.object);
  return use.owner === 'request' ? kind === 'request-headers' : kind === 'response-headers' || kind === 'generated-headers';
}

/** A header write: a disallowed header, a read-only one in its events, a CloudFront-added one in viewer-request. */
function checkWrite(report: Report, analysis: Analysis, use: HeaderUse): void {
  const { name, owner, nameNode: node } = use;
  if (isDisallowedHeader(name)) {
    // Deleting one is harmless: the function never sees these headers.
    if (use.op === 'delete') return;
    const types = use.eventTypes;
    report(node, 'disallowed', { name, event: types && types.size > 0 ? `here: ${formatEventTypes(types)}` : 'in any event' });
    return;
  }
  // Origin custom headers go to the origin only: the read-only and CloudFront-added lists
  // are about the request and response headers (lambda-event-structure, edge-function-restrictions-all).
  if (owner === 'origin') return;
  const readOnly = readOnlyEvents(name);
  const cloudFront = use.op === 'write' && isCloudFrontViewerHeader(name) && (owner === 'request' || owner === 'unknown');
  // Most names are on neither list: their event types are never asked for.
  if (readOnly.size === 0 && !cloudFront) return;
  const types = use.eventTypes;
  // The read-only lists are per event: only a known set of events, all of which list the
  // header, is reported. Request headers matter in request events, response headers in
  // response events; a generated or typed map in whichever event hands it back.
  const scope = owner === 'request' ? REQUEST_EVENTS : owner === 'response' ? RESPONSE_EVENTS : undefined;
  if (onlyIn(types, readOnly) && (!scope || onlyIn(types, scope))) {
    if (!keepsReceivedValue(analysis, use)) report(node, 'readOnly', { name, event: formatEventTypes(types), change: CHANGE_TEXT[use.op] });
    return;
  }
  if (cloudFront && onlyIn(types, VIEWER_REQUEST)) report(node, 'cloudFrontHeaderInViewerRequest', { name });
}

/**
 * An origin custom header may not repeat a name the request headers hold
 * (lambda-event-structure). What the viewer sent is unknown here; what the same handler sets is certain,
 * unless it also deletes that request header.
 */
function checkCustomHeaders(report: Report, writes: readonly HeaderUse[]): void {
  const customHeaders: HeaderUse[] = [];
  for (const use of writes) if (use.owner === 'origin' && use.op === 'write') customHeaders.push(use);
  if (customHeaders.length === 0) return;
  const requestSets = new Map<string, HeaderUse[]>();
  const requestDeletes = new Set<string>();
  for (const use of writes) {
    if (use.owner !== 'request') continue;
    const key = use.name.toLowerCase();
    if (use.op === 'delete') requestDeletes.add(key);
    else {
      const sets = requestSets.get(key);
      if (sets) sets.push(use);
      else requestSets.set(key, [use]);
    }
  }
  for (const custom of customHeaders) {
    const key = custom.name.toLowerCase();
    if (requestDeletes.has(key)) continue;
    const handler = custom.handler;
    if (!requestSets.get(key)?.some((use) => use.handler === handler)) continue;
    report(custom.nameNode, 'customHeaderInRequest', { name: custom.name });
  }
}

export default createRule<[], MessageIds>({
  name: 'no-disallowed-headers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow adding disallowed headers, and adding, changing or deleting read-only headers, in Lambda@Edge',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      disallowed:
        "'{{ name }}' is a disallowed header: no edge function may add it ({{ event }}), and CloudFront answers 502 (\"The function tried to add a blacklisted header\"). Remove it; when copying another response's headers, filter it out.",
      readOnly:
        "'{{ name }}' is read-only in {{ event }}: this {{ change }} makes CloudFront answer 502 (\"The function tried to add, delete, or change a read-only header\"). Leave the header to CloudFront, or set it at the origin.",
      customHeaderInRequest:
        "'{{ name }}' is an origin custom header, and this function also sets it in request.headers: Lambda@Edge does not allow a custom header whose name is also in request.headers. Keep one of the two: set it only in customHeaders (sent to this origin) or only in request.headers.",
      cloudFrontHeaderInViewerRequest:
        "'{{ name }}' is added by CloudFront after viewer-request; a viewer-request function that adds it fails validation and CloudFront answers 502. Set it in origin-request instead, or let a cache or origin request policy add it.",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<string>();
      const report: Report = (node, messageId, data) => {
        const key = `${node.range[0]}:${messageId}:${JSON.stringify(data)}`;
        if (reported.has(key)) return;
        reported.add(key);
        context.report({ node, messageId, data });
      };
      for (const use of analysis.headerWrites()) checkWrite(report, analysis, use);
      checkCustomHeaders(report, analysis.headerWrites());
    });
  },
});
