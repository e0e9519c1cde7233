// One instruction-count measurement (spawned under valgrind by bench/instructions.mjs): read
// every file first, then lint them one after another with ESLint#lintText, so that no file
// I/O interleaves with the linting and two runs of the same input do the same work. The
// ESLint class computes each directory's config once, as a lint run does (Linter#verify with
// a config array would normalize the whole config again for every file).
//
//   node bench/child-verify.mjs <pluginEntry> <config> <corpusDir> <fileListJson> [<warmUpListJson>]
//
// With a warm-up list, those files are linted first, in the same process and with the same
// ESLint instance, before the counted ones; they are part of the count, but every run of a
// comparison lints the same warm-up set, so it cancels in the difference of two runs and
// leaves the counted files past the JIT's first tiering of the rules' and ESLint's code.
// The warm-up files are linted under a path inside <corpusDir> (warmup/<name>), so the same
// config and project apply; their texts come from another folder and are not written there.
//
// BENCH_MARKS=50,150,200 (set by bench/instructions.mjs) calls os.uptime() once when counting
// starts (after the warm-up) and once after each of those numbers of files: callgrind, run
// with --dump-before=uv_uptime, then writes the count of every stretch between two marks, so
// one process gives the cost of files 51–150 and 51–200 with start-up paid once.
import { uptime } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configFor } from './configs.mjs';

const [pluginEntry, configName, corpusDir, listFile, warmUpFile] = process.argv.slice(2);
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const config = await configFor(configName, pluginEntry, tsParser);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const texts = files.map((file) => readFileSync(file, 'utf8'));
const warmUp = warmUpFile ? JSON.parse(readFileSync(warmUpFile, 'utf8')) : [];
const warmUpTexts = warmUp.map((file) => readFileSync(file, 'utf8'));

// Infrastructure discovery and the bundler-config listing re-check the disk at most once per
// second of wall-clock time (so an editor sees edits). Under callgrind a run lasts minutes, so
// the number of re-checks would follow the machine's load. The count drives that clock from
// the number of files linted instead: FILE_MS per file, about what an ESLint run takes per
// handler file on this machine, so a count includes the re-checks a real run makes.
const FILE_MS = 20;
let linted = 0;
const contextModule = join(dirname(pluginEntry), 'infra', 'context.js');
if (existsSync(contextModule)) {
  const context = await import(pathToFileURL(contextModule).href);
  context.setRecheckClockForTests?.({ now: () => linted * FILE_MS });
}

const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: config, cache: false });
for (let i = 0; i < warmUp.length; i++) {
  const [result] = await eslint.lintText(warmUpTexts[i], { filePath: join(corpusDir, 'warmup', `${i}-${basename(warmUp[i])}`) });
  linted++;
  if (result.messages.some((m) => m.fatal)) throw new Error(`warm-up file ${warmUp[i]} did not parse`);
}
const marks = new Set((process.env.BENCH_MARKS ?? '').split(',').filter(Boolean).map(Number));
const mark = marks.size > 0 ? uptime : () => 0;
mark();
let messages = 0;
let fatal = 0;
for (let i = 0; i < files.length; i++) {
  if (i > 0 && marks.has(i)) mark();
  const [result] = await eslint.lintText(texts[i], { filePath: files[i] });
  linted++;
  for (const m of result.messages) {
    if (m.fatal) fatal++;
    else messages++;
  }
}
if (marks.has(files.length)) mark();
process.stdout.write(`${JSON.stringify({ config: configName, files: files.length, warmUp: warmUp.length, messages, fatal })}\n`);
