import { realpathSync, statSync, readFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyKeyName, unwrap } from './ast.js';

/**
 * A value known without running the code. `text` is kept only while it is small enough
 * to be worth holding; `bytes` (UTF-8 length) is always known. A file read with
 * `readFileSync` is sized by `stat`, and only small files are ever read.
 */
export interface StaticValue {
  text?: string;
  bytes: number;
  /** Where a file's size came from, for messages. */
  file?: string;
  /** Set when the value is not a string: a number, boolean or null literal (`text` is its `String()`). */
  primitive?: 'number' | 'boolean' | 'null';
}

export interface StaticContext {
  /** Directory of the linted file, for `__dirname` and `import.meta.dirname`. */
  dirname: string;
  /** The project root: files outside it are never looked at. */
  root: string;
  /** Resolves an identifier to the expression a `const` (or never-reassigned binding) holds. */
  resolveConst(node: TSESTree.Identifier): TSESTree.Node | undefined | null;
  /**
   * Where an identifier was imported from: `{ source: 'node:path', imported: 'join' }` for
   * `import { join } from 'node:path'`, `imported: '*'` for a default or namespace import or
   * `require('path')`. Undefined for anything else.
   */
  importOf?(node: TSESTree.Identifier): { source: string; imported: string } | undefined;
}

/** Longest text kept in memory; beyond it only the size is tracked. */
const MAX_TEXT = 1_600_000;
/** Files up to this size are read (to check base64, for example); larger ones are only stat'ed. */
const MAX_READ = 256 * 1024;
const MAX_DEPTH = 24;

/**
 * The constant initialisers being followed right now, innermost last. A binding whose value
 * mentions itself (`const a = \`${a}${a}\``, a TDZ error when run) has no static value, and
 * following it again would only go round until MAX_DEPTH, branching at every turn. Entries are
 * removed on the way out, so the set is empty between queries; a binding used twice side by
 * side (`b + b`) is not a cycle and is evaluated both times.
 */
const following = new Set<TSESTree.Node>();

/** `next(init)` for the initialiser a constant identifier holds; `fallback` when there is none or it is already being followed. */
function throughConst<T>(id: TSESTree.Identifier, ctx: Pick<StaticContext, 'resolveConst'>, fallback: T, next: (init: TSESTree.Node) => T): T {
  const target = ctx.resolveConst(id);
  if (!target || following.has(target)) return fallback;
  following.add(target);
  try {
    return next(target);
  } finally {
    following.delete(target);
  }
}

function fromText(text: string): StaticValue {
  return { text, bytes: Buffer.byteLength(text, 'utf8') };
}

function concat(parts: StaticValue[]): StaticValue {
  let bytes = 0;
  let keepText = true;
  for (const p of parts) {
    bytes += p.bytes;
    if (p.text === undefined) keepText = false;
  }
  if (keepText && bytes <= MAX_TEXT) return { text: parts.map((p) => p.text).join(''), bytes };
  return { bytes, file: parts.find((p) => p.file)?.file };
}

export function evaluateStatic(node: TSESTree.Node, ctx: StaticContext): StaticValue | undefined {
  return evaluate(node, ctx, 0);
}

/** A template whose every part is known: its text pieces and expressions joined. */
function evaluateTemplate(node: TSESTree.TemplateLiteral, ctx: StaticContext, depth: number): StaticValue | undefined {
  const parts: StaticValue[] = [];
  for (let i = 0; i < node.quasis.length; i++) {
    const cooked = node.quasis[i]!.value.cooked;
    if (cooked === null || cooked === undefined) return undefined;
    parts.push(fromText(cooked));
    const expr = node.expressions[i];
    if (expr) {
      const v = evaluate(expr, ctx, depth + 1);
      if (!v) return undefined;
      parts.push(v);
    }
  }
  return concat(parts);
}

function evaluate(raw: TSESTree.Node, ctx: StaticContext, depth: number): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof node.value === 'string') return fromText(node.value);
      if (typeof node.value === 'number' || typeof node.value === 'boolean') {
        return { ...fromText(String(node.value)), primitive: typeof node.value === 'number' ? 'number' : 'boolean' };
      }
      if (node.value === null && !('regex' in node)) return { ...fromText('null'), primitive: 'null' };
      return undefined;
    case AST_NODE_TYPES.TemplateLiteral:
      return evaluateTemplate(node, ctx, depth);
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = evaluate(node.left, ctx, depth + 1);
      if (!left) return undefined;
      const right = evaluate(node.right, ctx, depth + 1);
      if (!right) return undefined;
      // `1 + 2` is arithmetic, not concatenation.
      if (left.primitive && right.primitive) return undefined;
      return concat([left, right]);
    }
    case AST_NODE_TYPES.Identifier: {
      if (node.name === '__dirname' && ctx.resolveConst(node) === null) return fromText(ctx.dirname);
      return throughConst(node, ctx, undefined, (target) => evaluate(target, ctx, depth + 1));
    }
    case AST_NODE_TYPES.MemberExpression: {
      // import.meta.dirname
      if (
        node.object.type === AST_NODE_TYPES.MetaProperty &&
        node.object.meta.name === 'import' &&
        memberName(node) === 'dirname'
      ) {
        return fromText(ctx.dirname);
      }
      return frozenMember(node, ctx, depth);
    }
    case AST_NODE_TYPES.CallExpression:
      return evaluateCall(node, ctx, depth);
    default:
      return undefined;
  }
}

/**
 * The object literal a constant holds when nothing may change it: `{ … } as const` or
 * `Object.freeze({ … })`. A plain `const o = { … }` can have its members assigned later.
 */
function frozenObject(init: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  let node: TSESTree.Node = init;
  if (node.type === AST_NODE_TYPES.TSAsExpression) {
    const type = node.typeAnnotation;
    if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || type.typeName.name !== 'const') return undefined;
    node = node.expression;
  } else if (node.type === AST_NODE_TYPES.CallExpression) {
    const { object, name } = calleeName(node.callee);
    if (name !== 'freeze' || object?.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || !node.arguments[0]) return undefined;
    node = node.arguments[0];
  } else {
    return undefined;
  }
  return node.type === AST_NODE_TYPES.ObjectExpression ? node : undefined;
}

/** `KEYS.REGION` where `const KEYS = { REGION: 'AWS_REGION' } as const` (or `Object.freeze({ … })`). */
function frozenMember(node: TSESTree.MemberExpression, ctx: StaticContext, depth: number): StaticValue | undefined {
  const name = memberName(node);
  if (name === undefined || node.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  return throughConst(node.object, ctx, undefined, (init) => {
    const object = frozenObject(init);
    if (!object) return undefined;
    let value: TSESTree.Node | undefined;
    for (const prop of object.properties) {
      // A spread after the property may replace it: not known.
      if (prop.type === AST_NODE_TYPES.SpreadElement) value = undefined;
      else if (!prop.computed && propertyKeyName(prop) === name) value = prop.value;
    }
    return value ? evaluate(value, ctx, depth + 1) : undefined;
  });
}

function calleeName(callee: TSESTree.Node): { object?: TSESTree.Node; name?: string } {
  const c = unwrap(callee);
  if (c.type === AST_NODE_TYPES.Identifier) return { name: c.name };
  if (c.type === AST_NODE_TYPES.MemberExpression) return { object: c.object, name: memberName(c) };
  return {};
}

function evaluateCall(node: TSESTree.CallExpression, ctx: StaticContext, depth: number): StaticValue | undefined {
  const { object, name } = calleeName(node.callee);
  const args = node.arguments;
  if (!name) return undefined;
  if (name === 'repeat' && object && args.length === 1) return evaluateRepeat(object, args[0]!, ctx, depth);
  if (name === 'stringify' && object && isIdentifier(object, 'JSON') && args.length >= 1) {
    return evaluateJsonStringify(args, ctx, depth);
  }
  if (name === 'join' && object && args.length <= 1 && unwrap(object).type === AST_NODE_TYPES.ArrayExpression) {
    return evaluateArrayJoin(unwrap(object) as TSESTree.ArrayExpression, args, ctx, depth);
  }
  if ((name === 'join' || name === 'resolve') && (object ? isPathModule(object, ctx) : isPathFunction(node.callee, ctx))) {
    return evaluatePathCall(name, args, ctx, depth);
  }
  if (name === 'readFileSync' && args.length >= 1) return evaluateReadFileSync(args, ctx, depth);
  if (name === 'toString' && object && args.length <= 1) return evaluateToString(object, args, ctx, depth);
  return undefined;
}

type CallArguments = TSESTree.CallExpression['arguments'];

/** `base.repeat(count)`: the repeated text, or only its size when too long to keep. */
function evaluateRepeat(object: TSESTree.Node, countArg: TSESTree.Node, ctx: StaticContext, depth: number): StaticValue | undefined {
  const base = evaluate(object, ctx, depth + 1);
  const count = evaluate(countArg, ctx, depth + 1);
  const n = count?.text === undefined ? NaN : Number(count.text);
  if (!base || !Number.isInteger(n) || n < 0) return undefined;
  const bytes = base.bytes * n;
  if (base.text !== undefined && bytes <= MAX_TEXT) return fromText(base.text.repeat(n));
  return { bytes };
}

/** `JSON.stringify(value[, null[, indent]])` of a plain static value; a replacer other than `null` is not followed. */
function evaluateJsonStringify(args: CallArguments, ctx: StaticContext, depth: number): StaticValue | undefined {
  const value = toPlainValue(args[0]!, ctx, depth + 1);
  if (value === NOT_STATIC) return undefined;
  let indent: number | string | undefined;
  if (args.length >= 3) {
    const i = evaluate(args[2]!, ctx, depth + 1)?.text;
    if (i === undefined) return undefined;
    indent = /^\d+$/.test(i) ? Number(i) : i;
  }
  if (args.length >= 2 && !(unwrap(args[1]!).type === AST_NODE_TYPES.Literal && (unwrap(args[1]!) as TSESTree.Literal).value === null)) {
    return undefined;
  }
  const text = JSON.stringify(value, null, indent);
  return text === undefined ? undefined : fromText(text);
}

/** `[a, b].join(sep)`: every element static, no holes or spreads. */
function evaluateArrayJoin(
  array: TSESTree.ArrayExpression,
  args: CallArguments,
  ctx: StaticContext,
  depth: number,
): StaticValue | undefined {
  const sep = args.length === 1 ? evaluate(args[0]!, ctx, depth + 1) : fromText(',');
  if (!sep) return undefined;
  const parts: StaticValue[] = [];
  const elements = array.elements;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (!el || el.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const v = evaluate(el, ctx, depth + 1);
    if (!v) return undefined;
    if (i > 0) parts.push(sep);
    parts.push(v);
  }
  return concat(parts);
}

/** `path.join(...)` / `path.resolve(...)` (resolved against the file's directory). */
function evaluatePathCall(name: 'join' | 'resolve', args: CallArguments, ctx: StaticContext, depth: number): StaticValue | undefined {
  const parts: string[] = [];
  for (const arg of args) {
    const v = evaluatePath(arg, ctx, depth + 1);
    if (v === undefined) return undefined;
    parts.push(v);
  }
  return fromText(name === 'join' ? path.join(...parts) : path.resolve(ctx.dirname, ...parts));
}

/** `readFileSync(p[, encoding])`: the file's size, as text or as its base64 encoding. */
function evaluateReadFileSync(args: CallArguments, ctx: StaticContext, depth: number): StaticValue | undefined {
  const file = evaluatePath(args[0]!, ctx, depth + 1);
  if (file === undefined) return undefined;
  // readFileSync(p, 'base64') / readFileSync(p, { encoding: 'base64' }) returns the encoded text.
  const enc = args.length >= 2 ? readEncoding(args[1]!, ctx, depth) : 'utf8';
  if (enc === undefined) return undefined;
  const content = sizeFile(file, ctx);
  if (!content || /^utf-?8$/i.test(enc)) return content;
  return enc === 'base64' ? toBase64(content) : undefined;
}

/** `x.toString([encoding])` of a static value or a buffer source. */
function evaluateToString(object: TSESTree.Node, args: CallArguments, ctx: StaticContext, depth: number): StaticValue | undefined {
  // readFileSync(p).toString() / Buffer.from(x).toString('utf8'): same text.
  const enc = args.length === 1 ? evaluate(args[0]!, ctx, depth + 1)?.text : 'utf8';
  if (enc === undefined) return undefined;
  const source = evaluate(object, ctx, depth + 1) ?? bufferSource(object, ctx, depth);
  if (!source) return undefined;
  if (/^utf-?8$/i.test(enc)) return source;
  if (enc === 'base64') return toBase64(source);
  return undefined;
}

/** The base64 text of a value (its size only, when the text is not kept). */
function toBase64(source: StaticValue): StaticValue {
  const bytes = 4 * Math.ceil(source.bytes / 3);
  // A file's text was decoded as UTF-8 (lossy for binary files): keep only its encoded size.
  if (source.text !== undefined && source.file === undefined && bytes <= MAX_TEXT) {
    return fromText(Buffer.from(source.text).toString('base64'));
  }
  return { bytes, file: source.file };
}

/** The encoding argument of `readFileSync`: `'utf8'`, `{ encoding: 'base64' }`; undefined when unknown. */
function readEncoding(raw: TSESTree.Node, ctx: StaticContext, depth: number): string | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const prop = node.properties.find(
      (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'encoding',
    );
    if (node.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return prop ? evaluate(prop.value, ctx, depth + 1)?.text : 'utf8';
  }
  const value = evaluate(node, ctx, depth + 1);
  return value && !value.primitive ? value.text : undefined;
}

/**
 * A lower bound of the UTF-8 size of a string expression when only parts of it are known:
 * the known pieces of a template or `+` concatenation, the shorter branch of `a ? b : c`,
 * `.repeat(n)` of a partly known string. 0 when nothing is known.
 */
export function minimumBytes(raw: TSESTree.Node, ctx: StaticContext, depth = 0): number {
  if (depth > MAX_DEPTH) return 0;
  const known = evaluate(raw, ctx, depth);
  if (known) return known.primitive ? 0 : known.bytes;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      let bytes = 0;
      for (const q of node.quasis) bytes += Buffer.byteLength(q.value.cooked ?? '', 'utf8');
      for (const e of node.expressions) bytes += minimumBytes(e, ctx, depth + 1);
      return bytes;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return 0;
      // Only a known string side makes `+` a concatenation.
      const left = evaluate(node.left, ctx, depth + 1);
      const right = evaluate(node.right, ctx, depth + 1);
      const isConcat = (left && !left.primitive) || (right && !right.primitive) || isStringish(node.left) || isStringish(node.right);
      return isConcat ? minimumBytes(node.left, ctx, depth + 1) + minimumBytes(node.right, ctx, depth + 1) : 0;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return Math.min(minimumBytes(node.consequent, ctx, depth + 1), minimumBytes(node.alternate, ctx, depth + 1));
    case AST_NODE_TYPES.Identifier: {
      return throughConst(node, ctx, 0, (target) => minimumBytes(target, ctx, depth + 1));
    }
    case AST_NODE_TYPES.CallExpression: {
      const { object, name } = calleeName(node.callee);
      if (name === 'repeat' && object && node.arguments.length === 1) {
        const n = Number(evaluate(node.arguments[0]!, ctx, depth + 1)?.text);
        return Number.isInteger(n) && n >= 0 ? minimumBytes(object, ctx, depth + 1) * n : 0;
      }
      return 0;
    }
    default:
      return 0;
  }
}

/** A known piece of a string expression's text (see `staticPieces`). */
export interface StaticPiece {
  readonly text: string;
  /** The node that spells the piece: a string literal, a template's text part, or what a constant holds. */
  readonly node: TSESTree.Node;
  /** Does the string begin with this piece? */
  readonly atStart: boolean;
}

/**
 * The known pieces of a string expression, in order: the whole text when it is known, else the
 * text parts of a template and the known operands of a `+` concatenation (followed through
 * constants). Empty pieces, and numbers or booleans, are left out; `atStart` is true only for
 * a piece the string certainly begins with.
 */
export function staticPieces(raw: TSESTree.Node, ctx: StaticContext, atStart = true, depth = 0): StaticPiece[] {
  if (depth > MAX_DEPTH) return [];
  const node = unwrap(raw);
  const known = evaluate(node, ctx, depth);
  if (known) return known.primitive || !known.text ? [] : [{ text: known.text, node, atStart }];
  switch (node.type) {
    case AST_NODE_TYPES.TemplateLiteral: {
      const pieces: StaticPiece[] = [];
      let first = atStart;
      for (let i = 0; i < node.quasis.length; i++) {
        const quasi = node.quasis[i]!;
        const text = quasi.value.cooked ?? '';
        if (text !== '') pieces.push({ text, node: quasi, atStart: first });
        first = false;
        const expr = node.expressions[i];
        if (expr) pieces.push(...staticPieces(expr, ctx, false, depth + 1));
      }
      return pieces;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+' || !(isStringish(node.left) || isStringish(node.right))) return [];
      const left = staticPieces(node.left, ctx, atStart, depth + 1);
      // The right side is never taken to begin the string: the left side's text, known or not, may come first.
      return [...left, ...staticPieces(node.right, ctx, false, depth + 1)];
    }
    case AST_NODE_TYPES.Identifier:
      return throughConst(node, ctx, [], (target) => staticPieces(target, ctx, atStart, depth + 1));
    default:
      return [];
  }
}

function isStringish(raw: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return isStringish(node.left) || isStringish(node.right);
  }
  return node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string');
}

/**
 * Does the expression certainly produce base64 text? `x.toString('base64')` (Buffers, including
 * `Buffer.from(...)` and `readFileSync(...)`), `readFileSync(p, 'base64')`, `btoa(...)`, a
 * conditional whose branches all do, or a `const` holding one of these.
 */
export function producesBase64(raw: TSESTree.Node, ctx: Pick<StaticContext, 'resolveConst'>, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      return throughConst(node, ctx, false, (target) => producesBase64(target, ctx, depth + 1));
    }
    case AST_NODE_TYPES.AwaitExpression:
      return producesBase64(node.argument, ctx, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return producesBase64(node.consequent, ctx, depth + 1) && producesBase64(node.alternate, ctx, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const { name } = calleeName(node.callee);
      const args = node.arguments;
      const isBase64Arg = (arg: TSESTree.Node | undefined): boolean => {
        if (!arg) return false;
        const a = unwrap(arg);
        if (a.type === AST_NODE_TYPES.ObjectExpression) {
          const prop = a.properties.find(
            (p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'encoding',
          );
          return !!prop && isBase64Arg(prop.value);
        }
        if (a.type === AST_NODE_TYPES.Literal) return a.value === 'base64';
        if (a.type === AST_NODE_TYPES.TemplateLiteral) return a.expressions.length === 0 && a.quasis[0]?.value.cooked === 'base64';
        if (a.type === AST_NODE_TYPES.Identifier) {
          return depth < MAX_DEPTH && throughConst(a, ctx, false, isBase64Arg);
        }
        return false;
      };
      if (name === 'toString' && args.length === 1) return isBase64Arg(args[0]);
      if ((name === 'readFileSync' || name === 'readFile') && args.length === 2) return isBase64Arg(args[1]);
      if (name === 'btoa' && args.length === 1) return unwrap(node.callee).type === AST_NODE_TYPES.Identifier;
      return false;
    }
    default:
      return false;
  }
}

/** `Buffer.from(x)` / `Buffer.from(x, 'utf8')`: the bytes of x. */
function bufferSource(node: TSESTree.Node, ctx: StaticContext, depth: number): StaticValue | undefined {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { object, name } = calleeName(n.callee);
  if (name !== 'from' || !object || !isIdentifier(object, 'Buffer') || n.arguments.length < 1) return undefined;
  if (n.arguments.length === 2) {
    const enc = evaluate(n.arguments[1]!, ctx, depth + 1)?.text;
    if (!enc || !/^utf-?8$/i.test(enc)) return undefined;
  }
  return evaluate(n.arguments[0]!, ctx, depth + 1);
}

function isIdentifier(node: TSESTree.Node, name: string): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Identifier && n.name === name;
}

const PATH_MODULES = new Set(['path', 'node:path', 'path/posix', 'node:path/posix']);

/** `path`, however it is named when imported or required from the path module. */
function isPathModule(node: TSESTree.Node, ctx: StaticContext): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const origin = ctx.importOf?.(n);
  if (origin) return PATH_MODULES.has(origin.source) && origin.imported === '*';
  return n.name === 'path' || n.name === 'nodePath' || n.name === 'pathModule';
}

/** `join` / `resolve` imported by name: `import { join } from 'node:path'`. */
function isPathFunction(callee: TSESTree.Node, ctx: StaticContext): boolean {
  const n = unwrap(callee);
  if (n.type !== AST_NODE_TYPES.Identifier) return false;
  const origin = ctx.importOf?.(n);
  return !!origin && PATH_MODULES.has(origin.source) && (origin.imported === 'join' || origin.imported === 'resolve');
}

/** A file path: a static string, `new URL('./x', import.meta.url)`, or `fileURLToPath(...)` of one. */
function evaluatePath(raw: TSESTree.Node, ctx: StaticContext, depth: number): string | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.NewExpression && isIdentifier(node.callee, 'URL') && node.arguments.length === 2) {
    const base = unwrap(node.arguments[1]!);
    const isMetaUrl =
      base.type === AST_NODE_TYPES.MemberExpression &&
      base.object.type === AST_NODE_TYPES.MetaProperty &&
      memberName(base) === 'url';
    const rel = evaluate(node.arguments[0]!, ctx, depth + 1)?.text;
    return isMetaUrl && rel !== undefined ? path.resolve(ctx.dirname, rel) : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1) {
    const { name } = calleeName(node.callee);
    if (name === 'fileURLToPath') return evaluatePath(node.arguments[0]!, ctx, depth + 1);
  }
  const text = evaluate(node, ctx, depth + 1)?.text;
  if (text === undefined) return undefined;
  if (text.startsWith('file:')) {
    try {
      return fileURLToPath(text);
    } catch {
      return undefined;
    }
  }
  return text;
}

function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return !(relative.startsWith('..') || path.isAbsolute(relative));
}

const realRoots = new Map<string, string>();
function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync(root);
    } catch {
      real = root;
    }
    realRoots.set(root, real);
  }
  return real;
}

function sizeFile(file: string, ctx: StaticContext): StaticValue | undefined {
  // Relative paths are relative to the process cwd at run time; in Lambda that is the
  // task root, which is the handler's folder in most layouts.
  const absolute = path.resolve(ctx.dirname, file);
  if (!inside(ctx.root, absolute)) return undefined;
  // A symbolic link inside the project may lead anywhere: follow it only when it stays inside.
  let stats: Stats;
  try {
    if (!inside(realRoot(ctx.root), realpathSync(absolute))) return undefined;
    stats = statSync(absolute);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const shown = path.relative(ctx.root, absolute) || absolute;
  if (stats.size <= MAX_READ) {
    try {
      return { ...fromText(readFileSync(absolute, 'utf8')), bytes: stats.size, file: shown };
    } catch {
      return { bytes: stats.size, file: shown };
    }
  }
  return { bytes: stats.size, file: shown };
}

const NOT_STATIC = Symbol('not static');
type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

function toPlainValue(raw: TSESTree.Node, ctx: StaticContext, depth: number): Plain | typeof NOT_STATIC {
  if (depth > MAX_DEPTH) return NOT_STATIC;
  const node = unwrap(raw);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      if (node.value === null && !('regex' in node)) return null;
      if (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean') {
        return node.value;
      }
      return NOT_STATIC;
    case AST_NODE_TYPES.ArrayExpression: {
      const out: Plain[] = [];
      for (const el of node.elements) {
        if (!el || el.type === AST_NODE_TYPES.SpreadElement) return NOT_STATIC;
        const v = toPlainValue(el, ctx, depth + 1);
        if (v === NOT_STATIC) return NOT_STATIC;
        out.push(v);
      }
      return out;
    }
    case AST_NODE_TYPES.ObjectExpression: {
      const out: { [key: string]: Plain } = {};
      for (const prop of node.properties) {
        if (prop.type !== AST_NODE_TYPES.Property || prop.kind !== 'init' || prop.method) return NOT_STATIC;
        const key = propertyKeyName(prop);
        if (key === undefined) return NOT_STATIC;
        const v = toPlainValue(prop.value, ctx, depth + 1);
        if (v === NOT_STATIC) return NOT_STATIC;
        out[key] = v;
      }
      return out;
    }
    case AST_NODE_TYPES.Identifier: {
      return throughConst(node, ctx, NOT_STATIC, (target) => toPlainValue(target, ctx, depth + 1));
    }
    default: {
      const v = evaluate(node, ctx, depth + 1);
      return v?.text ?? NOT_STATIC;
    }
  }
}

/**
 * Why `text` is not base64 as CloudFront decodes it, or undefined when it is. The rule accepts
 * the standard alphabet (A–Z, a–z, 0–9, `+`, `/`) with `=` padding only at the end, and a length
 * that is a multiple of 4; ASCII whitespace (line breaks of wrapped base64) is ignored.
 */
export function base64Problem(text: string): string | undefined {
  const compact = text.replace(/[ \t\r\n]/g, '');
  const bad = /[^A-Za-z0-9+/=]/.exec(compact);
  if (bad) {
    const ch = bad[0];
    const shown = JSON.stringify(ch).slice(1, -1);
    return ch === '-' || ch === '_'
      ? `it contains '${ch}' from the URL-safe alphabet ('base64url'), which standard base64 does not use`
      : `it contains '${shown}', which is not a base64 character`;
  }
  const firstPad = compact.indexOf('=');
  if (firstPad >= 0 && (firstPad < compact.length - 2 || !/^=+$/.test(compact.slice(firstPad)))) {
    return "'=' padding appears before the end";
  }
  if (compact.length % 4 !== 0) {
    return `its length without whitespace (${compact.length}) is not a multiple of 4 (padding '=' missing or characters lost)`;
  }
  if (firstPad >= 0 && compact.length - firstPad > 2) return "it ends with more than two '='";
  return undefined;
}
