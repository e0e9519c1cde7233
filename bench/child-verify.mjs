// One instruction-count measurement (spawned under valgrind by bench/instructions.mjs):
// lint the files one after another with ESLint's Linter, synchronously, so that no file
// I/O interleaves with the linting and two runs of the same input do the same work.
//
//   node bench/child-verify.mjs <pluginEntry> <config> <corpusDir> <fileListJson>
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { configFor } from './configs.mjs';

const [pluginEntry, configName, corpusDir, listFile] = process.argv.slice(2);
const { Linter } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const config = await configFor(configName, pluginEntry, tsParser);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const texts = files.map((file) => readFileSync(file, 'utf8'));

const linter = new Linter({ configType: 'flat', cwd: corpusDir });
let messages = 0;
let fatal = 0;
for (let i = 0; i < files.length; i++) {
  for (const m of linter.verify(texts[i], config, relative(corpusDir, files[i]))) {
    if (m.fatal) fatal++;
    else messages++;
  }
}
process.stdout.write(`${JSON.stringify({ config: configName, files: files.length, messages, fatal })}\n`);
