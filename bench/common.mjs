// Shared by the benchmark scripts: where they write, the plugin snapshot they run, and the
// parse check the ordinary-code corpus is filtered with.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..');
export const OUT = join(HERE, 'out');

// ---------------------------------------------------------------- plugin snapshot

/**
 * Runs use a copy of dist/ (with the package.json the plugin reads its name from), so that
 * another `npm run build` in this tree during a long benchmark cannot pull it away mid-run.
 * Dependencies still resolve from the project's node_modules.
 */
export function snapshotPlugin(name = 'plugin', from = join(ROOT, 'dist')) {
  const dist = join(from, 'src', 'index.js');
  if (!existsSync(dist)) throw new Error('dist/src/index.js is missing: run `npm run build` (or `npm run bench`).');
  const target = join(OUT, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(from, join(target, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
  return { index: join(target, 'dist', 'src', 'index.js'), infra: join(target, 'dist', 'src', 'infra', 'index.js') };
}

// ---------------------------------------------------------------- corpora

export async function makeParseCheck() {
  const { Linter } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const linter = new Linter({ configType: 'flat' });
  const js = [{ files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { ecmaVersion: 'latest' } }];
  const ts = [{ files: ['**/*.ts', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser, sourceType: 'module' } }];
  return (text, ext) => {
    try {
      const messages = linter.verify(text, [...js, ...ts], `file${ext}`);
      return !messages.some((m) => m.fatal);
    } catch {
      return false;
    }
  };
}

export function writeList(name, files) {
  const file = join(OUT, 'lists', `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(files));
  return file;
}

