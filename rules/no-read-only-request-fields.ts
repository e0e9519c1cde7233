import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import type { MemberAccess } from '../src/analysis.js';
import { outerParent } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { RESPONSE_EVENTS, formatEventTypes, onlyIn } from '../src/event-types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'readOnlyMethod'
  | 'readOnlyClientIp'
  | 'readOnlyConfig'
  | 'readOnlyInResponse';

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** Request fields that are read-only in every event (lambda-event-structure). */
const ALWAYS_READ_ONLY: ReadonlyMap<string, MessageIds> = new Map([
  ['method', 'readOnlyMethod'],
  ['clientIp', 'readOnlyClientIp'],
]);

/** Request fields that are writable only in viewer-request and origin-request (edge-function-restrictions-all). */
const RESPONSE_READ_ONLY: ReadonlyMap<string, string> = new Map([
  ['uri', 'URI'],
  ['querystring', 'query string'],
]);

/**
 * True when the access changes the field itself: `x.f = v`, `x.f += v`, `x.f++`, `delete x.f`.
 * The analysis also calls `x.f.g = v` a change of `f`; these fields are strings, so that is a
 * different mistake (no-querystring-object reports it on the query string).
 */
function changesField(access: MemberAccess): boolean {
  if (access.op === 'read' || access.node.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (access.op !== 'modify') return true;
  const { node, parent } = outerParent(access.node);
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) ||
    parent?.type === AST_NODE_TYPES.UpdateExpression
  );
}

export default createRule<[], MessageIds>({
  name: 'no-read-only-request-fields',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing read-only fields of the Lambda@Edge request and its `config`',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      readOnlyMethod:
        "`request.method` is read-only in every Lambda@Edge event: CloudFront ignores or rejects a change to it, so a function cannot change the HTTP method. To route by method, read it (`if (request.method === 'POST')`) and change the URI or origin, or answer the request with a generated response.",
      readOnlyClientIp:
        '`request.clientIp` is read-only in every Lambda@Edge event: CloudFront sets it to the address of the viewer (or of the proxy or load balancer that sent the request) and ignores or rejects a change to it. Read it; to hand another address to the origin, put it in a header of your own, such as `x-viewer-ip`.',
      readOnlyConfig:
        '`cf.config.{{ name }}` is read-only in Lambda@Edge: CloudFront fills in `config` to describe this invocation (distribution, event type, request id) and ignores or rejects a change to it. Read it instead (e.g. branch on `cf.config.eventType`); to run code in another event, attach the function to that event in the cache behavior.',
      readOnlyInResponse:
        '`request.{{ name }}` is read-only in {{ event }}: the URI and query string can be changed only in viewer-request and origin-request triggers, and CloudFront ignores or rejects this change. Rewrite the {{ what }} in a viewer-request or origin-request trigger instead.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const access of analysis.accesses) {
        if (access.name === undefined || !changesField(access)) continue;
        let messageId: MessageIds | undefined;
        let data: Record<string, string> = { name: access.name };
        if (access.objectKind === 'config') {
          messageId = 'readOnlyConfig';
        } else if (access.objectKind === 'request') {
          messageId = ALWAYS_READ_ONLY.get(access.name);
          const what = RESPONSE_READ_ONLY.get(access.name);
          if (what !== undefined) {
            // Unknown or mixed events: the change may run in a request trigger, where it is allowed.
            const types = analysis.eventTypesAt(access.node);
            if (!onlyIn(types, RESPONSE_EVENTS)) continue;
            messageId = 'readOnlyInResponse';
            data = { name: access.name, event: formatEventTypes(types), what };
          }
        }
        if (messageId === undefined) continue;
        if (analysis.builtByCode(access.node)) continue;
        context.report({ node: access.node, messageId, data });
      }
    });
  },
});
