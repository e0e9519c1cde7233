import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stringLiteral } from '../src/estree/fixes.js';
import { isPlainString, unwrap, valueLeaves } from '../src/estree/nodes.js';
import { VIEWER_RESPONSE, onlyIn } from '../src/facts/event-types.js';
import type { FieldSetting, ResponseTarget } from '../src/model/types.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'statusOutOfRange'
  | 'statusMalformed'
  | 'useStatus'
  | 'statusDescriptionNotString'
  | 'quoteStatusDescription'
  | 'statusCodeField'
  | 'useStatusField';

type ReportFixFunction = TSESLint.ReportFixFunction;

export default createRule<[], MessageIds>({
  name: 'valid-status',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the `status` of a Lambda@Edge response to be a whole number from 200 to 599, and `statusDescription` to be a string',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      statusOutOfRange:
        'Status {{ value }} is outside 200–599: CloudFront sends an error to the viewer instead of this response. Use a status from 200 to 599.',
      statusMalformed:
        "Status {{ value }} is not a whole number: `status` must be only digits, from '200' to '599' (for example '200'); put any reason text in `statusDescription`. CloudFront sends an error to the viewer when the status is not in 200–599.",
      useStatus: "Use '{{ status }}'.",
      statusDescriptionNotString:
        '`statusDescription` must be a string, not {{ type }}: Lambda@Edge documents it as free text, and a value that does not fit the documented response structure is a Lambda validation error (502). Write it as a string or leave it out.',
      quoteStatusDescription: 'Write it as the string {{ text }}.',
      statusCodeField:
        '`statusCode` is the API Gateway and CloudFront Functions field: a Lambda@Edge response takes its status from `status`, a string, and CloudFront ignores `statusCode`, so this status is never applied{{ consequence }}. Write {{ example }} instead.',
      useStatusField: 'Write {{ replacement }}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return onAnalysis(context, (analysis) => {
      const seen = new Set<TSESTree.Node>();

      const checkStatus = (value: TSESTree.Node) => {
        for (const leaf of valueLeaves(value)) {
          if (seen.has(leaf)) continue;
          seen.add(leaf);
          const known = analysis.staticValue(leaf);
          if (!known || known.text === undefined) continue;
          const text = known.text;
          if (known.primitive === 'number') {
            const n = Number(text);
            if (Number.isInteger(n) && n >= 200 && n <= 599) continue;
            context.report({
              node: leaf,
              messageId: Number.isInteger(n) ? 'statusOutOfRange' : 'statusMalformed',
              data: { value: text },
            });
            continue;
          }
          const shown = known.primitive ? text : `'${text}'`;
          if (/^\d+$/.test(text)) {
            const n = Number(text);
            if (n >= 200 && n <= 599) continue;
            context.report({ node: leaf, messageId: 'statusOutOfRange', data: { value: shown } });
            continue;
          }
          // ' 200', '200 OK': the code is there, with extra text around it.
          const code = known.primitive ? undefined : /^\s*([2-5]\d\d)(?:\s|$)/.exec(text)?.[1];
          const literal = leaf.type === AST_NODE_TYPES.Literal || leaf.type === AST_NODE_TYPES.TemplateLiteral;
          context.report({
            node: leaf,
            messageId: 'statusMalformed',
            data: { value: shown },
            suggest:
              code && literal
                ? [
                    {
                      messageId: 'useStatus',
                      data: { status: code },
                      fix: (fixer) => fixer.replaceText(leaf, stringLiteral(code, sourceCode.getText(leaf).startsWith('"') ? '"' : "'")),
                    },
                  ]
                : [],
          });
        }
      };

      const checkDescription = (value: TSESTree.Node) => {
        for (const leaf of valueLeaves(value)) {
          if (seen.has(leaf)) continue;
          seen.add(leaf);
          let type: string | undefined;
          let text: string | undefined;
          if (
            leaf.type === AST_NODE_TYPES.ObjectExpression ||
            leaf.type === AST_NODE_TYPES.ArrayExpression ||
            leaf.type === AST_NODE_TYPES.ArrowFunctionExpression ||
            leaf.type === AST_NODE_TYPES.FunctionExpression
          ) {
            type = leaf.type === AST_NODE_TYPES.ArrayExpression ? 'an array' : leaf.type === AST_NODE_TYPES.ObjectExpression ? 'an object' : 'a function';
          } else {
            const known = analysis.staticValue(leaf);
            if (known?.primitive === 'number') type = `the number ${known.text}`;
            else if (known?.primitive === 'boolean') type = `the boolean ${known.text}`;
            else if (known?.primitive === 'null') type = 'null';
            if (known?.primitive === 'number' || known?.primitive === 'boolean') text = known.text;
          }
          if (!type) continue;
          const asString = text === undefined ? undefined : stringLiteral(text);
          context.report({
            node: leaf,
            messageId: 'statusDescriptionNotString',
            data: { type },
            suggest: asString
              ? [
                  {
                    messageId: 'quoteStatusDescription',
                    data: { text: asString },
                    fix: (fixer) => fixer.replaceText(leaf, asString),
                  },
                ]
              : [],
          });
        }
      };

      const checkStatusCode = (target: ResponseTarget, setting: FieldSetting & { value: TSESTree.Node }) => {
        if (seen.has(setting.node)) return;
        seen.add(setting.node);
        const value = statusText(setting.value);
        const example = setting.member ? `\`${sourceCode.getText(setting.member.object)}.status = ${value}\`` : `\`status: ${value}\``;
        const fix = statusCodeFix(setting, value);
        // In viewer-response a working `status` would be a status change, which Lambda@Edge forbids.
        const viewerResponse = onlyIn(target.eventTypesOf(setting), VIEWER_RESPONSE);
        context.report({
          node: setting.node,
          messageId: 'statusCodeField',
          data: {
            consequence: target.kind === 'received' ? ' (the response keeps the status it came with)' : ' (`status` is the one required field of a generated response)',
            example,
          },
          suggest: fix && !viewerResponse ? [{ messageId: 'useStatusField', data: { replacement: example }, fix }] : [],
        });
      };

      /** The status as a string: `401` → `'401'`, a string stays, anything else is `String(x)`. */
      const statusText = (value: TSESTree.Node): string => {
        const v = unwrap(value);
        if (v.type === AST_NODE_TYPES.Literal && typeof v.value === 'number' && Number.isInteger(v.value)) return `'${v.value}'`;
        if (isPlainString(v)) return sourceCode.getText(v);
        return `String(${sourceCode.getText(value)})`;
      };

      /** Rename the key (or member) to `status` and give it the string value. */
      const statusCodeFix = (setting: FieldSetting & { value: TSESTree.Node }, value: string): ReportFixFunction | undefined => {
        const property = setting.ownProperty;
        if (property) {
          if (property.computed || property.kind !== 'init' || property.method) return undefined;
          if (property.shorthand) return (fixer) => fixer.replaceText(property, `status: ${value}`);
          return (fixer) => [fixer.replaceText(property.key, 'status'), fixer.replaceText(setting.value, value)];
        }
        const member = setting.member;
        if (!member || member.computed) return undefined;
        return (fixer) => [fixer.replaceText(member.property, 'status'), fixer.replaceText(setting.value, value)];
      };

      for (const target of analysis.responseTargets()) {
        for (const setting of target.settings) {
          if (setting.op !== 'write' || !setting.value) continue;
          if (setting.field === 'status') checkStatus(setting.value);
          else if (setting.field === 'statusDescription') checkDescription(setting.value);
          else if (setting.field === 'statusCode') checkStatusCode(target, { ...setting, value: setting.value });
        }
      }
    });
  },
});
