// Build-time replacements of `process.env.X`: the names a project's bundler configuration
// replaces with constants (esbuild `define`, webpack `DefinePlugin` / `EnvironmentPlugin`,
// rollup's replace plugin, Vite's and tsup's `define`, a gulpfile's or build script's text
// replacement of `'process.env.X'`). Such a read never reaches the
// environment at the edge: it is the form no-env-vars itself recommends.
//
// Read as data, never run: the configuration files are parsed (TypeScript's parser, loaded
// lazily and only when such a file exists) and their object literals are looked at.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ts as TsNamespace } from 'ts-morph';
import { folderMtime, recheckClock, recheckDue } from './infra/context.js';
import { loadCompiler } from './infra/lazy.js';

/** Bundler configuration files and build scripts, by name. */
const CONFIG_FILE = /^(?:webpack|esbuild|rollup|vite|tsup|build|[Gg]ulpfile)(?:[.-]\w+)*\.[cm]?[jt]s$/;
/** Folders beside a configuration that hold build scripts. */
const SCRIPT_DIRS = ['scripts', 'build', 'tools'];
const MAX_BYTES = 512 * 1024;
/** The text must mention one of these for the file to be parsed at all. */
const MENTIONS = /process\.env|EnvironmentPlugin|dotenv-webpack/;
const KEY = /^process\.env\.([A-Za-z_$][\w$]*)$/;
/**
 * In a set of define names: every variable of the build's environment is defined
 * (`for (const k in process.env) define[\`process.env.${k}\`] = JSON.stringify(process.env[k])`).
 */
export const EVERY_VARIABLE = '*';

const byFile = new Map<string, { mtime: number; names: readonly string[] }>();
/**
 * Per folder: its configuration files, the folder's mtime when listed, and when that mtime was
 * last found unchanged. Once per recheck interval the mtime is compared (a file added, removed
 * or renamed changes it) and a changed folder is listed again.
 */
const byDir = new Map<string, { files: string[]; mtime: number; checkedAt: number }>();

/**
 * The names `process.env.X` that a configuration file's text defines: object keys
 * `'process.env.X'` (esbuild, rollup replace, Vite, tsup, CDK `bundling.define`, webpack
 * `DefinePlugin`), the keys of a `'process.env': { X: … }` object (webpack `DefinePlugin`), and
 * the names given to webpack's `EnvironmentPlugin` (`['X']` or `{ X: default }`).
 */
export function defineNamesIn(path: string, text: string): string[] {
  if (!MENTIONS.test(text)) return [];
  const { ts, parse } = loadCompiler();
  const names = new Set<string>();
  const keyText = (name: TsNamespace.PropertyName): string | undefined =>
    ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isIdentifier(name) ? name.text : undefined;
  const visit = (node: TsNamespace.Node): void => {
    if (ts.isPropertyAssignment(node)) {
      const key = keyText(node.name);
      const m = key ? KEY.exec(key) : null;
      if (m) names.add(m[1]!);
      if (key === 'process.env' && ts.isObjectLiteralExpression(node.initializer)) {
        for (const prop of node.initializer.properties) {
          const inner = prop.name ? keyText(prop.name) : undefined;
          if (inner && (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop))) names.add(inner);
        }
      }
    } else if (ts.isCallExpression(node) && REPLACE_CALL.test(node.expression.getText())) {
      const name = replacedName(ts, node.arguments[0]);
      if (name) names.add(name);
    } else if (definesByComputedName(ts, node)) {
      names.add(EVERY_VARIABLE);
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && /(?:^|\.)EnvironmentPlugin$/.test(node.expression.getText())) {
      const arg = node.arguments?.[0];
      if (arg && ts.isArrayLiteralExpression(arg)) {
        for (const e of arg.elements) if (ts.isStringLiteral(e)) names.add(e.text);
      } else if (arg && ts.isObjectLiteralExpression(arg)) {
        for (const prop of arg.properties) {
          const key = prop.name ? keyText(prop.name) : undefined;
          if (key) names.add(key);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  try {
    const source = parse(path, text);
    visit(source);
    if (text.includes('dotenv-webpack') && usesDotenvWebpack(ts, source)) names.add(EVERY_VARIABLE);
  } catch {
    return [];
  }
  return [...names];
}

/**
 * `new Dotenv()` with `Dotenv` from `require('dotenv-webpack')` or `import Dotenv from
 * 'dotenv-webpack'` (or `new (require('dotenv-webpack'))()`): the plugin replaces every
 * `process.env.X` the bundle reads with its value from `.env` at build time.
 */
function usesDotenvWebpack(ts: typeof TsNamespace, source: TsNamespace.SourceFile): boolean {
  const isModule = (node: TsNamespace.Node | undefined): boolean =>
    node !== undefined && ts.isStringLiteral(node) && node.text === 'dotenv-webpack';
  const isRequire = (node: TsNamespace.Node): boolean => {
    const inner = ts.isParenthesizedExpression(node) ? node.expression : node;
    return ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'require' && isModule(inner.arguments[0]);
  };
  const locals = new Set<string>();
  let found = false;
  const visit = (node: TsNamespace.Node): void => {
    if (found) return;
    if (ts.isImportDeclaration(node) && isModule(node.moduleSpecifier) && node.importClause?.name) locals.add(node.importClause.name.text);
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isRequire(node.initializer)) locals.add(node.name.text);
    else if (ts.isNewExpression(node) && (isRequire(node.expression) || (ts.isIdentifier(node.expression) && locals.has(node.expression.text)))) found = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `replace(…)`, `gulpReplace(…)`, `text.replaceAll(…)`: a text replacement of the build (gulp-replace, replace-in-file, a script's own). */
const REPLACE_CALL = /(?:^|\.)(?:\w*[Rr]eplace|replaceAll)$/;
/** The source of a regex that matches `process.env.X` as written: `/process\.env\.X/g`. */
const REGEX_KEY = /^process\\\.env\\\.([A-Za-z_$][\w$]*)(?:\\b)?$/;

/**
 * The `X` of a text replacement's search argument: `'process.env.X'` or `/process\.env\.X/g`
 * (gulp-replace over the handler before it is zipped, or a build script's `text.replace(…)`).
 */
function replacedName(ts: typeof TsNamespace, search: TsNamespace.Expression | undefined): string | undefined {
  if (!search) return undefined;
  if (ts.isStringLiteral(search) || ts.isNoSubstitutionTemplateLiteral(search)) return KEY.exec(search.text)?.[1];
  if (ts.isRegularExpressionLiteral(search)) {
    const body = search.text.slice(1, search.text.lastIndexOf('/'));
    return REGEX_KEY.exec(body)?.[1];
  }
  return undefined;
}

/** `x[\`process.env.${name}\`] = …` or `x['process.env.' + name] = …`: a define for names known only at build time. */
function definesByComputedName(ts: typeof TsNamespace, node: TsNamespace.Node): boolean {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isElementAccessExpression(node.left)) return false;
  const key = node.left.argumentExpression;
  if (ts.isTemplateExpression(key)) return key.head.text === 'process.env.';
  return ts.isBinaryExpression(key) && key.operatorToken.kind === ts.SyntaxKind.PlusToken && ts.isStringLiteral(key.left) && key.left.text === 'process.env.';
}

function configFilesIn(dir: string, now: number): string[] {
  const hit = byDir.get(dir);
  if (hit && !recheckDue(hit.checkedAt, now)) return hit.files;
  const mtime = folderMtime(dir);
  if (hit && hit.mtime === mtime) {
    hit.checkedAt = now;
    return hit.files;
  }
  const files: string[] = [];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && CONFIG_FILE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) files.push(join(dir, entry.name));
    }
  } catch {
    // not a readable folder
  }
  if (byDir.size > 2000) byDir.clear();
  byDir.set(dir, { files, mtime, checkedAt: now });
  return files;
}

function namesOfFile(file: string): readonly string[] {
  let mtime: number;
  try {
    const stat = statSync(file);
    if (stat.size > MAX_BYTES) return [];
    mtime = stat.mtimeMs;
  } catch {
    return [];
  }
  const hit = byFile.get(file);
  if (hit && hit.mtime === mtime) return hit.names;
  let names: readonly string[] = [];
  try {
    names = defineNamesIn(file, readFileSync(file, 'utf8'));
  } catch {
    names = [];
  }
  byFile.set(file, { mtime, names });
  return names;
}

/**
 * The names the build configuration of the linted file's project defines: configuration files
 * in the file's folder and every folder above it up to `cwd` (a monorepo package's own config,
 * then the repository's), and in their `scripts/`, `build/` and `tools/` folders. Outside `cwd`
 * nothing is read.
 */
export function projectDefines(cwd: string, filename: string): ReadonlySet<string> {
  const root = resolve(cwd);
  const names = new Set<string>();
  let dir = dirname(resolve(filename));
  const rel = relative(root, dir);
  if (rel.startsWith('..') || rel.split(sep)[0] === '..') return names;
  const now = recheckClock();
  for (let depth = 0; depth < 12; depth++) {
    for (const file of configFilesIn(dir, now)) for (const n of namesOfFile(file)) names.add(n);
    for (const sub of SCRIPT_DIRS) for (const file of configFilesIn(join(dir, sub), now)) for (const n of namesOfFile(file)) names.add(n);
    if (dir === root) break;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return names;
}

/** Forgets what was read, so the next call lists and reads again at once (tests). */
export function clearBuildDefines(): void {
  byFile.clear();
  byDir.clear();
}
