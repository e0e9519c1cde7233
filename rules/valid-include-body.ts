import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Analysis, Handler, MemberAccess } from '../src/analysis.js';
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
    return onAnalysis(context, (analysis) => {
      const state: BodyState = { context, analysis, dataWrites: [], replaceIn: new Set(), textIn: new Set() };
      for (const access of analysis.accesses) checkAccess(state, access);
      checkStringConsumers(state);
      checkObjectAssigns(state);
      for (const write of state.dataWrites) checkDataWrite(state, write);
    });
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** What one file's checks collect: the `data` writes, and where the action and the encoding may change. */
interface BodyState {
  context: Context;
  analysis: Analysis;
  dataWrites: DataWrite[];
  /** Handlers where `action` may become 'replace'; `null` = code outside any handler. */
  replaceIn: Set<Handler | null>;
  /** Handlers where `encoding` may become 'text'; `null` = code outside any handler. */
  textIn: Set<Handler | null>;
}

function inResponseEvent(analysis: Analysis, node: TSESTree.Node): boolean {
  return onlyIn(analysis.eventTypesAt(node), RESPONSE_EVENTS);
}

/** Report a static `action`/`encoding` value outside its allowed set, with a suggestion per allowed value. */
function checkValue(
  { context, analysis }: BodyState,
  value: TSESTree.Node,
  allowed: string[],
  messageId: 'invalidAction' | 'invalidEncoding',
): void {
  const text = analysis.staticValue(value)?.text;
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
}

function noteEncoding({ analysis, textIn }: BodyState, node: TSESTree.Node, value: TSESTree.Node | undefined): void {
  const text = value ? analysis.staticValue(value)?.text : undefined;
  if (text === undefined || text === 'text') textIn.add(analysis.handlerAt(node) ?? null);
}

function noteAction({ analysis, replaceIn }: BodyState, node: TSESTree.Node, value: TSESTree.Node | undefined): void {
  const text = value ? analysis.staticValue(value)?.text : undefined;
  // A value not known statically may be 'replace'.
  if (text === undefined || text === 'replace') replaceIn.add(analysis.handlerAt(node) ?? null);
}

/** Properties of an object literal that becomes (part of) the body. */
function checkBodyLiteral(state: BodyState, literal: TSESTree.ObjectExpression, owner: TSESTree.Node): void {
  let data: TSESTree.Property | undefined;
  let action = false;
  for (const prop of literal.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      // May carry an action and an encoding.
      action = true;
      noteEncoding(state, owner, undefined);
      continue;
    }
    const key = propertyKeyName(prop);
    if (key === 'action') {
      action = true;
      noteAction(state, owner, prop.value);
      checkValue(state, prop.value, ACTIONS, 'invalidAction');
    } else if (key === 'encoding') {
      noteEncoding(state, owner, prop.value);
      checkValue(state, prop.value, ENCODINGS, 'invalidEncoding');
    } else if (key === 'data') data = prop;
    else if (key === 'inputTruncated' && owner.type === AST_NODE_TYPES.CallExpression) {
      state.context.report({ node: prop, messageId: 'readOnlyTruncated' });
    }
  }
  if (data) state.dataWrites.push({ node: data, value: data.value, handler: state.analysis.handlerAt(owner), replaced: action });
}

function checkAccess(state: BodyState, access: MemberAccess): void {
  if (access.objectKind === 'request' && access.name === 'body') checkBodyAccess(state, access);
  else if (access.objectKind === 'request-body' && access.name !== undefined && !inResponseEvent(state.analysis, access.node)) {
    checkBodyMemberAccess(state, access, access.name);
  }
}

/** `request.body` itself: unavailable in response events; an object, never a string. */
function checkBodyAccess(state: BodyState, access: MemberAccess): void {
  const { context, analysis } = state;
  const types = analysis.eventTypesAt(access.node);
  if (onlyIn(types, RESPONSE_EVENTS)) {
    context.report({ node: access.node, messageId: 'notInResponseEvent', data: { event: formatEventTypes(types) } });
    return;
  }
  if (access.op !== 'write' || !access.value) return;
  const value = unwrap(access.value);
  if (value.type === AST_NODE_TYPES.ObjectExpression) checkBodyLiteral(state, value, access.node);
  else if (isStringValue(analysis, value)) context.report({ node: access.value, messageId: 'stringAssigned' });
}
/** `request.body.action`, `.encoding`, `.inputTruncated`, `.data`, and string methods read off the body. */
function checkBodyMemberAccess(state: BodyState, access: MemberAccess, name: string): void {
  const writes = access.op === 'write' || access.op === 'modify' || access.op === 'delete';
  switch (name) {
    case 'action':
      if (access.op === 'write' && access.value) {
        noteAction(state, access.node, access.value);
        checkValue(state, access.value, ACTIONS, 'invalidAction');
      } else if (writes) noteAction(state, access.node, undefined);
      break;
    case 'encoding':
      if (access.op === 'write' && access.value) {
        noteEncoding(state, access.node, access.value);
        checkValue(state, access.value, ENCODINGS, 'invalidEncoding');
      } else if (writes) noteEncoding(state, access.node, undefined);
      break;
    case 'inputTruncated':
      if (writes) state.context.report({ node: access.node, messageId: 'readOnlyTruncated' });
      break;
    case 'data':
      if (access.op === 'write' || access.op === 'modify') state.dataWrites.push(dataWriteOf(state, access));
      break;
    default:
      if (access.op === 'read' && STRING_MEMBERS.has(name)) {
        state.context.report({ node: access.node, messageId: 'bodyAsString', data: { use: `\`.${name}\`` } });
      }
  }
}

/** A write to `request.body.data`; for an `x.data = ...;` statement, what a suggestion needs to add a line after it. */
function dataWriteOf({ context, analysis }: BodyState, access: MemberAccess): DataWrite {
  const write: DataWrite = {
    node: access.node,
    value: access.op === 'write' ? access.value : undefined,
    handler: analysis.handlerAt(access.node),
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
    write.bodyText = context.sourceCode.getText(access.node.object);
  }
  return write;
}

/** The body object handed to a function that expects its text: `JSON.parse(request.body)`. */
function checkStringConsumers({ context, analysis }: BodyState): void {
  for (const call of analysis.callsTaking('request-body')) {
    const use = stringConsumer(call);
    if (!use || inResponseEvent(analysis, call)) continue;
    context.report({ node: call.arguments[0]!, messageId: 'bodyAsString', data: { use: `\`${use}\`` } });
  }
}

/** `Object.assign(request.body, {...})`: its literals are body literals; other sources may set anything. */
function checkObjectAssigns(state: BodyState): void {
  const { analysis } = state;
  for (const { call, method, target, sources } of analysis.objectCalls()) {
    if (method !== 'assign' || !target) continue;
    if (analysis.classify(target) !== 'request-body' || inResponseEvent(analysis, call)) continue;
    for (const arg of sources) {
      const literal = unwrap(arg);
      if (literal.type === AST_NODE_TYPES.ObjectExpression) checkBodyLiteral(state, literal, call);
      else {
        // An object not known here: it may set the action and the encoding.
        state.replaceIn.add(analysis.handlerAt(call) ?? null);
        noteEncoding(state, call, undefined);
      }
    }
  }
}

/** A `data` write with no `action = 'replace'` in its handler, or text data left as base64. */
function checkDataWrite({ context, analysis, replaceIn, textIn }: BodyState, write: DataWrite): void {
  const handler = write.handler ?? null;
  if (!write.replaced && !replaceIn.has(null) && !replaceIn.has(handler)) {
    context.report({
      node: write.node,
      messageId: 'dataWithoutReplace',
      suggest: suggestAfter(context, write, 'addReplace', "action = 'replace';"),
    });
  } else if (write.value && !textIn.has(null) && !textIn.has(handler) && isPlainText(analysis, write.value)) {
    context.report({
      node: write.value,
      messageId: 'textDataAsBase64',
      suggest: suggestAfter(context, write, 'addTextEncoding', "encoding = 'text';"),
    });
  }
}

/** A suggestion adding `<body>.<line>` after the write's statement (none when the write is not a plain statement). */
function suggestAfter(context: Context, write: DataWrite, messageId: 'addReplace' | 'addTextEncoding', line: string) {
  const { statement, bodyText } = write;
  if (!statement || !bodyText) return [];
  const indent = /^\s*/.exec(context.sourceCode.lines[statement.loc.start.line - 1] ?? '')![0];
  return [
    {
      messageId,
      data: { body: bodyText },
      fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(statement, `\n${indent}${bodyText}.${line}`),
    },
  ];
}

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
