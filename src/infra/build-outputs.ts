/**
 * Build outputs named in `package.json` scripts: a function whose code folder is the output of
 * a bundler the project runs before deploying (`esbuild lib/auth.ts --bundle
 * --outfile=lib/auth-lambda/index.js`, `ncc build src/edge/index.ts -o src/edge/dist`) is
 * bound to the entry the bundle is built from, so its handler is linted with its event types
 * before anything is built. Only the scripts are read, never run.
 *
 * Followed: `esbuild <entry> … --outfile=<file>` (or `--outfile <file>`), `esbuild <entry>
 * --outdir=<dir>` (one entry: `<dir>/<entry name>.js`), and `ncc build <entry> -o|--out <dir>`
 * (`<dir>/index.js`), also behind `npx`, in any script of a `package.json` between the output's
 * folder and the discovery's root, with paths relative to that `package.json`'s folder (where
 * npm runs its scripts). Not followed: bundler configuration files, other bundlers, shell
 * variables in paths.
 */
import { dirname, extname, join, resolve } from 'node:path';
import { readText } from './context.js';

/** Output file → entry file, for one `package.json`. */
export type BuildOutputs = Map<string, string>;

/** The words of one command of a script (split at `&&`, `||`, `;`, `|`), quotes removed. */
function commands(script: string): string[][] {
  return script
    .split(/&&|\|\||[;|]/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/^(['"])(.*)\1$/, '$2')));
}

/** The value of `--name=value` or `--name value` (any of `names`) in `words`. */
function option(words: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    for (const name of names) {
      if (word.startsWith(`${name}=`)) return word.slice(name.length + 1);
      if (word === name && words[i + 1] && !words[i + 1]!.startsWith('-')) return words[i + 1];
    }
  }
  return undefined;
}

/** The arguments that are not options nor the values of `valued` options. */
function positional(words: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (valued.includes(word)) i++;
    else if (!word.startsWith('-')) out.push(word);
  }
  return out;
}

const SOURCE = /\.[cm]?[jt]sx?$/;

/** What one command builds: [output file, entry file], relative to `dir`. */
function buildOf(words: readonly string[], dir: string): [string, string] | undefined {
  const at = words[0] === 'npx' ? 1 : 0;
  const tool = words[at];
  if (tool === 'esbuild') {
    const rest = words.slice(at + 1);
    const entries = positional(rest, ['--outfile', '--outdir']).filter((word) => SOURCE.test(word));
    if (entries.length !== 1) return undefined;
    const entry = resolve(dir, entries[0]!);
    const outfile = option(rest, ['--outfile']);
    if (outfile) return [resolve(dir, outfile), entry];
    const outdir = option(rest, ['--outdir']);
    if (!outdir) return undefined;
    const name = entries[0]!.split(/[\\/]/).at(-1)!;
    return [resolve(dir, outdir, `${name.slice(0, -extname(name).length)}.js`), entry];
  }
  if (tool === 'ncc' && words[at + 1] === 'build') {
    const rest = words.slice(at + 2);
    const entries = positional(rest, ['-o', '--out']).filter((word) => SOURCE.test(word));
    const out = option(rest, ['-o', '--out']);
    if (entries.length !== 1 || !out) return undefined;
    return [resolve(dir, out, 'index.js'), resolve(dir, entries[0]!)];
  }
  return undefined;
}

function outputsOf(manifest: string, cache: Map<string, BuildOutputs>): BuildOutputs {
  let outputs = cache.get(manifest);
  if (outputs) return outputs;
  outputs = new Map();
  const read = readText(manifest, ['esbuild', 'ncc']);
  if ('text' in read && read.text !== undefined) {
    let scripts: unknown;
    try {
      scripts = (JSON.parse(read.text) as { scripts?: unknown }).scripts;
    } catch {
      scripts = undefined;
    }
    if (scripts && typeof scripts === 'object') {
      for (const script of Object.values(scripts)) {
        if (typeof script !== 'string') continue;
        for (const words of commands(script)) {
          const built = buildOf(words, dirname(manifest));
          if (built) outputs.set(built[0], built[1]);
        }
      }
    }
  }
  cache.set(manifest, outputs);
  return outputs;
}

/**
 * The source file a bundler script builds `output` from (the file a handler string names in a
 * code folder that does not exist yet), or undefined. `exists` tells whether a path is a file;
 * `cache` holds the scripts read, for one discovery (a new discovery reads them again, so an
 * edited script is seen).
 */
export function builtFrom(output: string, root: string, exists: (path: string) => boolean, cache: Map<string, BuildOutputs>): string | undefined {
  const top = resolve(root);
  for (let dir = dirname(output); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (exists(manifest)) {
      const entry = outputsOf(manifest, cache).get(output);
      if (entry && exists(entry)) return entry;
    }
    if (dir === top || dirname(dir) === dir || !dir.startsWith(top)) return undefined;
  }
}
