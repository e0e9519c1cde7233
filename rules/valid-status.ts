import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { stringLiteral } from '../src/estree/fixes.js';
import { isPlainString, unwrap, valueLeaves } from '../src/estree/nodes.js';
import { VIEWER_RESPONSE, onlyIn } from '../src/facts/event-types.js';
import { statusFault } from '../src/facts/status.js';
import type { Analysis, FieldSetting, ResponseTarget } from '../src/model/types.js';
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
type Written = FieldSetting & { value: TSESTree.Node };

/** What one run of the rule shares; `seen`: a leaf reached through two settings is reported once. */
interface StatusCheck {
  analysis: Analysis;
  context: Readonly<TSESLint.RuleContext<MessageIds, []>>;
  seen: Set<TSESTree.Node>;
}

/** Each leaf not seen before. */
function newLeaves(c: StatusCheck, value: TSESTree.Node): TSESTree.Node[] {
  const fresh: TSESTree.Node[] = [];
  for (const leaf of valueLeaves(value)) {
    if (c.seen.has(leaf)) continue;
    c.seen.add(leaf);
    fresh.push(leaf);
  }
  return fresh;
}

/** `status`: a known value outside 200–599 or not a whole number; `'200 OK'` is offered as `'200'`. */
function checkStatus(c: StatusCheck, value: TSESTree.Node): void {
  for (const leaf of newLeaves(c, value)) {
    const known = c.analysis.staticValue(leaf);
    if (!known || known.text === undefined) continue;
    const fault = statusFault({ ...known, text: known.text });
    if (!fault) continue;
    const data = { value: fault.shown };
    if (fault.fault === 'out-of-range') c.context.report({ node: leaf, messageId: 'statusOutOfRange', data });
    else if (known.primitive === 'number') c.context.report({ node: leaf, messageId: 'statusMalformed', data });
    else c.context.report({ node: leaf, messageId: 'statusMalformed', data, suggest: useStatusSuggestion(c, leaf, fault.code) });
  }
}

function useStatusSuggestion(c: StatusCheck, leaf: TSESTree.Node, code: string | undefined): TSESLint.ReportSuggestionArray<MessageIds> {
  const literal = leaf.type === AST_NODE_TYPES.Literal || leaf.type === AST_NODE_TYPES.TemplateLiteral;
  if (!code || !literal) return [];
  const quote = c.context.sourceCode.getText(leaf).startsWith('"') ? '"' : "'";
  return [{ messageId: 'useStatus', data: { status: code }, fix: (fixer) => fixer.replaceText(leaf, stringLiteral(code, quote)) }];
}

/** What a `statusDescription` leaf is when it is certainly not a string, and its text when it can be quoted. */
function notAString(c: StatusCheck, leaf: TSESTree.Node): { type: string; text: string | undefined } | undefined {
  if (leaf.type === AST_NODE_TYPES.ArrayExpression) return { type: 'an array', text: undefined };
  if (leaf.type === AST_NODE_TYPES.ObjectExpression) return { type: 'an object', text: undefined };
  if (leaf.type === AST_NODE_TYPES.ArrowFunctionExpression || leaf.type === AST_NODE_TYPES.FunctionExpression) return { type: 'a function', text: undefined };
  const known = c.analysis.staticValue(leaf);
  if (known?.primitive === 'number') return { type: `the number ${known.text}`, text: known.text };
  if (known?.primitive === 'boolean') return { type: `the boolean ${known.text}`, text: known.text };
  if (known?.primitive === 'null') return { type: 'null', text: undefined };
  return undefined;
}

function checkDescription(c: StatusCheck, value: TSESTree.Node): void {
  for (const leaf of newLeaves(c, value)) {
    const found = notAString(c, leaf);
    if (!found) continue;
    const asString = found.text === undefined ? undefined : stringLiteral(found.text);
    c.context.report({
      node: leaf,
      messageId: 'statusDescriptionNotString',
      data: { type: found.type },
      suggest: asString ? [{ messageId: 'quoteStatusDescription', data: { text: asString }, fix: (fixer) => fixer.replaceText(leaf, asString) }] : [],
    });
  }
}

/** `statusCode` on a Lambda@Edge response: renamed to `status` with a string value, except in viewer-response. */
function checkStatusCode(c: StatusCheck, target: ResponseTarget, setting: Written): void {
  if (c.seen.has(setting.node)) return;
  c.seen.add(setting.node);
  const sourceCode = c.context.sourceCode;
  const value = statusText(sourceCode, setting.value);
  const example = setting.member ? `\`${sourceCode.getText(setting.member.object)}.status = ${value}\`` : `\`status: ${value}\``;
  const fix = statusCodeFix(setting, value);
  // In viewer-response a working `status` would be a status change, which Lambda@Edge forbids.
  const viewerResponse = onlyIn(target.eventTypesOf(setting), VIEWER_RESPONSE);
  c.context.report({
    node: setting.node,
    messageId: 'statusCodeField',
    data: {
      consequence: target.kind === 'received' ? ' (the response keeps the status it came with)' : ' (`status` is the one required field of a generated response)',
      example,
    },
    suggest: fix && !viewerResponse ? [{ messageId: 'useStatusField', data: { replacement: example }, fix }] : [],
  });
}

/** The status as a string: `401` → `'401'`, a string stays, anything else is `String(x)`. */
function statusText(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node): string {
  const v = unwrap(value);
  if (v.type === AST_NODE_TYPES.Literal && typeof v.value === 'number' && Number.isInteger(v.value)) return `'${v.value}'`;
  if (isPlainString(v)) return sourceCode.getText(v);
  return `String(${sourceCode.getText(value)})`;
}

/** Rename the key (or member) to `status` and give it the string value. */
function statusCodeFix(setting: Written, value: string): ReportFixFunction | undefined {
  const property = setting.ownProperty;
  if (property) {
    if (property.computed || property.kind !== 'init' || property.method) return undefined;
    if (property.shorthand) return (fixer) => fixer.replaceText(property, `status: ${value}`);
    return (fixer) => [fixer.replaceText(property.key, 'status'), fixer.replaceText(setting.value, value)];
  }
  const member = setting.member;
  if (!member || member.computed) return undefined;
  return (fixer) => [fixer.replaceText(member.property, 'status'), fixer.replaceText(setting.value, value)];
}

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
    return onAnalysis(context, (analysis) => {
      const c: StatusCheck = { analysis, context, seen: new Set() };
      for (const target of analysis.responseTargets()) {
        for (const setting of target.settings) {
          if (setting.op !== 'write' || !setting.value) continue;
          if (setting.field === 'status') checkStatus(c, setting.value);
          else if (setting.field === 'statusDescription') checkDescription(c, setting.value);
          else if (setting.field === 'statusCode') checkStatusCode(c, target, { ...setting, value: setting.value });
        }
      }
    });
  },
});
