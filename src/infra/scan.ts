import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { folderMtime, observeFolder, type DiscoveryContext } from './context.js';

/** Folders that hold dependencies, build output or tool state, never infrastructure sources. */
export const SKIPPED_DIRS = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'cdk.out',
  '.git',
  'coverage',
  '.serverless',
  '.aws-sam',
  '.terraform',
  'vendor',
  'venv',
  '__pycache__',
]);

/**
 * Skipped only when scanning (an explicit `infrastructure` list may name them): test folders
 * hold fixtures and CDK assertion tests that build stacks a second time, and their bindings
 * are not the deployed ones; hidden folders (.idea, .next, .cache) hold no sources.
 */
const SCAN_ONLY_SKIPPED = new Set(['test', 'tests', '__tests__', 'fixtures', '__fixtures__']);

function skipDir(name: string): boolean {
  return SKIPPED_DIRS.has(name) || SCAN_ONLY_SKIPPED.has(name) || name.startsWith('.');
}

/**
 * Every file under `root`, skipping SKIPPED_DIRS. Symbolic links to folders are followed
 * once; a link back to a folder on its own path (a loop) is reported and skipped.
 */
export function listFiles(ctx: DiscoveryContext, root: string): string[] {
  const files: string[] = [];
  const visited = new Set<string>();

  const walk = (dir: string, ancestors: Set<string>): void => {
    let id: string;
    try {
      const st = statSync(dir);
      id = `${st.dev}:${st.ino}`;
      // Stat'ed before it is listed: a file added in between makes the next check see a change.
      observeFolder(dir, st.mtimeMs);
    } catch {
      observeFolder(dir, -1);
      return;
    }
    if (visited.has(id)) return;
    visited.add(id);
    const path = new Set(ancestors).add(id);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipDir(entry.name)) walk(full, path);
      } else if (entry.isFile()) {
        files.push(full);
      } else if (entry.isSymbolicLink()) {
        let st;
        try {
          st = statSync(full);
        } catch {
          continue; // a dangling link
        }
        if (st.isFile()) files.push(full);
        else if (st.isDirectory() && !skipDir(entry.name)) {
          const target = `${st.dev}:${st.ino}`;
          if (path.has(target)) {
            ctx.problem(full, undefined, 'is a symbolic link to a folder that contains it (a loop); not followed.');
          } else {
            walk(full, path);
          }
        }
      }
    }
  };

  walk(root, new Set());
  return files;
}

/**
 * Records the mtime of `root` and of its folders down to `depth` levels (skipping
 * SKIPPED_DIRS), without collecting files: the folders an `infrastructure` glob can match
 * files in, so a matching file added later is seen. Links to folders are not followed.
 */
export function observeFolders(root: string, depth: number): void {
  const walk = (dir: string, left: number): void => {
    observeFolder(dir, folderMtime(dir));
    if (left <= 0) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), left - 1);
    }
  };
  walk(root, depth);
}

/** True when `file` lies under `dir` (both absolute). */
export function isInside(dir: string, file: string): boolean {
  const r = relative(dir, file);
  return r !== '' && !r.startsWith(`..${sep}`) && r !== '..';
}
