// One instruction-count measurement (spawned under valgrind by bench/instructions.mjs): read
// every file first, then lint them one after another with ESLint#lintText, so that no file
// I/O interleaves with the linting and two runs of the same input do the same work. The
// ESLint class computes each directory's config once, as a lint run does (Linter#verify with
// a config array would normalize the whole config again for every file).
//
//   node bench/child-verify.mjs <pluginEntry> <config> <corpusDir> <fileListJson>
import { readFileSync } from 'node:fs';
import { configFor } from './configs.mjs';

const [pluginEntry, configName, corpusDir, listFile] = process.argv.slice(2);
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const config = await configFor(configName, pluginEntry, tsParser);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const texts = files.map((file) => readFileSync(file, 'utf8'));

const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: config, cache: false });
let messages = 0;
let fatal = 0;
for (let i = 0; i < files.length; i++) {
  const [result] = await eslint.lintText(texts[i], { filePath: files[i] });
  for (const m of result.messages) {
    if (m.fatal) fatal++;
    else messages++;
  }
}
process.stdout.write(`${JSON.stringify({ config: configName, files: files.length, messages, fatal })}\n`);
