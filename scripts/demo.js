// `npm run demo`: lint the bundled examples with the plugin's `all` config and show what a
// newcomer would see in their editor or CI. Exits 0: the findings are the point.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import lambdaEdge from '../dist/src/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    { ...lambdaEdge.configs.all, files: ['examples/**/*.{js,mjs,cjs,ts}'] },
    // The examples declare their event types in comments; discovery has nothing to find here.
    { settings: { 'lambda-edge': { infrastructure: false } } },
  ],
});

const results = await eslint.lintFiles(['examples']);
const formatter = await eslint.loadFormatter('stylish');
const byFolder = new Map();
for (const result of results) {
  const folder = path.relative(root, path.dirname(result.filePath));
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + result.messages.length);
}

console.log('eslint-plugin-lambda-edge demo: linting examples/ with lambdaEdge.configs.all\n');
process.stdout.write(await formatter.format(results));
console.log('\nFindings per folder:');
for (const [folder, count] of [...byFolder].sort()) {
  const note = folder.endsWith('not-edge') ? ' (API Gateway, CloudFront Functions, Express: must be 0)' : '';
  console.log(`  ${folder.padEnd(22)} ${String(count).padStart(3)}${note}`);
}
