import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis, Handler } from '../src/model/types.js';
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

/**
 * The headers the handler edits (lowercased; undefined for a name not known, or a whole map):
 * on the received response's headers, or in a response it builds. Code outside any handler
 * counts when this is the file's one handler (otherwise another handler's helper would make
 * this one report). Undefined when it edits none and builds no response.
 */
function editedHeaders(analysis: Analysis, handler: Handler): Array<string | undefined> | undefined {
  const mine = (node: TSESTree.Node) => {
    const owner = analysis.handlerAt(node);
    return owner === handler || (owner === undefined && analysis.handlers.length === 1);
  };
  const edited: Array<string | undefined> = [];
  for (const access of analysis.accesses) {
    if (!mine(access.node)) continue;
    if (access.objectKind === 'response-headers' && access.op !== 'read') edited.push(access.name?.toLowerCase());
    if (access.objectKind === 'response' && access.name === 'headers' && access.op === 'write') edited.push(undefined);
  }
  const generated = handler.results.some((result) => analysis.classify(result) === 'generated');
  for (const entry of analysis.headerEntries) {
    const owned = entry.owner === 'response' || (generated && entry.owner === 'generated');
    if (owned && mine(entry.property)) edited.push(entry.name?.toLowerCase());
  }
  return edited.length === 0 && !generated ? undefined : edited;
}

const editsCacheHeader = (edited: Array<string | undefined>) => edited.some((name) => name !== undefined && CACHE_HEADERS.has(name));

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
        if (!edited || editsCacheHeader(edited) || analysis.usesViewerRequest(handler)) continue;
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
