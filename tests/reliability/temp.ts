import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Temporary projects live inside the repository (gitignored), so paths inside them are "in the project". */
export const TEMP_PARENT = path.resolve(import.meta.dirname, '../fixtures/reliability');
const made: string[] = [];

/** Writes a throwaway project under tests/fixtures/reliability/tmp-*: `{ 'path/in/project': 'contents' }`. */
export function makeTempProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(TEMP_PARENT, 'tmp-'));
  made.push(root);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export function removeTempProjects(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}
