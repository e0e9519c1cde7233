import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyKeyName, unwrap } from '../src/estree/nodes.js';
import { createRule } from '../src/create-rule.js';
import { VIEWER_RESPONSE, onlyIn } from '../src/facts/event-types.js';
import type { Analysis } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'statusChange' | 'generatedStatus';

/**
 * `response.status` of the received response, or a constant holding it (`const { status } =
 * response`): copying it keeps the status unchanged.
 */
function isReceivedStatus(analysis: Analysis, raw: TSESTree.Node | undefined, depth = 0): boolean {
  if (!raw || depth > 3) return false;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(node) === 'status' && analysis.classify(node.object) === 'response';
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = analysis.bindings.singleDefinition(node);
  if (!def) return false;
  if (def.whole) return isReceivedStatus(analysis, def.init, depth + 1);
  // `const { status } = response`
  const prop = def.name.parent;
  return (
    prop?.type === AST_NODE_TYPES.Property &&
    prop.value === def.name &&
    prop.parent === def.declarator.id &&
    propertyKeyName(prop) === 'status' &&
    analysis.classify(def.init) === 'response'
  );
}

export default createRule<[], MessageIds>({
  name: 'no-status-change-in-viewer-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing the response status in a Lambda@Edge viewer-response trigger',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      statusChange:
        'A Lambda@Edge viewer-response function may not change the status code, whether the response came from the origin or the cache. Change the status in an origin-response trigger instead (or answer from a viewer-request trigger), and only edit headers here.',
      generatedStatus:
        "This response is handed back from a viewer-response handler with its own `status`, which replaces the status CloudFront received; Lambda@Edge may not change the status in viewer-response. Return the received `event.Records[0].cf.response` (headers may change), or move the status change to an origin-response trigger.",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<TSESTree.Node>();
      const report = (node: TSESTree.Node, messageId: 'statusChange' | 'generatedStatus') => {
        if (reported.has(node)) return;
        reported.add(node);
        context.report({ node, messageId });
      };
      for (const target of analysis.responseTargets()) {
        for (const status of target.field('status')) {
          if (target.kind === 'received') {
            // response.status = '200', response['status'] = x, delete response.status.
            if (status.op === 'write' && isReceivedStatus(analysis, status.value)) continue;
            if (onlyIn(target.eventTypesOf(status), VIEWER_RESPONSE)) report(status.node, 'statusChange');
          } else if (target.kind === 'generated' && onlyIn(target.response!.eventTypes, VIEWER_RESPONSE)) {
            // A response the code builds and hands back: any `status` in it replaces the received one.
            if (status.op !== 'write' || isReceivedStatus(analysis, status.value)) continue;
            report(status.node, 'generatedStatus');
          }
        }
      }
      // Object.assign(response, { status: '200' })
      for (const { call, method, target, sources } of analysis.objectCalls()) {
        if (method !== 'assign' || !target || analysis.classify(target) !== 'response') continue;
        if (!onlyIn(analysis.eventTypesAt(call), VIEWER_RESPONSE)) continue;
        for (const arg of sources) {
          const literal = unwrap(arg);
          if (literal.type !== AST_NODE_TYPES.ObjectExpression) continue;
          for (const prop of literal.properties) {
            if (prop.type !== AST_NODE_TYPES.Property || propertyKeyName(prop) !== 'status') continue;
            if (!isReceivedStatus(analysis, prop.value)) report(prop, 'statusChange');
          }
        }
      }
    });
  },
});
