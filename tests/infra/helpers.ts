import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InfrastructureMap, InfrastructureOptions } from '../../src/infra/index.js';

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

/** Writes a throwaway project: `{ 'path/in/project': 'contents' }`. */
export function project(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'lambda-edge-infra-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}
