import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { STRING_MEMBERS } from '../src/facts/strings.js';
import type { Analysis, MemberAccess, ObjectStyleUse } from '../src/model/types.js';
import { createRule } from '../src/create-rule.js';
import { renameMember } from '../src/estree/fixes.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'objectAccess'
  | 'objectWrite'
  | 'objectUse'
  | 'objectAssigned'
  | 'misspeltField'
  | 'useQuerystring'
  | 'stringify';

/** Members a string has: using these on the query string is correct. */
const ALLOWED_MEMBERS: ReadonlySet<string> = new Set([...STRING_MEMBERS, 'constructor', 'valueOf']);

/** `Object.keys(qs)` and friends: what they do with a string, for the message. */
const OBJECT_FUNCTIONS: Record<string, string> = {
  keys: '`Object.keys()` lists its character positions',
  values: '`Object.values()` lists its single characters',
  entries: '`Object.entries()` lists its single characters',
  getOwnPropertyNames: '`Object.getOwnPropertyNames()` lists its character positions',
  assign: '`Object.assign()` cannot add parameters to it',
};

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/**
 * Names of the query string elsewhere that the Lambda@Edge request does not have: the
 * camel-cased `queryString`, and API Gateway's `queryStringParameters` (and its multi-value
 * twin). The request's own field is `querystring`.
 */
const OTHER_QUERY_NAMES: ReadonlySet<string> = new Set(['queryString', 'queryStringParameters', 'multiValueQueryStringParameters']);

/** `request.queryString = …` / `request.queryStringParameters.lang`: a field the request has not. */
function checkOtherName(context: Context, access: MemberAccess): void {
  const effect = access.op === 'read' ? 'reading it gives `undefined`' : 'changing it does not change the query string CloudFront sends on';
  // The same string under its right name: only `queryString` (the others hold objects elsewhere).
  const fix = access.name === 'queryString' ? renameMember(access.node, 'querystring') : undefined;
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = fix ? [{ messageId: 'useQuerystring', fix }] : [];
  context.report({ node: access.node, messageId: 'misspeltField', data: { name: access.name!, effect }, suggest });
}

/** `request.querystring = { ... }` (or params, or a parser's result): serializing a literal or `URLSearchParams` is offered. */
function checkObjectAssigned(context: Context, analysis: Analysis, value: TSESTree.Node): void {
  const shape = analysis.querystringObjectOf(value);
  if (!shape) return;
  const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
  if (shape === 'literal') {
    const text = `new URLSearchParams(${context.sourceCode.getText(value)}).toString()`;
    suggest.push({ messageId: 'stringify', fix: (fixer) => fixer.replaceText(value, text) });
  } else if (shape === 'params') {
    suggest.push({ messageId: 'stringify', fix: (fixer) => fixer.insertTextAfter(value, '.toString()') });
  }
  context.report({ node: value, messageId: 'objectAssigned', suggest });
}

/** `qs.lang`, `qs.lang = 'en'`: a member a string does not have (indices and string methods are fine). */
function checkMember(context: Context, analysis: Analysis, access: MemberAccess): void {
  if (access.name === undefined || /^\d+$/.test(access.name) || ALLOWED_MEMBERS.has(access.name)) return;
  if (access.node.type === AST_NODE_TYPES.MemberExpression && analysis.laterHoldsOther(access.node.object, 'querystring')) return;
  context.report({ node: access.node, messageId: access.op === 'read' ? 'objectAccess' : 'objectWrite', data: { name: access.name } });
}

/** `Object.keys(qs)`, `for (k in qs)`, `'k' in qs`: what each does with a string. */
function checkObjectUse(context: Context, analysis: Analysis, use: ObjectStyleUse): void {
  if (analysis.laterHoldsOther(use.node, 'querystring')) return;
  const what =
    use.how.type === 'object-function'
      ? OBJECT_FUNCTIONS[use.how.method]
      : use.how.type === 'for-in'
        ? '`for...in` walks its character positions'
        : 'the `in` operator throws a TypeError on a string';
  if (what) context.report({ node: use.node, messageId: 'objectUse', data: { what } });
}

export default createRule<[], MessageIds>({
  name: 'no-querystring-object',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow using the Lambda@Edge `request.querystring` string as an object',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      objectAccess:
        "`request.querystring` is a string in Lambda@Edge (like 'lang=en&page=2', without '?'), not an object, so `{{ name }}` on it is undefined. Parse it first: `new URLSearchParams(request.querystring).get('{{ name }}')`.",
      objectWrite:
        "`request.querystring` is a string in Lambda@Edge (like 'lang=en&page=2'), not an object, so setting `{{ name }}` on it is lost (and throws a TypeError in strict mode). Parse, change and serialize it: `const params = new URLSearchParams(request.querystring); params.set('{{ name }}', value); request.querystring = params.toString();`.",
      objectUse:
        "`request.querystring` is a string in Lambda@Edge (like 'lang=en&page=2'), not an object: {{ what }}. Parse it first with `new URLSearchParams(request.querystring)` (or `querystring.parse()`).",
      misspeltField:
        "The Lambda@Edge request has no `{{ name }}`: its query string is `request.querystring` (all lower case, a string such as 'lang=en&page=2'), so {{ effect }}. Use `request.querystring` (parse it with `new URLSearchParams(request.querystring)`).",
      useQuerystring: 'Use `querystring`.',
      objectAssigned:
        "`request.querystring` must be a string in Lambda@Edge (like 'lang=en&page=2', without '?'); an object does not match the request structure CloudFront validates (a Lambda validation error is a 502). Serialize it with `new URLSearchParams(params).toString()` or `querystring.stringify(params)`.",
      stringify: 'Serialize it with `new URLSearchParams(...).toString()`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const access of analysis.accesses) {
        const assigned = access.objectKind === 'request' && access.name === 'querystring' && access.op === 'write' && access.value;
        if (assigned) checkObjectAssigned(context, analysis, access.value!);
        else if (access.objectKind === 'querystring') checkMember(context, analysis, access);
        else if (access.objectKind === 'request' && access.name !== undefined && OTHER_QUERY_NAMES.has(access.name) && !analysis.builtByCode(access.node)) {
          checkOtherName(context, access);
        }
      }
      for (const use of analysis.objectStyleUses('querystring')) checkObjectUse(context, analysis, use);
    });
  },
});
