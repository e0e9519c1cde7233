import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { insertPropertyAfter, insertStatementAfter } from '../src/estree/fixes.js';
import { isAbsentValue, isPlainString, outerParent, unwrap as unwrapped, valueLeaves } from '../src/estree/nodes.js';
import type { Analysis, FieldSetting, ResponseTarget } from '../src/model/types.js';
import { base64Problem } from '../src/static-value.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'invalidEncoding'
  | 'encodingCase'
  | 'utf8Encoding'
  | 'useText'
  | 'invalidBase64'
  | 'base64WithoutEncoding'
  | 'addBase64Encoding'
  | 'setBase64Encoding'
  | 'bufferBody'
  | 'encodeBuffer';

type Given = FieldSetting & { value: TSESTree.Node };
interface Target {
  bodies: Given[];
  encodings: Given[];
}

/** The `body` and `bodyEncoding` values a response is given (deletes and `+=` give none). */
function bodySettings(target: ResponseTarget): Target {
  const given = (s: FieldSetting): s is Given => s.op === 'write' && s.value !== undefined;
  return { bodies: target.field('body').filter(given), encodings: target.field('bodyEncoding').filter(given) };
}

export default createRule<[], MessageIds>({
  name: 'valid-body-encoding',
  meta: {
    type: 'problem',
    docs: {
      description: "Require `bodyEncoding` of a Lambda@Edge response to be 'text' or 'base64' and to match the body",
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      invalidEncoding:
        "`bodyEncoding` must be 'text' or 'base64', not {{ value }}: CloudFront rejects any other value (Lambda validation error, 502). Use 'text' for a string body, 'base64' for base64-encoded bytes.",
      encodingCase:
        "`bodyEncoding` is case-sensitive: write '{{ fixed }}' instead of {{ value }}. CloudFront accepts only 'text' and 'base64'.",
      utf8Encoding:
        "`bodyEncoding` {{ value }} is not a Lambda@Edge encoding: a UTF-8 string body is 'text' (the default). CloudFront accepts only 'text' and 'base64'.",
      useText: "Use 'text'.",
      invalidBase64:
        "With `bodyEncoding: 'base64'` the body must be valid base64, but {{ reason }}: CloudFront returns an error when the body does not decode. Encode it (for example with `Buffer.from(data).toString('base64')`) or use `bodyEncoding: 'text'`.",
      base64WithoutEncoding:
        "This body is base64 text, but {{ state }}: CloudFront sends the base64 characters themselves to the viewer instead of the decoded bytes. Set `bodyEncoding: 'base64'`.",
      addBase64Encoding: "Add `bodyEncoding: 'base64'`.",
      setBase64Encoding: "Set `bodyEncoding` to 'base64'.",
      bufferBody:
        "This body is {{ what }}, not a string: Lambda serialises it as JSON (`{\"type\":\"Buffer\",\"data\":[…]}`{{ array }}), and a Lambda@Edge `body` must be a string, so CloudFront fails the result validation (502). For bytes write `{{ encoded }}` with `bodyEncoding: 'base64'`; for text, `.toString('utf8')`.",
      encodeBuffer: "Write `{{ encoded }}`{{ andEncoding }}.",
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      const state: Checks = { context, analysis, seen: new Set() };
      for (const target of analysis.responseTargets()) {
        if (target.kind === 'generated' || target.kind === 'received') checkTarget(state, bodySettings(target));
      }
    });
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;
type Suggestions = Array<TSESLint.SuggestionReportDescriptor<MessageIds>>;

/** What every check of one file shares: the leaves already reported (one report per leaf). */
interface Checks {
  context: Context;
  analysis: Analysis;
  seen: Set<TSESTree.Node>;
}

function checkTarget(state: Checks, target: Target): void {
  for (const encoding of target.encodings) checkEncodingValue(state, encoding.value);
  const texts = encodingTexts(state.analysis, target);
  const bodies = target.bodies.filter((b) => !isAbsentValue(b.value));
  for (const body of bodies) checkBuffer(state, target, texts, body);
  if (texts && texts.length > 0 && texts.every((t) => t === 'base64')) checkInvalidBase64(state, bodies);
  if (texts && !texts.some((t) => t.toLowerCase() === 'base64')) checkBase64WithoutEncoding(state, target, texts, bodies);
}

/** The static text of every leaf of an encoding value; undefined when one is unknown. */
function encodingTexts(analysis: Analysis, target: Target): string[] | undefined {
  const out: string[] = [];
  for (const setting of target.encodings) {
    for (const leaf of valueLeaves(setting.value)) {
      const known = analysis.staticValue(leaf);
      if (!known || known.text === undefined) return undefined;
      out.push(known.primitive ? `#${known.text}` : known.text);
    }
  }
  return out;
}

function checkEncodingValue(state: Checks, value: TSESTree.Node): void {
  for (const leaf of valueLeaves(value)) {
    if (state.seen.has(leaf)) continue;
    state.seen.add(leaf);
    if (isAbsentValue(leaf) && !(leaf.type === AST_NODE_TYPES.Literal && leaf.value === null)) continue;
    checkEncodingLeaf(state, leaf);
  }
}

/** One known `bodyEncoding` value: 'text' and 'base64' pass; a wrong case is fixed; 'utf8' suggests 'text'. */
function checkEncodingLeaf({ context, analysis }: Checks, leaf: TSESTree.Node): void {
  const known = analysis.staticValue(leaf);
  if (!known || known.text === undefined) return;
  const text = known.text;
  const shown = known.primitive ? text : `'${text}'`;
  if (!known.primitive && (text === 'text' || text === 'base64')) return;
  const lower = text.toLowerCase();
  if (!known.primitive && (lower === 'text' || lower === 'base64')) {
    const replace = (fixer: TSESLint.RuleFixer) => fixer.replaceText(leaf, `'${lower}'`);
    context.report({
      node: leaf,
      messageId: 'encodingCase',
      data: { value: shown, fixed: lower },
      // The only value CloudFront can have meant; a shared const is left to the author.
      fix: isPlainString(leaf) ? replace : null,
    });
    return;
  }
  if (!known.primitive && /^utf-?8$/i.test(text)) {
    context.report({
      node: leaf,
      messageId: 'utf8Encoding',
      data: { value: shown },
      suggest: [{ messageId: 'useText', fix: (fixer) => fixer.replaceText(leaf, "'text'") }],
    });
    return;
  }
  context.report({ node: leaf, messageId: 'invalidEncoding', data: { value: shown } });
}

/** A Buffer (or an array of them) as the body: CloudFront needs a string. */
function checkBuffer(state: Checks, target: Target, texts: string[] | undefined, body: Given): void {
  const { context, analysis, seen } = state;
  for (const leaf of valueLeaves(body.value)) {
    if (seen.has(leaf)) continue;
    const buffer = analysis.bufferOrigin(leaf);
    if (!buffer) continue;
    seen.add(leaf);
    const text = context.sourceCode.getText(leaf);
    const leafType = unwrapped(leaf).type;
    const simple = leafType === AST_NODE_TYPES.Identifier || leafType === AST_NODE_TYPES.MemberExpression || leafType === AST_NODE_TYPES.CallExpression;
    const encodedText = buffer.array ? `Buffer.concat(${text}).toString('base64')` : `${simple ? text : `(${text})`}.toString('base64')`;
    context.report({
      node: leaf,
      messageId: 'bufferBody',
      data: { what: buffer.what, array: buffer.array ? ' for each element' : '', encoded: encodedText },
      suggest: bufferSuggestions(context, target, texts, body, leaf, encodedText),
    });
  }
}

/** Encoding the bytes as base64 keeps them; it is right only with bodyEncoding 'base64' (present, or added with it). */
function bufferSuggestions(
  context: Context,
  target: Target,
  texts: string[] | undefined,
  body: Given,
  leaf: TSESTree.Node,
  encodedText: string,
): Suggestions {
  const encodingIsBase64 = !!texts && texts.length > 0 && texts.every((t) => t === 'base64');
  const property = body.ownProperty;
  // `{ body }` is rewritten whole; elsewhere only the value.
  const encode = (fixer: TSESLint.RuleFixer) =>
    property?.shorthand ? fixer.replaceText(property, `body: ${encodedText}`) : fixer.replaceText(leaf, encodedText);
  if (encodingIsBase64 && (property || body.member)) {
    return [{ messageId: 'encodeBuffer', data: { encoded: encodedText, andEncoding: '' }, fix: encode }];
  }
  if (target.encodings.length === 0 && property && leaf === unwrapped(body.value)) {
    return [
      {
        messageId: 'encodeBuffer',
        data: { encoded: encodedText, andEncoding: " and add `bodyEncoding: 'base64'`" },
        fix: (fixer) => [encode(fixer), insertPropertyAfter(fixer, context.sourceCode, property, "bodyEncoding: 'base64'")],
      },
    ];
  }
  return [];
}

/** bodyEncoding 'base64' with a body that is known and not base64. */
function checkInvalidBase64({ context, analysis, seen }: Checks, bodies: Given[]): void {
  for (const body of bodies) {
    for (const leaf of valueLeaves(body.value)) {
      if (seen.has(leaf)) continue;
      const text = analysis.staticValue(leaf)?.text;
      if (text === undefined || analysis.producesBase64(leaf)) continue;
      const reason = base64Problem(text);
      if (!reason) continue;
      seen.add(leaf);
      context.report({ node: leaf, messageId: 'invalidBase64', data: { reason } });
    }
  }
}

/** A body produced as base64 without bodyEncoding 'base64' (`texts`: the known encodings, none of them base64). */
function checkBase64WithoutEncoding({ context, analysis, seen }: Checks, target: Target, texts: string[], bodies: Given[]): void {
  for (const body of bodies) {
    if (!analysis.producesBase64(body.value) || seen.has(body.value)) continue;
    seen.add(body.value);
    const state =
      target.encodings.length === 0
        ? 'the response has no `bodyEncoding` (the default is text)'
        : `\`bodyEncoding\` is ${texts.map((t) => (t.startsWith('#') ? t.slice(1) : `'${t}'`)).join(' or ')}`;
    context.report({
      node: body.value,
      messageId: 'base64WithoutEncoding',
      data: { state },
      suggest: setBase64Suggestions(context, target, body),
    });
  }
}

/** Set the wrong encoding to 'base64' where this response writes it, or add `bodyEncoding: 'base64'` beside the body. */
function setBase64Suggestions(context: Context, target: Target, body: Given): Suggestions {
  const only = target.encodings.length === 1 ? target.encodings[0] : undefined;
  // Replace a wrong value only where it is written for this response (not in a shared base).
  const wrong = only && (only.ownProperty || only.member) ? only : undefined;
  if (wrong) return [{ messageId: 'setBase64Encoding', fix: (fixer) => fixer.replaceText(wrong.value, "'base64'") }];
  if (target.encodings.length !== 0) return [];
  if (body.ownProperty) {
    const property = body.ownProperty;
    return [
      {
        messageId: 'addBase64Encoding',
        fix: (fixer) => insertPropertyAfter(fixer, context.sourceCode, property, "bodyEncoding: 'base64'"),
      },
    ];
  }
  return body.member ? addEncodingStatement(context, body.member) : [];
}

/** After `response.body = ...;` (a statement in a block, the program or a case), add `response.bodyEncoding = 'base64';`. */
function addEncodingStatement(context: Context, member: TSESTree.MemberExpression): Suggestions {
  const { sourceCode } = context;
  const { parent: assignment } = outerParent(member);
  const statement = assignment?.parent;
  const holder = statement?.parent;
  if (
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    statement?.type !== AST_NODE_TYPES.ExpressionStatement ||
    !(
      holder?.type === AST_NODE_TYPES.BlockStatement ||
      holder?.type === AST_NODE_TYPES.Program ||
      holder?.type === AST_NODE_TYPES.SwitchCase
    )
  ) {
    return [];
  }
  const objectText = sourceCode.getText(member.object);
  const semi = sourceCode.getText(statement).endsWith(';') ? ';' : '';
  return [
    {
      messageId: 'addBase64Encoding',
      fix: (fixer) => insertStatementAfter(fixer, sourceCode, statement, `${objectText}.bodyEncoding = 'base64'${semi}`),
    },
  ];
}
