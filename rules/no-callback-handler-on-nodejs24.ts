import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { infrastructureOfFile } from '../src/infra/index.js';
import type { Handler } from '../src/model/index.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'callbackHandler' | 'contextMethod';

/** `nodejs24.x` and later: the runtimes without callback-style handlers. */
const FIRST_WITHOUT_CALLBACKS = 24;
const CONTEXT_METHODS = new Set(['succeed', 'fail', 'done']);

function nodeMajor(runtime: string): number | undefined {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  return match ? Number(match[1]) : undefined;
}

export default createRule<[], MessageIds>({
  name: 'no-callback-handler-on-nodejs24',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow callback-style handlers and context.succeed/fail/done where the infrastructure gives the function a Node.js 24 or later runtime',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      callbackHandler:
        '`{{ name }}` is a callback-style handler `(event, context, {{ callback }})`, and {{ where }} gives its function the {{ runtime }} runtime, which no longer supports callback handlers (Node.js 24 removed them): the function fails when invoked and CloudFront answers with an error. Make the handler `async` and `return` the result instead of calling `{{ callback }}`, or keep the function on nodejs22.x.',
      contextMethod:
        '`{{ object }}.{{ method }}()` ends the invocation the callback way, and {{ where }} gives the function of `{{ name }}` the {{ runtime }} runtime, which removed callback-style completion (Node.js 24): make the handler `async` and {{ instead }}.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      if (analysis.handlers.length === 0) return;
      // What infrastructure discovery says about this file, runtimes included: the lookup the
      // model made for the same file (none for `<input>` or with discovery turned off).
      const infra = infrastructureOfFile(context);
      const runtimes = infra?.runtimes;
      if (!infra || !runtimes) return;
      const newRuntimeOf = (handler: Handler): string | undefined => {
        const names = runtimes.get(handler.name);
        return names ? [...names].find((r) => (nodeMajor(r) ?? 0) >= FIRST_WITHOUT_CALLBACKS) : undefined;
      };
      for (const handler of analysis.handlers) {
        if (!handler.exported) continue;
        const runtime = newRuntimeOf(handler);
        if (!runtime) continue;
        const name = handler.name;
        const where = infra.declaredIn;
        // The runtime client tells callback handlers apart by a third parameter on a function that is not async.
        const callbackParam = handler.node.params[2];
        if (!handler.isAsync && callbackParam) {
          const callback = callbackParam.type === AST_NODE_TYPES.Identifier ? callbackParam.name : 'callback';
          context.report({ node: callbackParam, messageId: 'callbackHandler', data: { name, runtime, where, callback } });
        }
        const contextParam = handler.node.params[1];
        if (contextParam?.type !== AST_NODE_TYPES.Identifier) continue;
        for (const read of analysis.bindings.readsOf(contextParam)) {
          const member = read.parent;
          if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== read || member.computed) continue;
          if (member.property.type !== AST_NODE_TYPES.Identifier || !CONTEXT_METHODS.has(member.property.name)) continue;
          const call = member.parent as TSESTree.Node | undefined;
          if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
          const method = member.property.name;
          context.report({
            node: member,
            messageId: 'contextMethod',
            data: {
              name,
              runtime,
              where,
              object: contextParam.name,
              method,
              instead: method === 'fail' ? 'throw the error' : method === 'done' ? 'return the result (throw for an error)' : 'return the result',
            },
          });
        }
      }
    });
  },
});
