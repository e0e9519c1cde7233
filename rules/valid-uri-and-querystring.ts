import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { valueLeaves, within } from '../src/estree/nodes.js';
import { stringLiteralLike } from '../src/estree/fixes.js';
import { RESPONSE_EVENTS, onlyIn } from '../src/facts/event-types.js';
import type { Analysis, MemberAccess } from '../src/model/types.js';
import { onAnalysis } from '../src/rule-helpers.js';
import type { StaticPiece } from '../src/static-value.js';

type MessageIds =
  | 'uriWithoutSlash'
  | 'uriIsUrl'
  | 'addSlash'
  | 'querystringQuestionMark'
  | 'removeQuestionMark'
  | 'querystringCharacter';

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** A value as messages show it: quoted, and cut short when long. */
function shown(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `'${short.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

/** `https://host/path`, `//host/path`: a whole URL where the path alone belongs. */
const URL_LIKE = /^(?:[a-z][a-z\d+.-]*:)?\/\//i;

/** What the query string may not hold (edge-function-restrictions-all): spaces, control characters, `#`. */
const FORBIDDEN_IN_QUERYSTRING = /[\s\u0000-\u001f\u007f#]/;

function describeCharacter(c: string): { what: string; encoded: string } {
  const encoded = encodeURIComponent(c);
  if (c === '#') return { what: 'a `#` (the fragment identifier)', encoded };
  if (c === ' ') return { what: 'a space', encoded };
  const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return { what: `the control or space character U+${code}`, encoded };
}

/** Is `piece` written inside the assigned value (not in a constant declared elsewhere), as a string literal, a template, or a template's first part? */
function editable(piece: StaticPiece, value: TSESTree.Node): boolean {
  const { node } = piece;
  if (!within(node, value)) return false;
  return (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateElement ||
    node.type === AST_NODE_TYPES.TemplateLiteral
  );
}

/** Where a piece is reported: a string literal of its own inside the value, else the whole value (a template, a constant's name). */
function reportNode(piece: StaticPiece, value: TSESTree.Node): TSESTree.Node {
  return editable(piece, value) && piece.node.type === AST_NODE_TYPES.Literal ? piece.node : value;
}

/** The suggestion that puts `/` in front of a literal's or a template's first text. */
function addSlash(context: Context, piece: StaticPiece): TSESLint.ReportFixFunction {
  const { node } = piece;
  if (node.type === AST_NODE_TYPES.Literal) {
    return (fixer) => fixer.replaceText(node, stringLiteralLike(`/${piece.text}`, context.sourceCode.getText(node)));
  }
  return (fixer) => fixer.insertTextAfterRange([node.range[0], node.range[0] + 1], '/');
}

/** The suggestion that drops the leading `?`, when the source spells it as `?` right after the opening quote. */
function removeQuestionMark(context: Context, piece: StaticPiece): TSESLint.ReportFixFunction | undefined {
  const at = piece.node.range[0] + 1;
  if (context.sourceCode.text[at] !== '?') return undefined;
  return (fixer) => fixer.removeRange([at, at + 1]);
}

function checkUri(context: Context, analysis: Analysis, value: TSESTree.Node): void {
  for (const leaf of valueLeaves(value)) {
    const whole = analysis.staticValue(leaf);
    if (whole && !whole.primitive && whole.text === '') {
      context.report({ node: leaf, messageId: 'uriWithoutSlash', data: { value: "''" } });
      continue;
    }
    const first = analysis.staticPieces(leaf)[0];
    if (!first?.atStart || first.text.startsWith('/')) continue;
    const node = reportNode(first, leaf);
    if (URL_LIKE.test(first.text)) {
      context.report({ node, messageId: 'uriIsUrl', data: { value: shown(first.text) } });
      continue;
    }
    const suggest = editable(first, leaf) ? [{ messageId: 'addSlash' as const, data: { value: shown(`/${first.text}`) }, fix: addSlash(context, first) }] : [];
    context.report({ node, messageId: 'uriWithoutSlash', data: { value: shown(first.text) }, suggest });
  }
}

function checkQuerystring(context: Context, analysis: Analysis, value: TSESTree.Node): void {
  for (const leaf of valueLeaves(value)) {
    for (const piece of analysis.staticPieces(leaf)) {
      const node = reportNode(piece, leaf);
      if (piece.atStart && piece.text.startsWith('?')) {
        const fix = editable(piece, leaf) ? removeQuestionMark(context, piece) : undefined;
        const suggest = fix ? [{ messageId: 'removeQuestionMark' as const, fix }] : [];
        context.report({ node, messageId: 'querystringQuestionMark', data: { value: shown(piece.text) }, suggest });
      }
      const bad = FORBIDDEN_IN_QUERYSTRING.exec(piece.text);
      if (bad) context.report({ node, messageId: 'querystringCharacter', data: { value: shown(piece.text), ...describeCharacter(bad[0]) } });
    }
  }
}

/** `request.uri = …` and `request.querystring = …` on the received request, where the event lets the function change them. */
function isCheckedWrite(analysis: Analysis, access: MemberAccess): access is MemberAccess & { value: TSESTree.Node } {
  if (access.objectKind !== 'request' || access.op !== 'write' || !access.value) return false;
  if (access.name !== 'uri' && access.name !== 'querystring') return false;
  // In response triggers the change itself is the mistake (no-read-only-request-fields).
  if (onlyIn(analysis.eventTypesAt(access.node), RESPONSE_EVENTS)) return false;
  return !analysis.builtByCode(access.node);
}

export default createRule<[], MessageIds>({
  name: 'valid-uri-and-querystring',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the `uri` and `querystring` a Lambda@Edge function writes to have the form CloudFront accepts',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      uriWithoutSlash:
        "`request.uri` {{ value }} does not begin with `/`: CloudFront requires a new URI to begin with a slash, and a function result with a value it does not accept fails validation (502). Write the path from its first `/`, for example '/index.html'.",
      uriIsUrl:
        '`request.uri` {{ value }} is a whole URL: the URI is only the path of the object, beginning with `/`, and a function result with a value CloudFront does not accept fails validation (502). To fetch from another host, set `request.origin` in an origin-request trigger; to send the viewer elsewhere, answer with a redirect (`status` 301 or 302 and a `location` header).',
      addSlash: 'Write {{ value }}.',
      querystringQuestionMark:
        '`request.querystring` {{ value }} begins with `?`: the field holds the query string without the `?`, which CloudFront puts between the URI and it, so this `?` becomes part of the first parameter\'s name. Leave the `?` out.',
      removeQuestionMark: 'Remove the leading `?`.',
      querystringCharacter:
        '`request.querystring` {{ value }} holds {{ what }}: a query string an edge function writes may not contain spaces, control characters or `#`, and a function result with a value CloudFront does not accept fails validation (502). Percent-encode it ({{ encoded }}), for example with `encodeURIComponent` or `URLSearchParams`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const access of analysis.accesses) {
        if (!isCheckedWrite(analysis, access)) continue;
        if (access.name === 'uri') checkUri(context, analysis, access.value);
        else checkQuerystring(context, analysis, access.value);
      }
    });
  },
});
