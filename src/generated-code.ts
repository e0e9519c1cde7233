// Generated code: tells a bundle or a minified file apart from code the user wrote, so that the
// rules do not report third-party code rolled into a bundle (issue 13: 164 of the 179 false
// findings on real npm packages were there).
//
// Standalone on purpose: no import from the analysis or the model. The rule gate calls
// `generatedCodeOf(context.sourceCode)` once per file:
//   - `whole` set: the file is generated and its parts cannot be told apart: no listeners;
//   - `foreign` ranges: sections marked as coming from node_modules: drop reports inside them.
//
// Cost on an ordinary file: one regex test for bundler signatures and one linear scan of the text
// for a line longer than MIN_LONG_LINE characters; the token count runs only on such lines.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type GeneratedWhole = false | 'minified' | 'bundle';

export interface GeneratedCode {
  /** The whole file is generated: `minified`, or a `bundle` whose third-party parts are unmarked. */
  whole: GeneratedWhole;
  /** Why `whole` is set, or why ranges are foreign (for debugging and docs). */
  why?: string;
  /** Half-open [start, end) text offsets of bundled third-party sections; empty when `whole` is set. */
  foreign: Array<[number, number]>;
}

/** The part of ESLint's SourceCode this module reads. */
export interface SourceLike {
  text: string;
  ast: TSESTree.Program;
}

const NONE: GeneratedCode = Object.freeze({ whole: false, foreign: [] as Array<[number, number]> }) as GeneratedCode;

const cache = new WeakMap<object, GeneratedCode>();
/** The last file's answer: every gated rule asks, one file after another. */
let lastAst: object | undefined;
let lastResult: GeneratedCode = NONE;

// --- thresholds, measured (see docs/real-code.md "Bundles") -------------------------------------
/** A line shorter than this is never looked at for minification. */
const MIN_LONG_LINE = 120;
/** A packed line holds at least this many tokens... */
const PACKED_MIN_TOKENS = 40;
/** ...and at most this share of its adjacent token pairs are separated by whitespace. */
const PACKED_MAX_SPACED = 0.15;
/** The file is minified when packed lines hold at least this share of all its tokens. */
const MINIFIED_SHARE = 0.5;

// One test on every file: any bundler signature at all. Matched names are refined below.
const ANY_SIGNATURE =
  /__webpack_require__|__webpack_modules__|__nccwpck_require__|\bcreateCommonjsModule\b|\bcommonjsGlobal\b|\bgetDefaultExportFromCjs\b|\bgetAugmentedNamespace\b|\b__commonJS\b|\b__toESM\b|\$parcel\$|\bparcelRequire\b|^[ \t]*\/\/ (?:\.\.\/)*node_modules\//m;

/**
 * Every alternative of ANY_SIGNATURE contains one of these substrings (`__` for the webpack, ncc
 * and esbuild names, `Commo`/`Globa`/`Cjs`/`Augmen` for rollup's `createCommonjsModule`,
 * `commonjsGlobal`, `getDefaultExportFromCjs` and `getAugmentedNamespace`, `$parc`/`Requir` for
 * parcel's `$parcel$` and `parcelRequire`, `_modul` for `node_modules/`): a few plain searches
 * rule most files out before the regex scans them. Each is short and starts with a character
 * that is rare in code, which V8 finds fastest (src/text-search.ts).
 */
const SIGNATURE_PARTS = ['__', 'Commo', 'Globa', 'Cjs', 'Augmen', '$parc', 'Requir', '_modul'];
function mayHaveSignature(text: string): boolean {
  for (const part of SIGNATURE_PARTS) if (text.includes(part)) return true;
  return false;
}

// Bundlers that never mark where a module starts: their helpers prove unmarked third-party code.
const UNMARKED_HELPERS: Array<[RegExp, string]> = [
  // Declared in the chunk, or called from another chunk of the same build (`chunk.createCommonjsModule(function …`).
  [/\bfunction (?:createCommonjsModule|getDefaultExportFromCjs|getAugmentedNamespace)\s*\(|\b(?:var|let|const) commonjsGlobal\s*=|\bcreateCommonjsModule\s*\(\s*(?:function\b|\()|\.(?:getDefaultExportFromCjs|commonjsGlobal)\b/g, 'rollup commonjs helpers'],
  [/\b__nccwpck_require__\b/g, 'ncc runtime (__nccwpck_require__)'],
  [/\$parcel\$(?:interopDefault|export|exportWildcard)\b|\bparcelRequire\b/g, 'parcel runtime'],
];
// Bundlers whose runtime alone does not say where modules are: a bundle only if nothing is marked.
const MARKABLE_HELPERS: Array<[RegExp, string]> = [
  [/\b(?:var|let|const) (?:__commonJS|__toESM)\s*=/, 'esbuild helpers (__commonJS/__toESM)'],
  [/\b__webpack_require__\b|\b__webpack_modules__\b/, 'webpack runtime (__webpack_require__)'],
];

// esbuild's section comment: `// node_modules/pkg/file.js`, `// ../../node_modules/...`, `// src/a.ts`.
const ESBUILD_SECTION = /^ (?:<stdin>|(?!\S*:\/\/)[^\s./]*[./]\S*)$/;
const NODE_MODULES_PATH = /(?:^|\/)node_modules\//;
// webpack's module-table key when modules are named: `./src/a.js`, `./node_modules/x/y.js`, `node_modules/...`.
const WEBPACK_PATH_KEY = /^(?:\.{1,2}\/|[\w@.+-]+\/)[^\s]*$/;

/**
 * What of this file is generated. Memoised per AST (one answer per linted file and parse).
 * Never throws: anything unexpected gives "not generated".
 */
export function generatedCodeOf(source: SourceLike): GeneratedCode {
  const ast = source.ast;
  if (ast === lastAst) return lastResult;
  let result = cache.get(ast);
  if (!result) {
    try {
      result = classify(source.text, ast);
    } catch {
      result = NONE;
    }
    cache.set(ast, result);
  }
  lastAst = ast;
  lastResult = result;
  return result;
}

/** True when [start, end) lies inside one of the foreign ranges. */
export function isForeign(generated: GeneratedCode, start: number, end: number = start): boolean {
  for (const [from, to] of generated.foreign) if (start >= from && end <= to) return true;
  return false;
}

/**
 * The rule context to hand to a rule's `create` in a file with foreign sections: the same context
 * whose `report` drops a report lying wholly inside a foreign range (by its `loc` when given,
 * else its node). Returns `context` itself when nothing is foreign.
 */
export function withoutForeignReports<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  generated: GeneratedCode,
): Readonly<TSESLint.RuleContext<MessageIds, Options>> {
  if (generated.foreign.length === 0) return context;
  const sourceCode = context.sourceCode;
  const report = (descriptor: TSESLint.ReportDescriptor<MessageIds>): void => {
    let start: number;
    let end: number;
    const loc = descriptor.loc;
    if (loc) {
      const from = 'start' in loc ? loc.start : loc;
      start = sourceCode.getIndexFromLoc(from);
      end = 'end' in loc ? sourceCode.getIndexFromLoc(loc.end) : start;
    } else {
      [start, end] = (descriptor as { node: TSESTree.Node | TSESTree.Token }).node.range;
    }
    if (isForeign(generated, start, end)) return;
    context.report(descriptor);
  };
  // ESLint freezes the context: inherit everything from it and override `report` only.
  return Object.freeze(Object.create(context, { report: { value: report, enumerable: true } })) as Readonly<
    TSESLint.RuleContext<MessageIds, Options>
  >;
}

// rollup's output shapes when no CommonJS helper is needed (a bundle of ES modules): its interop
// helpers for external imports, and the `name$1` renames it gives top-level names that collide
// when modules are merged into one scope.
const ROLLUP_INTEROP = /\bfunction _interop(?:DefaultLegacy|DefaultCompat|Namespace|NamespaceDefault|NamespaceCompat)\s*\(/;
const ROLLUP_RENAMED = /^[A-Za-z_$][\w$]*\$\d+$/;
/** This many distinct renamed top-level names make a merged bundle (hand-written code has none). */
const ROLLUP_MIN_RENAMED = 3;

function classify(text: string, ast: TSESTree.Program): GeneratedCode {
  const minified = minifiedWhy(text, ast);
  if (minified) return { whole: 'minified', why: minified, foreign: [] };
  if (!mayHaveSignature(text) || !ANY_SIGNATURE.test(text)) return unmarkedWhy(text, ast);

  const foreign: Array<[number, number]> = [];
  const marks: string[] = [];
  const esbuild = esbuildSections(text, ast);
  if (esbuild) {
    marks.push('esbuild section comments');
    foreign.push(...esbuild);
  }
  if (/__webpack_require__|__webpack_modules__|__nccwpck_require__/.test(text)) {
    const table = webpackPathEntries(ast);
    if (table) {
      marks.push('webpack module table keyed by path');
      foreign.push(...table);
    }
  }
  foreign.sort((a, b) => a[0] - b[0]);

  // Helpers of a bundler that never marks modules, outside any marked foreign section: some
  // third-party code sits where nothing tells it apart.
  for (const [pattern, why] of UNMARKED_HELPERS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (!isForeignRange(foreign, m.index)) return { whole: 'bundle', why, foreign: [] };
    }
  }
  if (marks.length > 0) return { whole: false, why: marks.join('; '), foreign };
  for (const [pattern, why] of MARKABLE_HELPERS) {
    if (pattern.test(text)) return { whole: 'bundle', why: `${why} with no module markers`, foreign: [] };
  }
  return unmarkedWhy(text, ast);
}

/** Bundles known by their shape alone, when no signature marks them: rollup's, and esbuild's with its names minified. */
function unmarkedWhy(text: string, ast: TSESTree.Program): GeneratedCode {
  return rollupWhy(text, ast) ?? esbuildPreludeWhy(ast) ?? NONE;
}

/**
 * A rollup bundle that needed none of its CommonJS helpers: it declares rollup's interop helper
 * (`function _interopDefaultLegacy (e) { … }`, written for every external `require`), or it has
 * at least ROLLUP_MIN_RENAMED distinct top-level names renamed `name$1`, `name$2` (what rollup
 * does when it merges modules that declare the same name). Rollup never marks where a module
 * starts, so the whole file is taken as generated.
 */
/**
 * What esbuild writes at the top of a bundle that holds CommonJS modules, whatever its names:
 * `var __create = Object.create; var __defProp = Object.defineProperty; …` (with `--minify`,
 * then reformatted: `var dt = Object.create; var I = Object.defineProperty; …`). The members it
 * takes of `Object`, `Object.prototype.hasOwnProperty` counted as `hasOwnProperty`.
 */
const ESBUILD_RUNTIME_MEMBERS: ReadonlySet<string> = new Set(['create', 'defineProperty', 'getOwnPropertyDescriptor', 'getOwnPropertyNames', 'getPrototypeOf', 'hasOwnProperty']);
/** How many of those a prelude names before it is taken for esbuild's (hand-written code takes one or two). */
const ESBUILD_RUNTIME_MIN = 4;
/** The top-level statements looked at: the prelude comes first, after a banner of a few lines. */
const ESBUILD_PRELUDE_STATEMENTS = 12;

/**
 * A bundle esbuild wrote with its section comments stripped (`--minify`, or `--legal-comments`
 * and a formatter afterwards): top-level variables set, each to one of the members of `Object`
 * its CommonJS interop runtime uses, at least ESBUILD_RUNTIME_MIN distinct ones among the
 * first statements. Nothing marks where a module starts, so the whole file is generated.
 */
function esbuildPreludeWhy(ast: TSESTree.Program): GeneratedCode | undefined {
  const taken = new Set<string>();
  const body = ast.body;
  for (let i = 0; i < body.length && i < ESBUILD_PRELUDE_STATEMENTS; i++) {
    const statement = body[i]!;
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) {
      const member = objectRuntimeMember(declarator.init);
      if (member) taken.add(member);
    }
  }
  if (taken.size < ESBUILD_RUNTIME_MIN) return undefined;
  return { whole: 'bundle', why: `esbuild runtime prelude (${taken.size} members of Object) with no module markers`, foreign: [] };
}

/** `Object.create`, `Object.prototype.hasOwnProperty`: the member's name when it is one of esbuild's. */
function objectRuntimeMember(init: TSESTree.Expression | null): string | undefined {
  if (init?.type !== 'MemberExpression' || init.computed || init.property.type !== 'Identifier') return undefined;
  const name = init.property.name;
  if (!ESBUILD_RUNTIME_MEMBERS.has(name)) return undefined;
  let owner = init.object;
  if (name === 'hasOwnProperty') {
    if (owner.type !== 'MemberExpression' || owner.computed || owner.property.type !== 'Identifier' || owner.property.name !== 'prototype') return undefined;
    owner = owner.object;
  }
  return owner.type === 'Identifier' && owner.name === 'Object' ? name : undefined;
}

function rollupWhy(text: string, ast: TSESTree.Program): GeneratedCode | undefined {
  if (text.includes('_interop') && ROLLUP_INTEROP.test(text)) return { whole: 'bundle', why: 'rollup interop helpers (_interopDefaultLegacy/_interopNamespace)', foreign: [] };
  if (!text.includes('$')) return undefined;
  const renamed = new Set<string>();
  const note = (id: TSESTree.Node | null | undefined) => {
    if (id?.type === 'Identifier' && id.name.includes('$') && ROLLUP_RENAMED.test(id.name)) renamed.add(id.name);
  };
  for (const raw of ast.body) {
    const statement =
      (raw.type === 'ExportNamedDeclaration' || raw.type === 'ExportDefaultDeclaration') && raw.declaration ? raw.declaration : raw;
    if (statement.type === 'VariableDeclaration') for (const d of statement.declarations) note(d.id);
    else if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') note(statement.id);
  }
  if (renamed.size < ROLLUP_MIN_RENAMED) return undefined;
  return { whole: 'bundle', why: `rollup renamed ${renamed.size} top-level names (name$1)`, foreign: [] };
}

function isForeignRange(foreign: Array<[number, number]>, at: number): boolean {
  for (const [from, to] of foreign) if (at >= from && at < to) return true;
  return false;
}

/** esbuild's `// path` section comments: each section runs to the next one (or the end of the file). */
function esbuildSections(text: string, ast: TSESTree.Program): Array<[number, number]> | undefined {
  if (!/^[ \t]*\/\/ (?:\.\.\/)*node_modules\//m.test(text)) return undefined;
  const comments = ast.comments ?? [];
  const starts: Array<{ at: number; foreign: boolean; indent: string }> = [];
  for (const comment of comments) {
    if (comment.type !== 'Line' || !ESBUILD_SECTION.test(comment.value)) continue;
    const lineStart = text.lastIndexOf('\n', comment.range[0] - 1) + 1;
    const indent = text.slice(lineStart, comment.range[0]);
    if (!/^[ \t]*$/.test(indent)) continue; // a trailing comment after code is not a section
    starts.push({ at: comment.range[0], foreign: NODE_MODULES_PATH.test(comment.value.slice(1)), indent });
  }
  const foreignStarts = starts.filter((s) => s.foreign);
  if (foreignStarts.length === 0) return undefined;
  // esbuild writes every section comment at the same depth (0, or 2 inside an IIFE): a path-like
  // comment at another depth is an ordinary comment inside some module, not a section boundary.
  const depth = foreignStarts[0]!.indent;
  const sections = starts.filter((s) => s.indent === depth);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    if (!section.foreign) continue;
    const end = i + 1 < sections.length ? sections[i + 1]!.at : text.length;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === section.at) last[1] = end;
    else ranges.push([section.at, end]);
  }
  return ranges;
}

/**
 * webpack (and ncc) module tables whose keys are paths: `{ "./node_modules/x/y.js": (module) => {…} }`.
 * Returns the node_modules entries' ranges, or undefined when no table is keyed by path.
 */
function webpackPathEntries(ast: TSESTree.Program): Array<[number, number]> | undefined {
  let keyed = false;
  const ranges: Array<[number, number]> = [];
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'ObjectExpression') {
      for (const prop of node.properties as TSESTree.ObjectLiteralElement[]) {
        if (prop.type !== 'Property' || prop.key.type !== 'Literal' || typeof prop.key.value !== 'string') continue;
        const value = prop.value;
        if (value.type !== 'FunctionExpression' && value.type !== 'ArrowFunctionExpression') continue;
        if (!WEBPACK_PATH_KEY.test(prop.key.value)) continue;
        keyed = true;
        if (NODE_MODULES_PATH.test(prop.key.value)) ranges.push([prop.range[0], prop.range[1]]);
      }
    }
    for (const key in node) {
      if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object') stack.push(c);
      } else if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') {
        stack.push(child);
      }
    }
  }
  return keyed ? ranges : undefined;
}

/**
 * Minified: "packed" lines (many tokens, almost no whitespace between them) hold most of the file's
 * tokens. Strings, templates and regexes count as one token each, so a long data line (base64, a
 * source map) is never packed; a packed line among much hand-written code is not enough either.
 */
function minifiedWhy(text: string, ast: TSESTree.Program): string | undefined {
  const tokens = ast.tokens;
  if (!tokens || tokens.length < PACKED_MIN_TOKENS) return undefined;
  const long = longLines(text, MIN_LONG_LINE);
  if (long.length === 0) return undefined;
  let packed = 0;
  let lines = 0;
  for (const [start, end] of long) {
    let i = firstTokenAtOrAfter(tokens, start);
    let count = 0;
    let spaced = 0;
    let previousEnd = -1;
    for (; i < tokens.length && tokens[i]!.range[0] < end; i++) {
      const token = tokens[i]!;
      if (previousEnd >= 0 && token.range[0] > previousEnd) spaced++;
      previousEnd = token.range[1];
      count++;
    }
    if (count >= PACKED_MIN_TOKENS && spaced / (count - 1) <= PACKED_MAX_SPACED) {
      packed += count;
      lines++;
    }
  }
  if (packed === 0 || packed / tokens.length < MINIFIED_SHARE) return undefined;
  return `${lines} packed line(s) hold ${Math.round((100 * packed) / tokens.length)}% of the tokens`;
}

/**
 * The lines (split at `\n`) of `min` characters or more, as [start, end) ranges. A loop over
 * `indexOf('\n')`, which V8 runs as a fast byte search: on the handler corpus 2.5 µs a file,
 * against 30 µs for a multiline regex and 4.3 µs for a scan that jumps `min` characters ahead
 * with `lastIndexOf`.
 */
export function longLines(text: string, min: number): Array<[number, number]> {
  const long: Array<[number, number]> = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start >= min) long.push([start, end]);
    start = end + 1;
  }
  return long;
}

function firstTokenAtOrAfter(tokens: TSESTree.Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.range[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
