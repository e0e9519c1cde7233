import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type * as AST from '../../languages/hcl/ast.js';
import { childNodes } from '../../languages/hcl/ast.js';
import { parseHcl } from '../../languages/hcl/parser.js';

/**
 * The other `.tf` files of a Terraform module (all `.tf` files of one folder), read from disk
 * when one of them is linted, so that a function in lambda.tf, its role in iam.tf and the
 * distribution in cloudfront.tf are one model. Each file is parsed with the plugin's own HCL
 * parser, and kept until its modification time or size changes (an editor linting the folder
 * again sees the saved edits). A sibling that does not parse is left out: it gets its own
 * parse error when it is linted, and the linted file keeps every finding that does not need it.
 * Nothing is executed and nothing leaves the machine.
 */

export interface SiblingFile {
  path: string;
  text: string;
  /** The parsed file; undefined when it does not parse (parsed on first use). */
  ast(): AST.ConfigFile | undefined;
}

interface Entry {
  mtimeMs: number;
  size: number;
  text: string;
  /** null: does not parse; undefined: not parsed yet. */
  ast?: AST.ConfigFile | null;
}

/** Larger files are not read: no hand-written module is this big, and a generated one is not worth the time. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** A folder with more `.tf` files than this is not read as one module (a dump, not a module). */
const MAX_FILES = 500;

/** Files kept parsed at most. */
const MAX_CACHED = 5000;
const cache = new Map<string, Entry>();

/**
 * The text of every node of a sibling file, by node: a node not in this map is one of the
 * linted file's (the linted file comes from ESLint's own parse, never from this cache).
 */
const siblingText = new WeakMap<object, string>();

/** Whether `node` was read from another file of the module than the one being linted. */
export function isSiblingNode(node: object): boolean {
  return siblingText.has(node);
}

/** The source text a node of the module belongs to: its sibling file's, else the linted file's. */
export function textOfNode(node: object, lintedText: string): string {
  return siblingText.get(node) ?? lintedText;
}

/** Marks a node made by the reader (a bare map key read as a string) as belonging where `like` does. */
export function sameFileAs(node: object, like: object): void {
  const text = siblingText.get(like);
  if (text !== undefined) siblingText.set(node, text);
}

/**
 * Terraform's override files (`override.tf`, `*_override.tf`) are merged into the resources
 * they override, not read as more resources: left out.
 */
function isOverride(name: string): boolean {
  return name === 'override.tf' || name.endsWith('_override.tf');
}

/**
 * The other `.tf` files of the linted file's folder, in name order (the order Terraform
 * loads them). None for a file that is not a real `.tf` path (`<input>`, stdin, a `.hcl` file).
 */
export function siblingFiles(filename: string | undefined): SiblingFile[] {
  if (!filename || filename.startsWith('<') || !filename.endsWith('.tf')) return [];
  const linted = resolve(filename);
  if (isOverride(basename(linted))) return [];
  const dir = dirname(linted);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  names = names.filter((name) => name.endsWith('.tf') && !isOverride(name)).sort();
  if (names.length > MAX_FILES) return [];
  const files: SiblingFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (path === linted) continue;
    const entry = load(path);
    if (!entry) continue;
    files.push({ path, text: entry.text, ast: () => parsed(entry) });
  }
  return files;
}

function load(path: string): Entry | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    cache.delete(path);
    return undefined;
  }
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES) {
    cache.delete(path);
    return undefined;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    cache.delete(path);
    return undefined;
  }
  const entry: Entry = { mtimeMs: stat.mtimeMs, size: stat.size, text };
  // A long editor session over many folders: start again rather than grow without bound.
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(path, entry);
  return entry;
}

function parsed(entry: Entry): AST.ConfigFile | undefined {
  if (entry.ast === undefined) {
    let result: ReturnType<typeof parseHcl> | undefined;
    try {
      result = parseHcl(entry.text);
    } catch {
      // parseHcl reports syntax errors itself; anything else leaves the file out, never the lint.
      result = undefined;
    }
    entry.ast = result?.ok ? result.ast : null;
    if (result?.ok) markNodes(result.ast, entry.text);
  }
  return entry.ast ?? undefined;
}

function markNodes(root: AST.ConfigFile, text: string): void {
  const stack: AST.HclNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    siblingText.set(node, text);
    stack.push(...childNodes(node));
  }
}
