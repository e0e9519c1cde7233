import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { asyncInsertionPoint } from '../src/estree/fixes.js';
import { memberName } from '../src/estree/nodes.js';
import { type EventTypes, REQUEST_EVENTS, RESPONSE_EVENTS, formatEventTypes, onlyIn } from '../src/facts/event-types.js';
import type { Analysis, Completion, Handler, Kind } from '../src/model/index.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'callbackTwice'
  | 'callbackInAsync'
  | 'callbackNeverCalled'
  | 'resolvesUndefined'
  | 'wholeEvent'
  | 'requestInResponseEvent'
  | 'errorAsResult'
  | 'useErrorResponse'
  | 'useRequest'
  | 'useResponse'
  | 'returnIgnored'
  | 'returnIgnoredNoCallback'
  | 'makeAsync';

const WHOLE_EVENT_KINDS: ReadonlySet<Kind> = new Set(['event', 'records', 'record', 'cf']);

/** How to get from an expression of `kind` to the `cf` object. */
const TO_CF: Partial<Record<Kind, string>> = {
  event: '.Records[0].cf',
  records: '[0].cf',
  record: '.cf',
  cf: '',
};

const WHAT: Partial<Record<Kind, string>> = {
  event: 'the whole `event`',
  records: '`event.Records`',
  record: '`event.Records[0]`',
  cf: '`event.Records[0].cf`',
};

export default createRule<[], MessageIds>({
  name: 'valid-handler-completion',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require a Lambda@Edge handler to finish exactly once, with the request or a response rather than the whole event',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      callbackTwice:
        '`{{ name }}` may already have been called (line {{ line }}) when this call runs: Lambda keeps only the first result and CloudFront gets whatever that was. Return right after calling `{{ name }}`, or use if/else so each path calls it once.',
      callbackInAsync:
        '`{{ name }}(…)` runs in a nested function of this `async` handler, so it can run after the promise the handler returns has settled. Lambda (nodejs22.x and earlier) keeps whichever result comes first: the promise\'s value, `undefined` here, and CloudFront answers 502. Node.js 24 runtimes no longer pass a callback at all. Await the work and return the result instead of calling `{{ name }}`.',
      callbackNeverCalled:
        '{{ where }} without calling `{{ name }}`: once nothing else is pending, Lambda ends the invocation with a `null` result and CloudFront answers 502; while a socket or timer stays open, the function runs until it times out and CloudFront answers 503. Call `{{ name }}(null, …)` with the request or a response on every path.',
      resolvesUndefined:
        '{{ where }} without a value: the promise resolves to `undefined`, so CloudFront gets `null` and answers 502. Return the request or a response on every path (for example `return request;` at the end).',
      wholeEvent:
        'Handing {{ what }} back to CloudFront is not a request or a response: Lambda@Edge rejects it as invalid output (502). Return `event.Records[0].cf.request` (request events) or the response (`cf.response`, or a response object you build).',
      requestInResponseEvent:
        'This {{ event }} handler hands back the request: a response trigger must hand back the response (`cf.response`, changed or not), and CloudFront rejects a request there as invalid output (502). Return the response, also on the paths that change nothing.',
      errorAsResult:
        'This hands CloudFront {{ what }} as the result: an error is not a request or a response (it serializes to `{}`), so CloudFront rejects it as invalid output (502) and the error is lost. Return a generated error response, or rethrow it (`throw {{ text }}`) to fail the invocation and keep it in the logs.',
      useErrorResponse: "Return a generated 500 response: `{ status: '500', statusDescription: 'Internal Server Error' }`.",
      useRequest: 'Hand back the request: `{{ text }}`.',
      useResponse: 'Hand back the response: `{{ text }}`.',
      returnIgnored:
        'Lambda ignores the return value of a handler that is neither `async` nor returns a promise; with `{{ name }}` never called, CloudFront gets no result (502). Call `{{ name }}(null, …)` with this value, or make the handler `async`.',
      returnIgnoredNoCallback:
        'Lambda ignores the return value of a handler that is neither `async` nor returns a promise, so CloudFront gets `null` instead of this value (502). Make the handler `async`, or take a `callback` parameter and call `callback(null, …)`.',
      makeAsync: 'Make the handler `async`.',
    },
  },
  defaultOptions: [],
  create(context) {
    return onAnalysis(context, (analysis) => {
      for (const handler of analysis.handlers) {
        const completion = analysis.completion(handler);
        const late = handler.isAsync ? reportLateCallbacks(context, handler, completion) : undefined;
        reportRepeatedCallbacks(context, handler, completion, late);
        const wholeEvent = reportWholeEvent(context, analysis, handler);
        reportRequestInResponseEvent(context, analysis, handler);
        reportErrorResults(context, analysis, handler);
        reportUnfinished(context, handler, completion, wholeEvent);
      }
    });
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/**
 * (a) A second `callback(…)` on a path of one function that already called it, in an `async`
 * handler too (the runtime keeps the first result either way); not a call already reported late.
 */
function reportRepeatedCallbacks(context: Context, handler: Handler, completion: Completion, late: ReadonlySet<TSESTree.Node> | undefined): void {
  const name = handler.callback?.name ?? 'callback';
  for (const { call, earlier } of completion.repeatedCalls) {
    if (late?.has(call)) continue;
    context.report({ node: call, messageId: 'callbackTwice', data: { name, line: earlier.loc.start.line } });
  }
}

/**
 * (b) An async handler's `callback` called where it can lose to the settled promise. Up to
 * nodejs22.x the runtime keeps the first of the two; a call in the handler's own body always
 * comes first (the promise settles after the body ends), one in a nested function may not,
 * unless that function is a step of a promise chain the body awaits or returns. Returns the
 * calls reported.
 */
function reportLateCallbacks(context: Context, handler: Handler, completion: Completion): Set<TSESTree.Node> {
  const name = handler.callback?.name ?? 'callback';
  const reported = new Set<TSESTree.Node>();
  for (const { call, late } of completion.callbackCalls) {
    if (!late) continue;
    context.report({ node: call, messageId: 'callbackInAsync', data: { name } });
    reported.add(call);
  }
  return reported;
}

/** (c) The whole event, or part of its envelope, handed back. Returns the values reported. */
function reportWholeEvent(context: Context, analysis: Analysis, handler: Handler): Set<TSESTree.Node> {
  const reported = new Set<TSESTree.Node>();
  for (const result of handler.results) {
    const kind = analysis.classify(result);
    if (!kind || !WHOLE_EVENT_KINDS.has(kind)) continue;
    reported.add(result);
    const suggest = envelopeSuggestions(context, result, kind, analysis.eventTypesAt(result));
    context.report({ node: result, messageId: 'wholeEvent', data: { what: WHAT[kind]! }, suggest });
  }
  return reported;
}

/**
 * (c') The request handed back by a handler that serves only response events, where the event
 * type is given (a comment, settings, infrastructure): a handler whose event type is read from
 * its own code may serve a request event on the paths that return the request.
 */
function reportRequestInResponseEvent(context: Context, analysis: Analysis, handler: Handler): void {
  if (handler.eventTypeSource === undefined || handler.eventTypeSource === 'code') return;
  const param = handler.node.params[0];
  for (const result of handler.results) {
    if (analysis.classify(result) !== 'request') continue;
    const types = analysis.eventTypesAt(result);
    if (!onlyIn(types, RESPONSE_EVENTS)) continue;
    const text = param?.type === AST_NODE_TYPES.Identifier ? `${param.name}.Records[0].cf.response` : undefined;
    const suggest = text ? [{ messageId: 'useResponse' as const, data: { text }, fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(result, text) }] : [];
    context.report({ node: result, messageId: 'requestInResponseEvent', data: { event: formatEventTypes(types) }, suggest });
  }
}

/** Names of a caught value that is an error: `e`, `err`, `error`, `ex`, `exception`, `fetchError`. */
const ERROR_NAME = /^(?:e|ex|exc|err|error|exception)$|(?:Error|Err|Exception)$/;
/** Fields of a response: a caught value read through one of them was thrown as a response (`throw { status: '403' }`). */
const RESPONSE_FIELDS: ReadonlySet<string> = new Set(['status', 'statusCode', 'statusDescription', 'headers', 'body']);

/** A `catch` parameter named as an error, never read as a response. */
function isCaughtError(analysis: Analysis, id: TSESTree.Identifier): boolean {
  if (!ERROR_NAME.test(id.name) || !analysis.bindings.isCaughtError(id)) return false;
  return analysis.bindings.readsOf(id).every((read) => {
    const parent = read.parent;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== read) return true;
    const name = memberName(parent);
    return name === undefined || !RESPONSE_FIELDS.has(name);
  });
}

/** What an error handed back is, for messages: the caught error (`catch (e) { return e; }`) or a new `Error`; undefined for anything else. */
function errorResult(analysis: Analysis, result: TSESTree.Node): string | undefined {
  if (result.type === AST_NODE_TYPES.Identifier) return isCaughtError(analysis, result) ? 'the caught error' : undefined;
  if (result.type !== AST_NODE_TYPES.NewExpression && result.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = result.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || !/^(?:[A-Z][A-Za-z]*)?Error$/.test(callee.name) || !analysis.bindings.isGlobal(callee)) return undefined;
  return `a new \`${callee.name}\``;
}

/** (c'') An error handed back as the result (`catch (e) { return e; }`, `callback(null, err)`, `return new Error(…)`). */
function reportErrorResults(context: Context, analysis: Analysis, handler: Handler): void {
  const replacement = "{ status: '500', statusDescription: 'Internal Server Error' }";
  for (const result of handler.results) {
    const what = errorResult(analysis, result);
    if (!what) continue;
    const text = context.sourceCode.getText(result);
    context.report({
      node: result,
      messageId: 'errorAsResult',
      data: { what, text },
      suggest: [{ messageId: 'useErrorResponse', fix: (fixer) => fixer.replaceText(result, replacement) }],
    });
  }
}

/** Suggestions to hand back `….cf.request` / `….cf.response`, as the event types allow. */
function envelopeSuggestions(context: Context, result: TSESTree.Node, kind: Kind, types: EventTypes): Array<TSESLint.SuggestionReportDescriptor<MessageIds>> {
  if (result.type !== AST_NODE_TYPES.Identifier && result.type !== AST_NODE_TYPES.MemberExpression) return [];
  const base = `${context.sourceCode.getText(result)}${TO_CF[kind]}`;
  const suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
  if (!onlyIn(types, RESPONSE_EVENTS)) {
    const text = `${base}.request`;
    suggest.push({ messageId: 'useRequest', data: { text }, fix: (fixer) => fixer.replaceText(result, text) });
  }
  if (!onlyIn(types, REQUEST_EVENTS)) {
    const text = `${base}.response`;
    suggest.push({ messageId: 'useResponse', data: { text }, fix: (fixer) => fixer.replaceText(result, text) });
  }
  return suggest;
}

/** (d) Paths that hand CloudFront nothing: an ignored return value, `return;`, the end of the body. */
function reportUnfinished(context: Context, handler: Handler, completion: Completion, wholeEvent: ReadonlySet<TSESTree.Node>): void {
  const name = handler.callback?.name ?? 'callback';
  for (const path of completion.unfinished) {
    if (path.how === 'returns-ignored') {
      if (wholeEvent.has(path.node)) continue;
      if (handler.callback) context.report({ node: path.node, messageId: 'returnIgnored', data: { name } });
      else {
        const at = asyncInsertionPoint(handler.node, context.sourceCode);
        const suggest = at ? [{ messageId: 'makeAsync' as const, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextBefore(at, 'async ') }] : null;
        context.report({ node: path.node, messageId: 'returnIgnoredNoCallback', suggest });
      }
      continue;
    }
    const fallsOff = path.how === 'falls-off';
    const where = handler.isAsync
      ? fallsOff ? 'A path reaches the end of this `async` handler' : 'This `return` ends the handler'
      : fallsOff ? 'A path reaches the end of this function' : 'This `return` ends a path';
    const at = fallsOff ? { loc: ASTUtils.getFunctionHeadLocation(path.fn, context.sourceCode as TSESLint.SourceCode) } : { node: path.node };
    context.report({ ...at, messageId: handler.isAsync ? 'resolvesUndefined' : 'callbackNeverCalled', data: { where, name } });
  }
}
