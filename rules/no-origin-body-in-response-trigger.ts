import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis, MemberAccess } from '../src/analysis.js';
import { type FunctionNode, isFunctionNode, outerParent } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { RESPONSE_EVENTS, formatEventTypes, onlyIn } from '../src/event-types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'originBody';

function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current ?? undefined;
}

/**
 * True when the code itself already set the body of a received response before `read`, in the
 * same function: `response.body = html; ... response.body.length` reads the new body, which is
 * defined. Source order in one function is a cheap stand-in for control flow.
 */
function readsOwnBody(analysis: Analysis, read: MemberAccess): boolean {
  const fn = enclosingFunction(read.node);
  for (const access of analysis.accesses) {
    if (access.objectKind !== 'response' || access.name !== 'body' || access.op !== 'write') continue;
    // The whole assignment must end before the read: `response.body = response.body + x` reads first.
    const assignment = outerParent(access.node).parent ?? access.node;
    if (assignment.range[1] > read.node.range[0]) continue;
    if (enclosingFunction(access.node) === fn) return true;
  }
  return false;
}

export default createRule<[], MessageIds>({
  name: 'no-origin-body-in-response-trigger',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow reading the origin's response body in origin-response and viewer-response triggers",
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      originBody:
        "The origin's body is not available in {{ event }}: CloudFront never passes it to the function, so `response.body` is always undefined here. Generate the whole body in the function, or change the content at the origin (or in an origin-request trigger that generates the response).",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const access of analysis.accesses) {
        if (access.objectKind !== 'response' || access.name !== 'body') continue;
        // Replacing (`= '...'`) or clearing (`= ''`, `delete`) the body is how the body is changed.
        if (access.op !== 'read' && access.op !== 'modify') continue;
        const types = analysis.eventTypesAt(access.node);
        if (!onlyIn(types, RESPONSE_EVENTS)) continue;
        if (readsOwnBody(analysis, access)) continue;
        context.report({ node: access.node, messageId: 'originBody', data: { event: formatEventTypes(types) } });
      }
    });
  },
});
