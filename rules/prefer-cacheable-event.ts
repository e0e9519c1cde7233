import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent, unwrap } from '../src/estree/nodes.js';
import type { Analysis, Handler, Kind } from '../src/model/types.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'preferOriginResponse';

/** Kinds whose use means the handler depends on the viewer's request. */
const REQUEST_KINDS: ReadonlySet<Kind> = new Set(['request', 'request-headers', 'querystring', 'request-body']);
/** Kinds that carry the request inside them: passing them to unknown code may read it. */
const ENVELOPE_KINDS: ReadonlySet<Kind> = new Set(['event', 'records', 'record', 'cf']);
/**
 * Headers that steer CloudFront's own caching when an origin-response function sets them,
 * but only the browser's when a viewer-response function does: moving changes behaviour.
 */
const CACHE_HEADERS = new Set(['cache-control', 'expires', 'surrogate-control', 'vary', 'set-cookie', 'age', 'pragma']);
/** `Date.now()`, `Math.random()`, …: values that differ per request. */
const PER_CALL = new Map<string, ReadonlySet<string>>([
  ['Date', new Set(['now'])],
  ['Math', new Set(['random'])],
  ['crypto', new Set(['randomUUID', 'getRandomValues', 'randomBytes', 'randomInt'])],
  ['performance', new Set(['now'])],
]);
const PER_CALL_FUNCTIONS = new Set(['randomUUID', 'randomBytes', 'randomInt']);
/** Calls that only look at their argument. */
const HARMLESS_CALLEES = new Set(['console', 'JSON']);

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
    /** Is `callee` a function declared in this file (whose accesses the analysis sees)? */
    const isLocalFunction = (analysis: Analysis, callee: TSESTree.Node): boolean => {
      const node = unwrap(callee);
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const base = unwrap(node.object);
        return base.type === AST_NODE_TYPES.Identifier && HARMLESS_CALLEES.has(base.name);
      }
      return node.type === AST_NODE_TYPES.Identifier && analysis.bindings.isLocalFunction(node);
    };

    /** Walks the handler: does anything depend on the request or differ per call? */
    const dependsOnViewer = (analysis: Analysis, handler: Handler): boolean => {
      let depends = false;
      analysis.forEachNode(handler.node.body, (node) => {
        if (!depends && dependsAt(analysis, node)) depends = true;
      });
      return depends;
    };

    /** Does this node read the request, or give a different value on each call? */
    const dependsAt = (analysis: Analysis, node: TSESTree.Node): boolean => {
      if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
        const kind = analysis.classify(node);
        if (kind && REQUEST_KINDS.has(kind)) return true;
        if (kind && ENVELOPE_KINDS.has(kind) && escapes(analysis, node)) return true;
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression) {
          const base = unwrap(callee.object);
          const method = memberName(callee);
          if (base.type === AST_NODE_TYPES.Identifier && method && PER_CALL.get(base.name)?.has(method)) return true;
        } else if (callee.type === AST_NODE_TYPES.Identifier && PER_CALL_FUNCTIONS.has(callee.name)) {
          return true;
        }
      }
      return (
        node.type === AST_NODE_TYPES.NewExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'Date' &&
        node.arguments.length === 0
      );
    };

    /** Does an event-envelope value leave the places the analysis can follow? */
    const escapes = (analysis: Analysis, node: TSESTree.Node): boolean => {
      const { node: outer, parent } = outerParent(node);
      if (!parent) return false;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return false;
      if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) return false;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer) return !isLocalFunction(analysis, parent.callee);
      return true;
    };

    /** The node naming the handler: `exports.handler`, `const handler`, `function handler`. */
    const headOf = (handler: Handler): TSESTree.Node | TSESTree.SourceLocation => {
      const fn = handler.node;
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id;
      const { parent } = outerParent(fn);
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.id;
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.left;
      if (parent?.type === AST_NODE_TYPES.Property) return parent.key;
      return { start: fn.loc.start, end: fn.body.loc.start };
    };

    return onAnalysis(context, (analysis) => {
      for (const handler of analysis.handlers) {
        const types = handler.eventTypes;
        if (!types || types.size !== 1 || !types.has('viewer-response')) continue;
        // Code outside any handler (helpers, module constants) may serve this handler. It
        // counts for "reads the request" always, for "edits headers" only when this is the
        // file's one handler (otherwise another handler's helper would make this one report).
        const mine = (node: TSESTree.Node, forEdits = false) => {
          const owner = analysis.handlerAt(node);
          return owner === handler || (owner === undefined && (!forEdits || analysis.handlers.length === 1));
        };
        // Header edits: on the received response's headers, or a response built here.
        const edited: Array<string | undefined> = [];
        for (const access of analysis.accesses) {
          if (!mine(access.node, true)) continue;
          if (access.objectKind === 'response-headers' && access.op !== 'read') edited.push(access.name?.toLowerCase());
          if (access.objectKind === 'response' && access.name === 'headers' && access.op === 'write') edited.push(undefined);
        }
        for (const entry of analysis.headerEntries) {
          if (entry.owner === 'response' && mine(entry.property, true)) edited.push(entry.name?.toLowerCase());
        }
        const generated = handler.results.some((result) => analysis.classify(result) === 'generated');
        if (generated) {
          for (const entry of analysis.headerEntries) {
            if (entry.owner === 'generated' && mine(entry.property, true)) edited.push(entry.name?.toLowerCase());
          }
        }
        if (edited.length === 0 && !generated) continue;
        if (edited.some((name) => name !== undefined && CACHE_HEADERS.has(name))) continue;
        // Anything read from the viewer's request, here or in helpers of this file.
        const readsRequest = analysis.accesses.some(
          (access) =>
            mine(access.node) &&
            (REQUEST_KINDS.has(access.objectKind) ||
              (access.objectKind === 'cf' && (access.name === 'request' || access.name === undefined)) ||
              (access.objectKind === 'config' && access.name === 'requestId')),
        );
        if (readsRequest || dependsOnViewer(analysis, handler)) continue;
        const head = headOf(handler);
        context.report({
          ...('type' in head ? { node: head } : { loc: head }),
          messageId: 'preferOriginResponse',
          data: { name: handler.name },
        });
      }
    });
  },
});
