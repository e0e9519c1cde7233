import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../src/estree/nodes.js';
import { STRING_MEMBERS } from '../src/facts/strings.js';
import type { Analysis } from '../src/model/types.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'objectAccess'
  | 'objectWrite'
  | 'objectUse'
  | 'objectAssigned'
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

/** Query-string parsers whose result is an object: `querystring.parse(...)`, `qs.parse(...)`. */
const PARSER_MODULES = new Set(['querystring', 'qs', 'querystringify', 'queryString']);


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
      objectAssigned:
        "`request.querystring` must be a string in Lambda@Edge (like 'lang=en&page=2', without '?'); an object does not match the request structure CloudFront validates (a Lambda validation error is a 502). Serialize it with `new URLSearchParams(params).toString()` or `querystring.stringify(params)`.",
      stringify: 'Serialize it with `new URLSearchParams(...).toString()`.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;

    /** A query-string object written into `request.querystring`. */
    const objectValue = (analysis: Analysis, raw: TSESTree.Node, depth = 0): 'literal' | 'params' | 'parsed' | undefined => {
      const node = unwrap(raw);
      if (node.type === AST_NODE_TYPES.ObjectExpression) return 'literal';
      if (
        node.type === AST_NODE_TYPES.NewExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'URLSearchParams'
      ) {
        return 'params';
      }
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrap(node.callee.object);
        const method = memberName(node.callee);
        if (object.type === AST_NODE_TYPES.Identifier) {
          if (object.name === 'Object' && method === 'fromEntries') return 'literal';
          if (PARSER_MODULES.has(object.name) && method === 'parse') return 'parsed';
        }
      }
      if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
        // `const params = { a: 'b' }; request.querystring = params;`
        const def = analysis.bindings.singleDefinition(node);
        if (def?.whole) return objectValue(analysis, def.init, depth + 1);
      }
      return undefined;
    };

    /**
     * `let qs = request.querystring; qs = querystring.parse(qs); qs.lang`: the variable later
     * holds something else, so what a member of it is cannot be told.
     */
    const reassigned = (analysis: Analysis, raw: TSESTree.Node): boolean => {
      const node = unwrap(raw);
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      return analysis.bindings.laterWrites(node).some((value) => !(value && analysis.classify(value) === 'querystring'));
    };

    const checkAccesses = (analysis: Analysis) => {
      for (const access of analysis.accesses) {
        if (
          access.objectKind === 'request' &&
          access.name === 'querystring' &&
          access.op === 'write' &&
          access.value
        ) {
          const value = access.value;
          const shape = objectValue(analysis, value);
          if (!shape) continue;
          const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
          if (shape === 'literal') {
            suggest.push({
              messageId: 'stringify',
              fix: (fixer) => fixer.replaceText(value, `new URLSearchParams(${sourceCode.getText(value)}).toString()`),
            });
          } else if (shape === 'params') {
            suggest.push({ messageId: 'stringify', fix: (fixer) => fixer.insertTextAfter(value, '.toString()') });
          }
          context.report({ node: value, messageId: 'objectAssigned', suggest });
          continue;
        }
        if (access.objectKind !== 'querystring' || access.name === undefined) continue;
        if (/^\d+$/.test(access.name) || ALLOWED_MEMBERS.has(access.name)) continue;
        if (access.node.type === AST_NODE_TYPES.MemberExpression && reassigned(analysis, access.node.object)) continue;
        context.report({
          node: access.node,
          messageId: access.op === 'read' ? 'objectAccess' : 'objectWrite',
          data: { name: access.name },
        });
      }
    };

    const checkUses = (analysis: Analysis) => {
      for (const use of analysis.objectStyleUses('querystring')) {
        if (reassigned(analysis, use.node)) continue;
        const what =
          use.how.type === 'object-function'
            ? OBJECT_FUNCTIONS[use.how.method]
            : use.how.type === 'for-in'
              ? '`for...in` walks its character positions'
              : 'the `in` operator throws a TypeError on a string';
        if (what) context.report({ node: use.node, messageId: 'objectUse', data: { what } });
      }
    };

    return onAnalysis(context, (analysis) => {
      checkAccesses(analysis);
      checkUses(analysis);
    });
  },
});
