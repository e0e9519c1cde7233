import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Analysis, Handler } from '../src/analysis.js';
import { STRING_MEMBERS, memberName, outerParent, propertyKeyName, unwrap } from '../src/ast.js';
import { base64Problem } from '../src/static-value.js';
import { createRule } from '../src/create-rule.js';
import { RESPONSE_EVENTS, formatEventTypes, onlyIn } from '../src/event-types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'invalidAction'
  | 'invalidEncoding'
  | 'useValue'
  | 'dataWithoutReplace'
  | 'addReplace'
  | 'textDataAsBase64'
  | 'addTextEncoding'
  | 'readOnlyTruncated'
  | 'bodyAsString'
  | 'stringAssigned'
  | 'notInResponseEvent';

const ACTIONS = ['replace', 'read-only'];
const ENCODINGS = ['text', 'base64'];

/** Functions that expect the body text: `JSON.parse(body)`, `Buffer.from(body, 'base64')`. */
function stringConsumer(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (call.type === AST_NODE_TYPES.NewExpression) return callee.name === 'URLSearchParams' ? 'new URLSearchParams()' : undefined;
    return ['atob', 'decodeURIComponent', 'decodeURI', 'parseInt'].includes(callee.name) ? `${callee.name}()` : undefined;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const owner = callee.object.name;
  const method = memberName(callee);
  if (owner === 'JSON' && method === 'parse') return 'JSON.parse()';
  if (owner === 'Buffer' && method === 'from') return 'Buffer.from()';
  if (['querystring', 'qs', 'queryString'].includes(owner) && method === 'parse') return `${owner}.parse()`;
  return undefined;
}

interface DataWrite {
  node: TSESTree.Node;
  /** The assigned data, for `=` writes and `{ data }` literals. */
  value?: TSESTree.Node;
  handler: Handler | undefined;
  /** Text of the body object, for the suggestion (only for `x.data = ...;` statements). */
  statement?: TSESTree.ExpressionStatement;
  bodyText?: string;
  /** For `{ data }` literals: the literal also sets the action (or may, through a spread). */
  replaced?: boolean;
}

export default createRule<[], MessageIds>({
  name: 'valid-include-body',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce the documented shape of the Lambda@Edge request body exposed by the Include Body option',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      invalidAction:
        "`request.body.action` accepts only 'read-only' (the default: changes are ignored) or 'replace' (the origin receives `data`), not '{{ value }}'.",
      invalidEncoding:
        "`request.body.encoding` accepts only 'base64' (the default) or 'text', not '{{ value }}'.",
      useValue: "Use '{{ value }}'.",
      dataWithoutReplace:
        "`request.body.data` is changed, but this handler never sets `request.body.action = 'replace'`: with the default action 'read-only' CloudFront ignores the change and the origin receives the original body.",
      addReplace: "Add `{{ body }}.action = 'replace';` after this statement.",
      textDataAsBase64:
        "`request.body.data` is set to text here, but this handler never sets `request.body.encoding = 'text'`: the encoding stays 'base64' (the default), and CloudFront fails on data that is not valid base64. Set the encoding to 'text', or give base64 data (`Buffer.from(text).toString('base64')`).",
      addTextEncoding: "Add `{{ body }}.encoding = 'text';` after this statement.",
      readOnlyTruncated:
        '`request.body.inputTruncated` is read-only: CloudFront sets it to say whether it cut the body (40 KB in viewer-request, 1 MB in origin-request). Read it; do not change it.',
      bodyAsString:
        "With Include Body, `request.body` is an object `{ inputTruncated, action, encoding, data }`, not a string, so {{ use }} does not see the content. The content is in `request.body.data`, base64-encoded: `Buffer.from(request.body.data, 'base64').toString()`.",
      stringAssigned:
        "`request.body` is an object `{ inputTruncated, action, encoding, data }`, not a string. To replace the body, set `request.body.data`, `request.body.encoding = 'text'` (or give base64 data) and `request.body.action = 'replace'`.",
      notInResponseEvent:
        '`request.body` is not available in {{ event }}: the Include Body option can only be set on viewer-request and origin-request triggers (the API rejects it on response events). Read or replace the body in a request trigger.',
    },
  },
  defaultOptions: [],
  create(context) {
    const { sourceCode } = context;
    let analysis: Analysis | undefined;

    const inResponseEvent = (node: TSESTree.Node) => onlyIn(analysis!.eventTypesAt(node), RESPONSE_EVENTS);

    /** Report a static `action`/`encoding` value outside its allowed set, with a suggestion per allowed value. */
    const checkValue = (value: TSESTree.Node, allowed: string[], messageId: 'invalidAction' | 'invalidEncoding') => {
      const text = analysis!.staticValue(value)?.text;
      if (text === undefined || allowed.includes(text)) return;
      const literal = unwrap(value);
      const replaceable =
        (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') ||
        (literal.type === AST_NODE_TYPES.TemplateLiteral && literal.expressions.length === 0);
      context.report({
        node: value,
        messageId,
        data: { value: text },
        suggest: replaceable
          ? allowed.map((v) => ({
              messageId: 'useValue' as const,
              data: { value: v },
              fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(literal, `'${v}'`),
            }))
          : [],
      });
    };

    const check = () => {
      const a = analysis!;
      const dataWrites: DataWrite[] = [];
      /** Handlers where `action` may become 'replace'; `null` = code outside any handler. */
      const replaceIn = new Set<Handler | null>();
      /** Handlers where `encoding` may become 'text'; `null` = code outside any handler. */
      const textIn = new Set<Handler | null>();
      const noteEncoding = (node: TSESTree.Node, value: TSESTree.Node | undefined) => {
        const text = value ? a.staticValue(value)?.text : undefined;
        if (text === undefined || text === 'text') textIn.add(a.handlerAt(node) ?? null);
      };
      const noteAction = (node: TSESTree.Node, value: TSESTree.Node | undefined) => {
        const text = value ? a.staticValue(value)?.text : undefined;
        // A value not known statically may be 'replace'.
        if (text === undefined || text === 'replace') replaceIn.add(a.handlerAt(node) ?? null);
      };
      /** Properties of an object literal that becomes (part of) the body. */
      const checkBodyLiteral = (literal: TSESTree.ObjectExpression, owner: TSESTree.Node) => {
        let data: TSESTree.Property | undefined;
        let action = false;
        for (const prop of literal.properties) {
          if (prop.type === AST_NODE_TYPES.SpreadElement) {
            // May carry an action and an encoding.
            action = true;
            noteEncoding(owner, undefined);
            continue;
          }
          const key = propertyKeyName(prop);
          if (key === 'action') {
            action = true;
            noteAction(owner, prop.value);
            checkValue(prop.value, ACTIONS, 'invalidAction');
          } else if (key === 'encoding') {
            noteEncoding(owner, prop.value);
            checkValue(prop.value, ENCODINGS, 'invalidEncoding');
          } else if (key === 'data') data = prop;
          else if (key === 'inputTruncated' && owner.type === AST_NODE_TYPES.CallExpression) {
            context.report({ node: prop, messageId: 'readOnlyTruncated' });
          }
        }
        if (data) dataWrites.push({ node: data, value: data.value, handler: a.handlerAt(owner), replaced: action });
      };

      for (const access of a.accesses) {
        if (access.objectKind === 'request' && access.name === 'body') {
          const types = a.eventTypesAt(access.node);
          if (onlyIn(types, RESPONSE_EVENTS)) {
            context.report({ node: access.node, messageId: 'notInResponseEvent', data: { event: formatEventTypes(types) } });
            continue;
          }
          if (access.op !== 'write' || !access.value) continue;
          const value = unwrap(access.value);
          if (value.type === AST_NODE_TYPES.ObjectExpression) checkBodyLiteral(value, access.node);
          else if (isStringValue(a, value)) context.report({ node: access.value, messageId: 'stringAssigned' });
          continue;
        }
        if (access.objectKind !== 'request-body' || access.name === undefined) continue;
        if (inResponseEvent(access.node)) continue;
        const writes = access.op === 'write' || access.op === 'modify' || access.op === 'delete';
        switch (access.name) {
          case 'action':
            if (access.op === 'write' && access.value) {
              noteAction(access.node, access.value);
              checkValue(access.value, ACTIONS, 'invalidAction');
            } else if (writes) noteAction(access.node, undefined);
            break;
          case 'encoding':
            if (access.op === 'write' && access.value) {
              noteEncoding(access.node, access.value);
              checkValue(access.value, ENCODINGS, 'invalidEncoding');
            } else if (writes) noteEncoding(access.node, undefined);
            break;
          case 'inputTruncated':
            if (writes) context.report({ node: access.node, messageId: 'readOnlyTruncated' });
            break;
          case 'data':
            if (access.op === 'write' || access.op === 'modify') {
              const write: DataWrite = {
                node: access.node,
                value: access.op === 'write' ? access.value : undefined,
                handler: a.handlerAt(access.node),
              };
              const { node: outer, parent } = outerParent(access.node);
              const statement = parent && outerParent(parent).parent;
              if (
                parent?.type === AST_NODE_TYPES.AssignmentExpression &&
                parent.left === outer &&
                statement?.type === AST_NODE_TYPES.ExpressionStatement &&
                access.node.type === AST_NODE_TYPES.MemberExpression &&
                isPlainReference(access.node.object)
              ) {
                write.statement = statement;
                write.bodyText = sourceCode.getText(access.node.object);
              }
              dataWrites.push(write);
            }
            break;
          default:
            if (access.op === 'read' && STRING_MEMBERS.has(access.name)) {
              context.report({ node: access.node, messageId: 'bodyAsString', data: { use: `\`.${access.name}\`` } });
            }
        }
      }

      for (const call of a.callsTaking('request-body')) {
        const use = stringConsumer(call);
        if (!use || inResponseEvent(call)) continue;
        context.report({ node: call.arguments[0]!, messageId: 'bodyAsString', data: { use: `\`${use}\`` } });
      }
      for (const { call, method, target, sources } of a.objectCalls()) {
        if (method !== 'assign' || !target) continue;
        if (a.classify(target) !== 'request-body' || inResponseEvent(call)) continue;
        for (const arg of sources) {
          const literal = unwrap(arg);
          if (literal.type === AST_NODE_TYPES.ObjectExpression) checkBodyLiteral(literal, call);
          else {
            // An object not known here: it may set the action and the encoding.
            replaceIn.add(a.handlerAt(call) ?? null);
            noteEncoding(call, undefined);
          }
        }
      }

      const suggestAfter = (write: DataWrite, messageId: 'addReplace' | 'addTextEncoding', line: string) => {
        const { statement, bodyText } = write;
        if (!statement || !bodyText) return [];
        const indent = /^\s*/.exec(sourceCode.lines[statement.loc.start.line - 1] ?? '')![0];
        return [
          {
            messageId,
            data: { body: bodyText },
            fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(statement, `\n${indent}${bodyText}.${line}`),
          },
        ];
      };
      for (const write of dataWrites) {
        const handler = write.handler ?? null;
        if (!write.replaced && !replaceIn.has(null) && !replaceIn.has(handler)) {
          context.report({
            node: write.node,
            messageId: 'dataWithoutReplace',
            suggest: suggestAfter(write, 'addReplace', "action = 'replace';"),
          });
        } else if (write.value && !textIn.has(null) && !textIn.has(handler) && isPlainText(a, write.value)) {
          context.report({
            node: write.value,
            messageId: 'textDataAsBase64',
            suggest: suggestAfter(write, 'addTextEncoding', "encoding = 'text';"),
          });
        }
      }
    };

    return onAnalysis(context, (result) => {
      analysis = result;
      check();
    });
  },
});

/** `request.body`, `body`, `event.Records[0].cf.request.body`: safe to repeat in a suggestion. */
function isPlainReference(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isPlainReference(node.object);
  }
  return false;
}

/** `JSON.stringify(...)`: always a string, and never base64. */
function isJsonStringify(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'JSON' &&
    memberName(node.callee) === 'stringify'
  );
}

/** A string written where the body object belongs: literals, templates, concatenations, JSON.stringify. */
function isStringValue(analysis: Analysis, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return true;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string';
  if (isJsonStringify(node)) return true;
  const value = analysis.staticValue(node);
  return value?.text !== undefined && !value.primitive;
}

/**
 * Data that is certainly not base64: `JSON.stringify(...)`, or a known string that base64
 * decoding would reject.
 */
function isPlainText(analysis: Analysis, raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (isJsonStringify(node)) return true;
  const value = analysis.staticValue(node);
  if (value?.text === undefined || value.primitive) return false;
  return base64Problem(value.text) !== undefined;
}
