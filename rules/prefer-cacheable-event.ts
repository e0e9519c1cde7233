import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis, Handler, HeaderEntry, MemberAccess } from '../src/model/types.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'preferOriginResponse';

/**
 * Headers that steer CloudFront's own caching when an origin-response function sets them,
 * but only the browser's when a viewer-response function does: moving changes behaviour.
 */
const CACHE_HEADERS = new Set(['cache-control', 'expires', 'surrogate-control', 'vary', 'set-cookie', 'age', 'pragma']);

/** A handler attached to viewer-response alone. */
function isViewerResponseOnly(handler: Handler): boolean {
  const types = handler.eventTypes;
  return !!types && types.size === 1 && types.has('viewer-response');
}

/** The header edits of a handler: the names they can set (lowercased), and whether one's name cannot be read. */
interface Edits {
  names: Set<string>;
  unknownName: boolean;
}

/**
 * The headers the handler edits: on the received response's headers, or in a response it
 * builds, each name read by the model (literal, constant, table, helper argument). Replacing the
 * whole map is an edit whose names are its entries'. Code outside any handler counts when this
 * is the file's one handler (otherwise another handler's helper would make this one report).
 * Undefined when it edits none and builds no response.
 */
function editedHeaders(analysis: Analysis, handler: Handler): Edits | undefined {
  const mine = (node: TSESTree.Node) => {
    const owner = analysis.handlerAt(node);
    return owner === handler || (owner === undefined && analysis.handlers.length === 1);
  };
  const edits: Edits = { names: new Set(), unknownName: false };
  let edited = false;
  const add = (write: MemberAccess | HeaderEntry) => {
    edited = true;
    const names = analysis.headerWriteNames(write);
    if (!names) edits.unknownName = true;
    for (const name of names ?? []) edits.names.add(name);
  };
  for (const access of analysis.accesses) {
    if (!mine(access.node)) continue;
    if (access.objectKind === 'response-headers' && access.op !== 'read') add(access);
    if (access.objectKind === 'response' && access.name === 'headers' && access.op === 'write') edited = true;
  }
  const generated = handler.results.some((result) => analysis.classify(result) === 'generated');
  for (const entry of analysis.headerEntries) {
    const owned = entry.owner === 'response' || (generated && entry.owner === 'generated');
    if (owned && mine(entry.property)) add(entry);
  }
  return edited || generated ? edits : undefined;
}

/**
 * A cache header among the edits keeps the handler where it is; so does an edit whose name the
 * model cannot read, since it may be one (a report there would more likely be wrong than right).
 */
const mayEditCacheHeader = (edits: Edits) => edits.unknownName || [...edits.names].some((name) => CACHE_HEADERS.has(name));

export default createRule<[], MessageIds>({
  name: 'prefer-cacheable-event',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        "Prefer origin-response over viewer-response for header edits that do not depend on the viewer's request",
      recommended: 'strict',
    },
    schema: [],
    messages: {
      preferOriginResponse:
        "`{{ name }}` is a viewer-response handler whose header edits use nothing from the viewer's request, so it redoes the same work on every request, cache hits included, and adds its run time to each one. Attached to origin-response it would run only on a cache miss, and CloudFront would cache the edited headers with the object.",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const handler of analysis.handlers) {
        if (!isViewerResponseOnly(handler)) continue;
        const edited = editedHeaders(analysis, handler);
        if (!edited || mayEditCacheHeader(edited) || analysis.usesViewerRequest(handler)) continue;
        const head = analysis.handlerHead(handler);
        context.report({
          ...('type' in head ? { node: head } : { loc: head }),
          messageId: 'preferOriginResponse',
          data: { name: handler.name },
        });
      }
    });
  },
});
