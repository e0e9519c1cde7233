import { isAbsentValue } from '../src/estree/nodes.js';
import { alwaysRunsWith, reaches } from '../src/estree/control-flow.js';
import { removeProperty } from '../src/estree/fixes.js';
import { createRule } from '../src/create-rule.js';
import { VIEWER_REQUEST, onlyIn } from '../src/facts/event-types.js';
import type { FieldSetting, ResponseTarget } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds = 'bodyWith204' | 'bodyWith204Viewer' | 'removeBody';

/** Can both settings run on one path? One set when the object is created always can. */
function onSamePath(a: FieldSetting, b: FieldSetting): boolean {
  if (a.initial || b.initial) return true;
  return reaches(a.node, b.node) || reaches(b.node, a.node);
}

/** `a` certainly runs whenever `b` does. */
function alwaysWith(a: FieldSetting, b: FieldSetting): boolean {
  return a.initial || alwaysRunsWith(a.node, b.node);
}

export default createRule<[], MessageIds>({
  name: 'no-body-with-204',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a `body` in a Lambda@Edge response whose status is 204',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      bodyWith204Viewer:
        "This viewer-request response has status 204 (No Content) and a `body`: CloudFront answers the viewer with a 502, even for an empty body. Remove `body`, or use a status that allows one (for example '200').",
      bodyWith204:
        "This response has status 204 (No Content) and a `body`: CloudFront rejects a body with 204, even an empty one (\"Response Contains a Body and Specifies 204 (No Content) for Status\"; a 502 in viewer-request). Remove `body`, or use a status that allows one (for example '200').",
      removeBody: 'Remove the `body` property.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const reported = new Set<unknown>();
      const is204 = (setting: FieldSetting): boolean => {
        const v = setting.value && analysis.staticValue(setting.value);
        return !!v && v.text === '204' && (v.primitive === undefined || v.primitive === 'number');
      };
      const writes = (setting: FieldSetting) => setting.op === 'write' || setting.op === 'delete';

      const check = (target: ResponseTarget) => {
        const statuses = target
          .field('status')
          .filter(writes)
          .sort((a, b) => Number(b.initial) - Number(a.initial) || a.node.range[0] - b.node.range[0]);
        if (statuses.length === 0) return;
        for (const body of target.field('body')) {
          if (body.op !== 'write' || isAbsentValue(body.value)) continue;
          // The statuses this response can have when it leaves with this body.
          let possible: FieldSetting[] = [];
          for (const status of statuses) {
            if (!onSamePath(status, body)) continue;
            possible = alwaysWith(status, body) ? [status] : [...possible, status];
          }
          if (!possible.some(is204) || reported.has(body.reportNode)) continue;
          reported.add(body.reportNode);
          const own = body.ownProperty?.parent === target.response?.node ? body.ownProperty : undefined;
          context.report({
            node: body.reportNode,
            messageId: onlyIn(target.eventTypesOf(body), VIEWER_REQUEST) ? 'bodyWith204Viewer' : 'bodyWith204',
            suggest: own
              ? [{ messageId: 'removeBody', fix: (fixer) => removeProperty(fixer, context.sourceCode, own) }]
              : [],
          });
        }
      };

      for (const target of analysis.responseTargets()) {
        if (target.kind === 'generated' || target.kind === 'received') check(target);
      }
    });
  },
});
