import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type Analysis, type Handler, type Kind, getAnalysis } from '../src/analysis.js';
import { type FunctionNode, enclosingFunction, isFunctionNode, outerParent, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { REQUEST_EVENTS, RESPONSE_EVENTS, onlyIn } from '../src/event-types.js';
import { onAnalysis } from '../src/rule-helpers.js';

type MessageIds =
  | 'callbackTwice'
  | 'callbackInAsync'
  | 'useReturn'
  | 'wholeEvent'
  | 'useRequest'
  | 'useResponse'
  | 'returnIgnored'
  | 'returnIgnoredNoCallback'
  | 'makeAsync';

// The code path objects ESLint passes to `onCodePath*` listeners (only what this rule reads).
interface Segment {
  id: string;
  reachable: boolean;
  nextSegments: Segment[];
  prevSegments: Segment[];
}
interface CodePath {
  id: string;
  initialSegment: Segment;
}

/** One function's code path while it is being traversed. */
interface PathState {
  current: Set<Segment>;
  /** Segments that start a `catch` block. */
  catchEntries: Set<Segment>;
  /** Segments that end a `try` block whose last statement is a callback call. */
  endsWithCallback: Set<Segment>;
  /** Callback calls in the order they run, by the segment they run in. */
  calls: Map<Segment, TSESTree.CallExpression[]>;
}

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

/** Values that are certainly not a promise, so a non-async handler's `return` of them is dropped. */
function certainlyNotPromise(analysis: Analysis, raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const kind = analysis.classify(node);
      return kind !== undefined && kind !== 'callback';
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return certainlyNotPromise(analysis, node.consequent) && certainlyNotPromise(analysis, node.alternate);
    default:
      return false;
  }
}

/**
 * Does `fn` use `await` as a name where making it `async` would make it a keyword? In a
 * script, `await` is an ordinary identifier, but inside an async function it is reserved in the
 * parameters and body, arrow functions included; only a nested `function` (its own name too,
 * when it is an expression) frees it again. A nested function declaration's name still
 * belongs to the outer function. Class bodies count as the outer function's, which is
 * stricter than the language and keeps the check simple.
 */
function usesAwaitAsName(fn: FunctionNode, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  const stack: TSESTree.Node[] = [fn];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'await') return true;
    if (node !== fn && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && isFunctionNode(node)) {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) stack.push(node.id);
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof (c as TSESTree.Node).type === 'string') stack.push(c as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * Where `async` goes to make `fn` async: before the function, or before the key of a method
 * (`{ async handler() {} }`, `class { static async handler() {} }`). None for getters, setters
 * and constructors, which cannot be async.
 */
function asyncInsertionPoint(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | TSESTree.Token | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    if (parent.kind !== 'init') return undefined;
    return parent.method ? parent : fn;
  }
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
    parent.value === fn
  ) {
    if (parent.kind !== 'method') return undefined;
    return parent.computed ? (sourceCode.getTokenBefore(parent.key) ?? undefined) : parent.key;
  }
  return fn;
}

/** `callback(null, x)` as a statement or `return callback(null, x)`, directly in `fn`: can become `return x`. */
function returnSuggestion(
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction | undefined {
  const [error, value] = call.arguments;
  if (call.arguments.length > 2 || !error) return undefined;
  const e = unwrap(error);
  const noError =
    (e.type === AST_NODE_TYPES.Literal && e.value === null) ||
    (e.type === AST_NODE_TYPES.Identifier && e.name === 'undefined');
  if (!noError || (value && value.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const { node: outer, parent } = outerParent(call);
  const statement =
    parent?.type === AST_NODE_TYPES.ExpressionStatement ||
    (parent?.type === AST_NODE_TYPES.ReturnStatement && parent.argument === outer)
      ? parent
      : undefined;
  if (!statement) return undefined;
  // Only in the handler's own body: a `return` inside a nested function would return from that.
  let owner: TSESTree.Node | undefined = statement.parent;
  while (owner && !isFunctionNode(owner)) owner = owner.parent;
  if (owner !== fn) return undefined;
  const text = value ? `return ${sourceCode.getText(value)};` : 'return;';
  return (fixer) => fixer.replaceText(statement, text);
}

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
      useReturn: 'Return the value instead of calling `{{ name }}`.',
      wholeEvent:
        'Handing {{ what }} back to CloudFront is not a request or a response: Lambda@Edge rejects it as invalid output (502). Return `event.Records[0].cf.request` (request events) or the response (`cf.response`, or a response object you build).',
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
    const sourceCode = context.sourceCode;
    let analysis: Analysis | undefined;
    const edge = () => (analysis ??= getAnalysis(context)).isEdge;

    /** The handler whose callback `callee` is, when `call` calls a handler's callback. */
    const callbackOf = (call: TSESTree.CallExpression): Handler | undefined => {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || !analysis) return undefined;
      for (const handler of analysis.handlers) {
        if (handler.callback?.references.some((ref) => ref.identifier === callee)) return handler;
      }
      return undefined;
    };

    const stack: PathState[] = [];

    const checkCompletions = (state: PathState, codePath: CodePath) => {
      if (state.calls.size === 0) return;
      // Forward may-analysis: which callback calls can have run before each segment starts.
      const segments: Segment[] = [];
      const seen = new Set<Segment>();
      const queue: Segment[] = [codePath.initialSegment];
      while (queue.length > 0) {
        const segment = queue.pop()!;
        if (seen.has(segment) || !segment.reachable) continue;
        seen.add(segment);
        segments.push(segment);
        queue.push(...segment.nextSegments);
      }
      const before = new Map<Segment, Set<TSESTree.CallExpression>>();
      const after = (segment: Segment): Set<TSESTree.CallExpression> => {
        const calls = state.calls.get(segment);
        const last = calls?.[calls.length - 1];
        return last ? new Set([last]) : (before.get(segment) ?? new Set());
      };
      for (let changed = true; changed; ) {
        changed = false;
        for (const segment of segments) {
          const incoming = before.get(segment) ?? new Set<TSESTree.CallExpression>();
          const size = incoming.size;
          for (const prev of segment.prevSegments) {
            // ESLint lets a `catch` start after the last statement of its `try`; when that
            // statement is the callback call itself, nothing is left in the `try` to throw.
            if (state.catchEntries.has(segment) && state.endsWithCallback.has(prev)) continue;
            for (const call of after(prev)) incoming.add(call);
          }
          if (!before.has(segment) || incoming.size !== size) {
            before.set(segment, incoming);
            changed = true;
          }
        }
      }
      const reported = new Set<TSESTree.CallExpression>();
      for (const segment of segments) {
        const calls = state.calls.get(segment) ?? [];
        calls.forEach((call, index) => {
          const earlier = index > 0 ? [calls[index - 1]!] : [...(before.get(segment) ?? [])];
          if (earlier.length === 0 || reported.has(call)) return;
          reported.add(call);
          const first = earlier.reduce((a, b) => (a.range[0] <= b.range[0] ? a : b));
          const callee = unwrap(call.callee) as TSESTree.Identifier;
          context.report({
            node: call,
            messageId: 'callbackTwice',
            data: { name: callee.name, line: first.loc.start.line },
          });
        });
      }
    };

    const listeners: Record<string, (...args: never[]) => void> = {
      onCodePathStart(codePath: CodePath) {
        const state: PathState = { current: new Set(), calls: new Map(), catchEntries: new Set(), endsWithCallback: new Set() };
        stack.push(state);
      },
      onCodePathSegmentStart(segment: Segment, node: TSESTree.Node) {
        const state = stack[stack.length - 1];
        state?.current.add(segment);
        if (node.type === AST_NODE_TYPES.CatchClause) state?.catchEntries.add(segment);
      },
      onCodePathSegmentEnd(segment: Segment) {
        stack[stack.length - 1]?.current.delete(segment);
      },
      onCodePathEnd(codePath: CodePath, node: TSESTree.Node) {
        const state = stack.pop();
        if (!state || !isFunctionNode(node) || !analysis?.isEdge) return;
        const handler = analysis.handlerAt(node);
        // Async handlers get the `callbackInAsync` report on every call instead.
        if (handler && !handler.isAsync) checkCompletions(state, codePath);
      },
      'BlockStatement:exit'(block: TSESTree.BlockStatement) {
        const state = stack[stack.length - 1];
        const last = block.body[block.body.length - 1];
        if (!state || block.parent?.type !== AST_NODE_TYPES.TryStatement || block.parent.block !== block) return;
        if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return;
        const expression = unwrap(last.expression);
        if (expression.type !== AST_NODE_TYPES.CallExpression || !edge() || !callbackOf(expression)) return;
        for (const segment of state.current) state.endsWithCallback.add(segment);
      },
      'CallExpression:exit'(call: TSESTree.CallExpression) {
        if (!edge()) return;
        const handler = callbackOf(call);
        const state = stack[stack.length - 1];
        if (!handler || !state) return;
        for (const segment of state.current) {
          if (!segment.reachable) continue;
          const calls = state.calls.get(segment) ?? [];
          calls.push(call);
          state.calls.set(segment, calls);
        }
      },
    };

    const checkFile = (found: Analysis) => {
      for (const handler of found.handlers) {
        // (b) async handler that also calls the callback. Up to nodejs22.x the runtime keeps the
        // first of the callback and the settled promise; a call in the handler's own body always
        // comes first (the promise settles after the body ends), so only calls in nested
        // functions, which may run later, lose to the promise's `undefined`.
        if (handler.isAsync && handler.callback) {
          for (const ref of handler.callback.references) {
            const { node: id, parent } = outerParent(ref.identifier);
            if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== id) continue;
            if (enclosingFunction(parent) === handler.node) continue;
            const fix = returnSuggestion(parent, handler.node, sourceCode);
            context.report({
              node: parent,
              messageId: 'callbackInAsync',
              data: { name: ref.identifier.name },
              suggest: fix ? [{ messageId: 'useReturn', data: { name: ref.identifier.name }, fix }] : [],
            });
          }
        }
        // (c) the whole event (or part of its envelope) handed back.
        const wholeEvent = new Set<TSESTree.Node>();
        for (const result of handler.results) {
          const kind = found.classify(result);
          if (!kind || !WHOLE_EVENT_KINDS.has(kind)) continue;
          wholeEvent.add(result);
          const types = found.eventTypesAt(result);
          const simple = result.type === AST_NODE_TYPES.Identifier || result.type === AST_NODE_TYPES.MemberExpression;
          const suggest: Array<TSESLint.SuggestionReportDescriptor<MessageIds>> = [];
          if (simple) {
            const base = `${sourceCode.getText(result)}${TO_CF[kind]}`;
            if (!onlyIn(types, RESPONSE_EVENTS)) {
              const text = `${base}.request`;
              suggest.push({ messageId: 'useRequest', data: { text }, fix: (fixer) => fixer.replaceText(result, text) });
            }
            if (!onlyIn(types, REQUEST_EVENTS)) {
              const text = `${base}.response`;
              suggest.push({ messageId: 'useResponse', data: { text }, fix: (fixer) => fixer.replaceText(result, text) });
            }
          }
          context.report({ node: result, messageId: 'wholeEvent', data: { what: WHAT[kind]! }, suggest });
        }
        // (d) a non-async handler that returns a value and never calls back (or has no callback).
        const noCallback = !handler.callback && handler.node.params.length < 3 && !handler.node.generator;
        if (!handler.isAsync && (noCallback || (handler.callback && handler.callback.references.length === 0))) {
          for (const result of handler.results) {
            const { parent } = outerParent(result);
            const isReturn =
              parent?.type === AST_NODE_TYPES.ReturnStatement ||
              (parent === handler.node && handler.node.body === result);
            if (!isReturn || wholeEvent.has(result) || !certainlyNotPromise(found, result)) continue;
            if (handler.callback) {
              context.report({ node: result, messageId: 'returnIgnored', data: { name: handler.callback.name } });
            } else {
              // No suggestion where `async` cannot go, or where it would turn `await` from a name into a keyword.
              const at = usesAwaitAsName(handler.node, sourceCode.visitorKeys) ? undefined : asyncInsertionPoint(handler.node, sourceCode);
              context.report({
                node: result,
                messageId: 'returnIgnoredNoCallback',
                suggest: at ? [{ messageId: 'makeAsync', fix: (fixer) => fixer.insertTextBefore(at, 'async ') }] : null,
              });
            }
          }
        }
      }
    };

    return onAnalysis(context, checkFile, listeners as TSESLint.RuleListener);
  },
});
