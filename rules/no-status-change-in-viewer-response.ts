import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Analysis, getAnalysis } from '../src/analysis.js';
import { memberName, propertyKeyName, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { type EventType, onlyIn } from '../src/event-types.js';
import { CONFIG_MESSAGES, onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'statusChange' | 'generatedStatus' | keyof typeof CONFIG_MESSAGES;

const VIEWER_RESPONSE: ReadonlySet<EventType> = new Set(['viewer-response']);

/**
 * `response.status` of the received response, or a constant holding it (`const { status } =
 * response`): copying it keeps the status unchanged.
 */
function isReceivedStatus(
  analysis: Analysis,
  scopeOf: (node: TSESTree.Node) => TSESLint.Scope.Scope,
  raw: TSESTree.Node | undefined,
  depth = 0,
): boolean {
  if (!raw || depth > 3) return false;
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(node) === 'status' && analysis.classify(node.object) === 'response';
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(scopeOf(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || !def.node.init) return false;
  if (variable!.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init)) return false;
  if (def.node.id === def.name) return isReceivedStatus(analysis, scopeOf, def.node.init, depth + 1);
  // `const { status } = response`
  const prop = def.name.parent;
  return (
    prop?.type === AST_NODE_TYPES.Property &&
    prop.value === def.name &&
    prop.parent === def.node.id &&
    propertyKeyName(prop) === 'status' &&
    analysis.classify(def.node.init) === 'response'
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
      ...CONFIG_MESSAGES,
      statusChange:
        'A Lambda@Edge viewer-response function may not change the status code, whether the response came from the origin or the cache. Change the status in an origin-response trigger instead (or answer from a viewer-request trigger), and only edit headers here.',
      generatedStatus:
        "This response is handed back from a viewer-response handler with its own `status`, which replaces the status CloudFront received; Lambda@Edge may not change the status in viewer-response. Return the received `event.Records[0].cf.response` (headers may change), or move the status change to an origin-response trigger.",
    },
  },
  defaultOptions: [],
  create(context) {
    const scopeOf = (node: TSESTree.Node) => context.sourceCode.getScope(node);
    const inViewerResponse = (analysis: Analysis, node: TSESTree.Node) =>
      onlyIn(analysis.eventTypesAt(node), VIEWER_RESPONSE);
    const reported = new Set<TSESTree.Node>();
    const report = (node: TSESTree.Node, messageId: 'statusChange' | 'generatedStatus') => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId });
    };
    return onAnalysis(
      context,
      (analysis) => {
        // response.status = '200', response['status'] = x, delete response.status.
        for (const access of analysis.accesses) {
          if (access.objectKind !== 'response' || access.name !== 'status' || access.op === 'read') continue;
          if (access.op === 'write' && isReceivedStatus(analysis, scopeOf, access.value)) continue;
          if (inViewerResponse(analysis, access.node)) report(access.node, 'statusChange');
        }
        // A response the code builds and hands back: any `status` in it replaces the received one.
        for (const response of analysis.responses) {
          if (!onlyIn(response.eventTypes, VIEWER_RESPONSE)) continue;
          const status = response.properties.get('status');
          if (status && !isReceivedStatus(analysis, scopeOf, status.value)) report(status.property, 'generatedStatus');
          for (const write of response.writes) {
            if (write.name === 'status' && write.op === 'write' && !isReceivedStatus(analysis, scopeOf, write.value)) {
              report(write.node, 'generatedStatus');
            }
          }
        }
      },
      {
        // Object.assign(response, { status: '200' })
        CallExpression(node) {
          const callee = unwrap(node.callee);
          if (
            callee.type !== AST_NODE_TYPES.MemberExpression ||
            memberName(callee) !== 'assign' ||
            callee.object.type !== AST_NODE_TYPES.Identifier ||
            callee.object.name !== 'Object' ||
            node.arguments.length < 2
          ) {
            return;
          }
          const analysis = getAnalysis(context);
          if (!analysis.isEdge) return;
          const target = node.arguments[0]!;
          if (target.type === AST_NODE_TYPES.SpreadElement || analysis.classify(target) !== 'response') return;
          if (!inViewerResponse(analysis, node)) return;
          for (const arg of node.arguments.slice(1)) {
            const literal = unwrap(arg);
            if (literal.type !== AST_NODE_TYPES.ObjectExpression) continue;
            for (const prop of literal.properties) {
              if (prop.type !== AST_NODE_TYPES.Property || propertyKeyName(prop) !== 'status') continue;
              if (!isReceivedStatus(analysis, scopeOf, prop.value)) report(prop, 'statusChange');
            }
          }
        },
      },
    );
  },
});
