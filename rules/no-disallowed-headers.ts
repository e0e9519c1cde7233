import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type HeaderOwner, HEADER_KINDS, headerOwnerOf } from '../src/analysis.js';
import { unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import {
  type EventType,
  type EventTypes,
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

/** What the code does to the header: `set` covers literal entries and `=` writes. */
type Change = 'set' | 'change' | 'delete';


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
      const check = (name: string, change: Change, node: TSESTree.Node, types: EventTypes, owner: HeaderOwner) => {
        const event = types && types.size > 0 ? `here: ${formatEventTypes(types)}` : 'in any event';
        if (isDisallowedHeader(name)) {
          // Deleting one is harmless: the function never sees these headers.
          if (change !== 'delete') context.report({ node, messageId: 'disallowed', data: { name, event } });
          return;
        }
        // Origin custom headers go to the origin only: the read-only and CloudFront-added lists
        // are about the request and response headers (lambda-event-structure, edge-function-restrictions-all).
        if (owner === 'origin') return;
        // The read-only lists are per event: only a known set of events, all of which list the
        // header, is reported. Request headers matter in request events, response headers in
        // response events; a generated or typed map in whichever event hands it back.
        const scope =
          owner === 'request' ? REQUEST_EVENTS : owner === 'response' ? RESPONSE_EVENTS : undefined;
        const events = readOnlyEvents(name);
        if (onlyIn(types, events) && (!scope || onlyIn(types, scope))) {
          const changeText = change === 'set' ? 'assignment' : change === 'change' ? 'change' : 'delete';
          context.report({
            node,
            messageId: 'readOnly',
            data: { name, event: formatEventTypes(types), change: changeText },
          });
          return;
        }
        if (
          change === 'set' &&
          isCloudFrontViewerHeader(name) &&
          (owner === 'request' || owner === 'unknown') &&
          onlyIn(types, VIEWER_REQUEST)
        ) {
          context.report({ node, messageId: 'cloudFrontHeaderInViewerRequest', data: { name } });
        }
      };

      // Event types of a generated response's header maps: those of the response itself.
      const responseTypes = new Map<TSESTree.ObjectExpression, EventTypes>();
      for (const response of analysis.responses) {
        for (const map of response.headerMaps) responseTypes.set(map, response.eventTypes);
      }

      for (const entry of analysis.headerEntries) {
        if (entry.name === undefined) continue;
        const types = responseTypes.has(entry.map) ? responseTypes.get(entry.map) : analysis.eventTypesAt(entry.property);
        check(entry.name, 'set', entry.property.key, types, entry.owner);
      }
      // Writes into a generated response's header variable (`const headers = {}; headers.x = ...;
      // return { status, headers }`) happen in the events that response is returned in, which
      // may be narrower than what is known where the write is (a helper outside the handler).
      const mapTypes = (member: TSESTree.MemberExpression): EventTypes | undefined => {
        const object = unwrap(member.object);
        if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
        const def = analysis.bindings.singleDefinition(object);
        const init = def?.whole ? unwrap(def.init) : undefined;
        return init?.type === AST_NODE_TYPES.ObjectExpression ? responseTypes.get(init) : undefined;
      };

      for (const access of analysis.accesses) {
        if (access.name === undefined || access.op === 'read' || !HEADER_KINDS.has(access.objectKind)) continue;
        const change: Change = access.op === 'write' ? 'set' : access.op === 'modify' ? 'change' : 'delete';
        let types = analysis.eventTypesAt(access.node);
        if (access.objectKind === 'generated-headers' && access.node.type === AST_NODE_TYPES.MemberExpression) {
          types = mapTypes(access.node) ?? types;
        }
        check(access.name, change, access.keyNode, types, headerOwnerOf(access.objectKind));
      }

      // An origin custom header may not repeat a name the request headers hold
      // (lambda-event-structure). What the viewer sent is unknown here; what the same handler sets is certain,
      // unless it also deletes that request header.
      const requestSets = new Map<string, Set<unknown>>();
      const requestDeletes = new Set<string>();
      const customHeaders: Array<{ name: string; node: TSESTree.Node; handler: unknown }> = [];
      const addSet = (name: string, handler: unknown) => {
        const key = name.toLowerCase();
        const handlers = requestSets.get(key) ?? new Set();
        handlers.add(handler);
        requestSets.set(key, handlers);
      };
      for (const entry of analysis.headerEntries) {
        if (entry.name === undefined) continue;
        const handler = analysis.handlerAt(entry.property);
        if (entry.owner === 'origin') customHeaders.push({ name: entry.name, node: entry.property.key, handler });
        else if (entry.owner === 'request') addSet(entry.name, handler);
      }
      for (const access of analysis.accesses) {
        if (access.name === undefined || access.op === 'read') continue;
        const handler = analysis.handlerAt(access.node);
        if (access.objectKind === 'origin-headers' && access.op === 'write') {
          customHeaders.push({ name: access.name, node: access.keyNode, handler });
        } else if (access.objectKind === 'request-headers') {
          if (access.op === 'delete') requestDeletes.add(access.name.toLowerCase());
          else addSet(access.name, handler);
        }
      }
      for (const custom of customHeaders) {
        const key = custom.name.toLowerCase();
        if (requestDeletes.has(key) || !requestSets.get(key)?.has(custom.handler)) continue;
        context.report({ node: custom.node, messageId: 'customHeaderInRequest', data: { name: custom.name } });
      }
    });
  },
});
