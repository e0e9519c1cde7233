import type { TSESTree } from '@typescript-eslint/utils';
import { onlyIn, VIEWER_REQUEST } from '../src/facts/event-types.js';
import { createRule } from '../src/create-rule.js';
import { isCloudFrontViewerHeader } from '../src/headers.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'notInViewerRequest';

export default createRule<[], MessageIds>({
  name: 'no-cloudfront-headers-in-viewer-request',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading CloudFront-added viewer headers in a viewer-request handler, where they are never present',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      notInViewerRequest:
        "CloudFront adds '{{ name }}' after viewer-request, so here it is missing (or holds whatever the client sent). Move this logic to an origin-request function, with a cache policy or origin request policy that adds the header.",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<TSESTree.Node>();
      for (const use of analysis.headerUses()) {
        if (use.op !== 'read' || reported.has(use.nameNode)) continue;
        // The received request's headers, or a typed CloudFrontHeaders (e.g. a helper's
        // parameter): in viewer-request code only the request's headers carry these names.
        if (use.owner !== 'request' && use.owner !== 'unknown') continue;
        if (!isCloudFrontViewerHeader(use.name) || !onlyIn(use.eventTypes, VIEWER_REQUEST)) continue;
        // A name held as data is reported once, at its literal, however many reads it reaches.
        reported.add(use.nameNode);
        context.report({ node: use.nameNode, messageId: 'notInViewerRequest', data: { name: use.name } });
      }
    });
  },
});
