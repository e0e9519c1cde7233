// Shared helpers for the integration tests: temp projects that use the built plugin the way a
// user's project does (through node_modules), and a bounded way to run the ESLint CLI.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const fixturesDir = path.join(repoRoot, 'tests/fixtures/integration');
export const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
export const builtEntry = path.join(repoRoot, 'dist/src/index.js');

/**
 * The plugin as a user's node_modules holds it: package.json plus the `files` it publishes,
 * copied out of the work tree once per test file. Other builds of this tree (`npm run build`
 * empties dist/ first) then cannot pull the package from under a running test. Its own
 * dependencies resolve through a node_modules link back to this repo's.
 */
export interface InstalledPlugin {
  dir: string;
  entry: string;
  cleanup(): void;
}

let installed: InstalledPlugin | undefined;

export async function installPlugin(): Promise<InstalledPlugin> {
  if (installed) return installed;
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { files: string[] };
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'lambda-edge-plugin-'));
    try {
      if (!existsSync(builtEntry)) throw new Error(`${builtEntry} is missing: run \`npm run build\` first.`);
      cpSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
      for (const entry of [...pkg.files, 'LICENSE']) {
        const from = path.join(repoRoot, entry);
        if (existsSync(from)) cpSync(from, path.join(dir, entry), { recursive: true });
      }
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const entry = path.join(dir, 'dist/src/index.js');
      // Loads, in a child process, only if the copy is complete (not taken mid-build).
      const check = await run(process.execPath, ['--input-type=module', '-e', `const p = (await import(${JSON.stringify(pathToFileURL(entry).href)})).default; if (!p.rules['no-numeric-status'] || !p.configs.recommended) process.exit(3);`], { cwd: dir, timeoutMs: 30_000 });
      if (check.code !== 0) throw new Error(`the copied plugin does not load: ${check.stderr}`);
      installed = { dir, entry, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
      return installed;
    } catch (error) {
      lastError = error;
      rmSync(dir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
  throw lastError;
}

/** Removes the copy made by installPlugin (call in afterAll). */
export function releasePlugin(): void {
  installed?.cleanup();
  installed = undefined;
}

function plugin(): InstalledPlugin {
  if (!installed) throw new Error('call installPlugin() (or requireBuild()) in beforeAll first');
  return installed;
}

/** The docs URL a rule reports, exactly as `meta.docs.url` builds it (the page on the main branch). */
export async function ruleDocsUrl(rule: string): Promise<string> {
  const loaded = (await import(pathToFileURL(plugin().entry).href)).default as {
    rules: Record<string, { meta?: { docs?: { url?: string } } }>;
  };
  const url = loaded.rules[rule]?.meta?.docs?.url;
  if (!url) throw new Error(`rule ${rule} has no meta.docs.url`);
  return url;
}

export interface TempProject {
  dir: string;
  write(file: string, text: string): string;
  cleanup(): void;
}

/**
 * A throwaway project under os.tmpdir() whose node_modules links `eslint` and
 * `eslint-plugin-lambda-edge` (the installed copy, resolved through its package.json `exports`), so
 * `import lambdaEdge from 'eslint-plugin-lambda-edge'` works as it does after `npm install`.
 * `files` maps relative paths to contents; `fixtures` copies files or folders from
 * tests/fixtures/integration.
 */
export function tempProject(
  name: string,
  files: Record<string, string> = {},
  options: { fixtures?: string[]; links?: string[]; bins?: Record<string, string> } = {},
): TempProject {
  const dir = mkdtempSync(path.join(tmpdir(), `lambda-edge-${name}-`));
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  symlinkSync(plugin().dir, path.join(modules, 'eslint-plugin-lambda-edge'), 'dir');
  for (const pkg of ['eslint', ...(options.links ?? [])]) {
    const target = path.join(modules, pkg);
    mkdirSync(path.dirname(target), { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules', pkg), target, 'dir');
  }
  // node_modules/.bin as npm lays it out, so `npx eslint` and hook shims find the binaries.
  const bin = path.join(modules, '.bin');
  mkdirSync(bin);
  for (const [name, target] of Object.entries({ eslint: 'eslint/bin/eslint.js', ...options.bins })) {
    symlinkSync(path.join('..', target), path.join(bin, name));
  }
  for (const fixture of options.fixtures ?? []) {
    cpSync(path.join(fixturesDir, fixture), path.join(dir, path.basename(fixture)), { recursive: true });
  }
  const write = (file: string, text: string) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return full;
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command with a hard timeout; never rejects on a non-zero exit (tests assert on it). */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: string },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs ?? 30_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) {
      child.stdin!.on('error', () => {}); // the child may exit before reading it all
      child.stdin!.end(options.input);
    }
  });
}

/** The repo's ESLint CLI (`node node_modules/eslint/bin/eslint.js ...`) run in `cwd`. */
export function eslintCli(cwd: string, args: string[], timeoutMs = 30_000): Promise<RunResult> {
  return run(process.execPath, [eslintBin, ...args], { cwd, timeoutMs });
}

export interface Finding {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** Flattens ESLint JSON results into comparable, sorted findings with paths relative to `cwd`. */
export function findings(
  results: { filePath: string; messages: Omit<Finding, 'file'>[] }[],
  cwd: string,
): Finding[] {
  return results
    .flatMap((result) =>
      result.messages.map((m) => ({
        file: path.relative(cwd, result.filePath).split(path.sep).join('/'),
        ruleId: m.ruleId,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        message: m.message,
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}

/** Findings of one of our rules only, so rules added later do not change what a test expects. */
export function only(list: Finding[], rule: string): Finding[] {
  return list.filter((f) => f.ruleId === `lambda-edge/${rule}`);
}

export function listFixtures(folder: string): string[] {
  return readdirSync(path.join(fixturesDir, folder)).sort();
}

/**
 * The first fenced code block of language `lang` under the Markdown heading `heading` (any
 * level) of a doc, so tests run what the docs tell users to run.
 */
export function codeBlockUnder(markdownFile: string, heading: string, lang: string, nth = 0): string {
  const lines = readFileSync(path.join(repoRoot, markdownFile), 'utf8').split('\n');
  const blocks: string[] = [];
  let inSection = false;
  let fence: { lang: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (fence) {
      if (line.startsWith('```')) {
        if (inSection && fence.lang === lang) blocks.push(`${fence.lines.join('\n')}\n`);
        fence = undefined;
      } else fence.lines.push(line);
    } else if (line.startsWith('```')) {
      fence = { lang: line.slice(3).trim(), lines: [] };
    } else {
      // Headings only count outside code blocks (a shell comment is not a heading).
      const match = /^#+ (.*?)\s*$/.exec(line);
      if (match) inSection = match[1] === heading;
    }
  }
  const block = blocks[nth];
  if (block === undefined) throw new Error(`${markdownFile} "${heading}" has no \`\`\`${lang} block #${nth}`);
  return block;
}
