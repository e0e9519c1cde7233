import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getInfrastructureMap, type InfrastructureMap, type InfrastructureOptions } from '../../src/infra/index.js';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/infra');

export function options(cwd: string, extra: Partial<InfrastructureOptions> = {}): InfrastructureOptions {
  return { cwd, infrastructure: undefined, handlers: undefined, ...extra };
}

/** Bindings as compact rows with paths relative to cwd, easy to compare exactly. */
export function rows(map: InfrastructureMap, cwd: string): string[] {
  return map.bindings.map(
    (b) =>
      `${relative(cwd, b.file).split(sep).join('/')}#${b.exportName} ${b.eventTypes.join('+')}${
        b.includeBody ? ' body' : ''
      } @${b.declaredIn} [${b.source}]`,
  );
}

const made: string[] = [];

/**
 * A new empty folder under the system's temporary folder, removed after the test file by
 * `removeTempFolders` (tests/setup.ts registers it for every file).
 */
export function tempFolder(prefix = 'lambda-edge-infra-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  made.push(root);
  return root;
}

export function removeTempFolders(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Writes a throwaway project: `{ 'path/in/project': 'contents' }`. */
export function project(files: Record<string, string | Buffer>): string {
  const root = tempFolder();
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** The smallest CommonJS Lambda@Edge handler, for projects that only need the file to exist. */
export const HANDLER_JS = 'exports.handler = async (event) => event.Records[0].cf.request;\n';

export interface Discovered {
  cwd: string;
  map: InfrastructureMap;
  /** `rows(map, cwd)`. */
  rows: string[];
  /** The problems' messages, in the order discovery recorded them. */
  problems: string[];
}

/** Infrastructure discovery over a folder, as the lint runs it there. */
export function discoverAt(cwd: string, extra: Partial<InfrastructureOptions> = {}): Discovered {
  const map = getInfrastructureMap(options(cwd, extra));
  return { cwd, map, rows: rows(map, cwd), problems: map.problems.map((p) => p.message) };
}

/** Discovery over a throwaway project; `setup` runs on its folder first (symlinks, modes). */
export function discoverFiles(files: Record<string, string | Buffer>, setup?: (root: string) => void): Discovered {
  const root = project(files);
  setup?.(root);
  return discoverAt(root);
}
