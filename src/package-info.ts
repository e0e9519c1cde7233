import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Name and version from the package's own package.json. The module sits at src/ when run
 * from source (tests) and at dist/src/ when built, so walk up until the file is found.
 */
function readOwnPackage(): { name: string; version: string; homepage?: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      if (pkg.name === 'eslint-plugin-lambda-edge') return pkg;
    } catch {
      // not here; keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error('eslint-plugin-lambda-edge: cannot find its own package.json');
}

export const PACKAGE = readOwnPackage();
export const PLUGIN_NAMESPACE = 'lambda-edge';
export const REPOSITORY_URL = 'https://github.com/lambda-edge-lint/eslint-plugin-lambda-edge';
