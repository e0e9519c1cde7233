// Multi-target code: one handler that serves Lambda@Edge and another event source (API Gateway,
// an ALB, a function URL), telling them apart by the event's shape. Code on the branch that the
// CloudFront event never takes is not Lambda@Edge code, and code shared by every target is not
// the edge target's to fix. What a condition says is decided in ./event-tests.ts.
import { readFileSync, statSync } from 'node:fs';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { alwaysExits } from '../estree/control-flow.js';
import { walk } from '../estree/walk.js';
import { EDGE_EVENT_TYPE, OTHER_EVENT_TYPE } from '../facts/event-shapes.js';
import { type Side, either, eventTest } from './event-tests.js';
import type { FileState } from './state.js';
import { type FunctionNode, functionBindingId } from '../estree/nodes.js';

/**
 * Which target's event reaches a node:
 * - `edge`: only a CloudFront event (the `'Records' in event` branch, after `if (event.requestContext) return …`);
 * - `other`: only another target's (its `else`, after `if (event.Records) return …;`, `event.httpMethod && <here>`);
 * - `shared`: no event test decides, in a multi-target file (see isMultiTarget): every target may run it;
 * - undefined: no event test decides, in a file that serves CloudFront alone.
 */
export type Target = 'edge' | 'other' | 'shared' | undefined;

/** The statements before `child` in a statement list: `if (test) return …;` decides what follows. */
function afterEarlyExits(m: FileState, list: readonly TSESTree.Node[], child: TSESTree.Node): Side {
  let here: Side;
  for (const stmt of list) {
    if (stmt === child || here === 'other') break;
    if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent)) {
      here = either(here, eventTest(m, stmt.test).whenFalse);
    }
  }
  return here;
}

/** What the branch `child` of `parent` says about the event. */
function branchSide(m: FileState, parent: TSESTree.Node, child: TSESTree.Node): Side {
  // The body of an export the infrastructure deploys as a regional function.
  if (m.regionalFunctions.size > 0 && m.regionalFunctions.has(child as FunctionNode)) return 'other';
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (child === parent.consequent) return eventTest(m, parent.test).whenTrue;
      return child === parent.alternate ? eventTest(m, parent.test).whenFalse : undefined;
    case AST_NODE_TYPES.LogicalExpression:
      if (child !== parent.right) return undefined;
      if (parent.operator === '&&') return eventTest(m, parent.left).whenTrue;
      return parent.operator === '||' ? eventTest(m, parent.left).whenFalse : undefined;
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
      return afterEarlyExits(m, parent.body, child);
    case AST_NODE_TYPES.SwitchCase:
      return afterEarlyExits(m, parent.consequent, child);
    default:
      return undefined;
  }
}

interface TargetMemo {
  at: Map<TSESTree.Node, Side>;
  multi: boolean | undefined;
}
const memos = new WeakMap<FileState, TargetMemo>();

function memoOf(m: FileState): TargetMemo {
  let memo = memos.get(m);
  if (!memo) memos.set(m, (memo = { at: new Map(), multi: undefined }));
  return memo;
}

/**
 * What the event tests around `node` decide: 'other' when any enclosing branch is the other
 * target's, else 'edge' when one is CloudFront's (the innermost that decides). Memoised per node,
 * ancestors too: a node's answer is its own branch's with its parent's, so the walk up stops at
 * the first ancestor already answered.
 */
export function branchTarget(m: FileState, node: TSESTree.Node): Side {
  const at = memoOf(m).at;
  if (at.has(node)) return at.get(node);
  const chain: TSESTree.Node[] = [];
  let up: TSESTree.Node | undefined = node;
  while (up && !at.has(up)) {
    chain.push(up);
    up = up.parent;
  }
  let side: Side = up ? at.get(up) : undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const child = chain[i]!;
    const here = child.parent ? branchSide(m, child.parent, child) : undefined;
    side = here === 'other' || side === 'other' ? 'other' : (here ?? side);
    at.set(child, side);
  }
  return side;
}

/** The targetAt view; the file-level multi-target fact is computed once, and only when asked. */
export function targetAt(m: FileState, node: TSESTree.Node): Target {
  return branchTarget(m, node) ?? (isMultiTarget(m) ? 'shared' : undefined);
}

/** The aws-lambda names of the type references in a type annotation (a union's members, flattened). */
function typeNames(m: FileState, type: TSESTree.TypeNode | undefined, out: string[] = []): string[] {
  if (!type) return out;
  if (type.type === AST_NODE_TYPES.TSUnionType) for (const t of type.types) typeNames(m, t, out);
  else if (type.type === AST_NODE_TYPES.TSTypeReference) {
    const name = type.typeName;
    if (name.type === AST_NODE_TYPES.Identifier) out.push(m.awsTypes.get(name.name) ?? name.name);
    else if (name.type === AST_NODE_TYPES.TSQualifiedName) out.push(name.right.name);
  }
  return out;
}

function unionOfTargets(names: readonly string[]): boolean {
  return names.some((n) => EDGE_EVENT_TYPE.test(n)) && names.some((n) => OTHER_EVENT_TYPE.test(n));
}

/** Does a condition in the handler read the event's own shape (`'Records' in event`, `event.httpMethod`)? */
function testsShape(m: FileState, body: TSESTree.Node): boolean {
  let tests = false;
  walk(body, m.sourceCode.visitorKeys, (node) => {
    if (tests) return;
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
      tests = eventTest(m, node.test).shape;
    }
  });
  return tests;
}

/**
 * Is this file a multi-target adapter: a handler whose event parameter is typed as a union of
 * CloudFront's and another target's event (in the file, or in the `.d.ts` beside compiled
 * output), or a handler with a condition on the event's shape (`'Records' in event`,
 * `event.requestContext`)? A guard on CloudFront's own objects (`if (!request) return;`) is not
 * one. A file with exports the infrastructure deploys as regional functions is one too.
 */
export function isMultiTarget(m: FileState): boolean {
  const memo = memoOf(m);
  if (memo.multi !== undefined) return memo.multi;
  memo.multi = false;
  // A file whose other exports are deployed as regional functions: its module scope runs in both.
  if (m.regionalFunctions.size > 0) return (memo.multi = true);
  for (const handler of m.handlers) {
    if (typedForSeveralTargets(m, handler.node) || testsShape(m, handler.node.body)) return (memo.multi = true);
  }
  memo.multi = m.handlers.length > 0 && declaredMultiTarget(m.context.filename);
  return memo.multi;
}

/**
 * The type names of a union written as text (`A | import('aws-lambda').B | C<D>`): each
 * member without its `import(…).` qualifier or type arguments.
 */
function unionNames(text: string): string[] {
  return text.split('|').map((part) => {
    const name = part.trim().replace(/^import\(\s*['"][^'"]*['"]\s*\)\s*\./, '');
    const generic = name.indexOf('<');
    return (generic < 0 ? name : name.slice(0, generic)).trim();
  });
}

const JSDOC_PARAM = /@param\s*\{([^}]*)\}\s*\[?([\w$]+)/g;

/**
 * The JSDoc type of a handler's event parameter (`@param {APIGatewayProxyEventV2 |
 * CloudFrontRequestEvent} event`, or `import("aws-lambda").X` members), from the doc comment
 * right before the function or its statement.
 */
function jsdocParamTypes(m: FileState, fn: FunctionNode): string[] {
  const param = fn.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return [];
  let holder: TSESTree.Node = fn;
  while (holder.parent && holder.parent.type !== AST_NODE_TYPES.Program && holder.parent.type !== AST_NODE_TYPES.BlockStatement) holder = holder.parent;
  const doc = m.sourceCode.getCommentsBefore(holder).findLast((c) => c.type === 'Block' && c.value.startsWith('*'));
  if (!doc) return [];
  for (const match of doc.value.matchAll(JSDOC_PARAM)) if (match[2] === param.name) return unionNames(match[1]!.replace(/\n[ \t]*\*/g, ' '));
  return [];
}

/**
 * The first parameter of `function <name>(` starting at `open` (the parenthesis): the text up
 * to the comma or parenthesis that ends it at its own depth.
 */
function parameterText(text: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '<' || c === '{' || c === '[') depth++;
    else if ((c === ')' || c === '>' || c === '}' || c === ']') && !(c === '>' && text[i - 1] === '=')) {
      if (--depth === 0) return text.slice(open + 1, i);
    } else if (c === ',' && depth === 1) return text.slice(open + 1, i);
  }
  return undefined;
}

/**
 * Is the function's event parameter typed as a union of CloudFront's and another target's
 * event (`APIGatewayProxyEventV2 | CloudFrontRequestEvent`), in a TypeScript annotation or a
 * JSDoc `@param`?
 */
export function typedForSeveralTargets(m: FileState, fn: FunctionNode): boolean {
  const param = fn.params[0];
  const annotation = param && 'typeAnnotation' in param ? param.typeAnnotation?.typeAnnotation : undefined;
  if (unionOfTargets(typeNames(m, annotation)) || unionOfTargets(jsdocParamTypes(m, fn))) return true;
  // Compiled output: the declaration file beside it, by the function's name.
  const id = functionBindingId(fn);
  return id !== undefined && declaredForSeveralTargets(m.context.filename).has(id.name);
}

/** What a declaration file said, with the modification time it had then. */
const declarationMemo = new Map<string, { mtime: number; size: number; names: ReadonlySet<string> }>();
const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * A compiled `handler.js` whose declaration file beside it (`handler.d.ts`, as `tsc` writes
 * it) types a function's event as a union of CloudFront's and another target's event. Read
 * again when the file's modification time or size changes (an editor sees an edited `.d.ts`).
 */
export function declaredMultiTarget(filename: string): boolean {
  return declaredForSeveralTargets(filename).size > 0;
}

/** The functions whose event the declaration file beside a compiled file types for several targets (see declaredMultiTarget). */
export function declaredForSeveralTargets(filename: string): ReadonlySet<string> {
  const dts = filename.replace(/\.([cm]?)js$/, '.d.$1ts');
  if (dts === filename) return NO_NAMES;
  let stat;
  try {
    stat = statSync(dts, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (!stat?.isFile()) return NO_NAMES;
  const memo = declarationMemo.get(dts);
  if (memo && memo.mtime === stat.mtimeMs && memo.size === stat.size) return memo.names;
  const names = new Set<string>();
  try {
    const text = readFileSync(dts, 'utf8');
    // `function handler(event: A | import('aws-lambda').B): …`, its type spread over lines as tsc writes it.
    for (const match of text.matchAll(/\bfunction\s+([\w$]+)\s*\(/g)) {
      const params = parameterText(text, match.index + match[0].length - 1);
      const colon = params?.indexOf(':') ?? -1;
      if (params !== undefined && colon > 0 && /^\s*[\w$]+\s*$/.test(params.slice(0, colon)) && unionOfTargets(unionNames(params.slice(colon + 1)))) names.add(match[1]!);
    }
  } catch {
    names.clear();
  }
  if (declarationMemo.size > 1000) declarationMemo.clear();
  declarationMemo.set(dts, { mtime: stat.mtimeMs, size: stat.size, names });
  return names;
}
