// What each phase of the edge model costs on a handler file, apart from ESLint, the parsers and
// the rules: every file of the handler corpus is parsed once (ESLint's Linter, the bench
// configurations' parsers), and the model's phases (PHASES in src/model/build.ts) then run
// on the parsed files again and again, as `analyze` runs them.
//
//   node bench/phases.mjs [--files 200] [--seed 6] [--warm 10] [--iterations 30] [--dist dist]
//   node bench/phases.mjs --count [--jobs 2] [--iterations 5] ...
//
// Without --count: microseconds per file and phase (process.hrtime), after --warm rounds over
// the corpus. The files stay in memory and the same code runs on them over and over, so these
// are the phases' costs once everything is compiled and in cache: a lower bound of what they
// cost inside a lint run, where each file's tree is new.
// With --count: instructions per file and phase, under valgrind (callgrind), with V8's
// clock-driven choices off as in bench/instructions.mjs. Process k runs only the first k phases
// (warm-up rounds included), so phase k costs the difference between processes k and k-1,
// divided by the number of analyses (two counts of one process agreed to 0.01%). Each
// phase's count includes what V8 spends optimising its code and collecting what it allocates
// within those rounds, a large part over 15 rounds (on 2026-12-04 the phases counted 918 K
// instructions per file and timed 50 µs hot): the count says where the first few thousand
// analyses pay, the time what a warm one costs.
// Writes bench/out/phases.{json,md}.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { OUT, ROOT } from './common.mjs';
import { buildEdgeCorpus } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    dist: { type: 'string' },
    'child-prefix': { type: 'string' },
    ...Object.fromEntries(['files', 'seed', 'warm', 'iterations', 'jobs'].map((name) => [name, { type: 'string' }])),
  },
});
const SELF = fileURLToPath(import.meta.url);
if (values.help) {
  const lines = readFileSync(SELF, 'utf8').split('\n');
  console.log(lines.slice(0, lines.findIndex((line) => !line.startsWith('//'))).join('\n'));
  process.exit(0);
}
const whole = (name, fallback, least = 1) => {
  if (values[name] === undefined) return fallback;
  const n = Number(values[name]);
  if (!(Number.isInteger(n) && n >= least)) throw new Error(`--${name} takes a whole number (${least} or more)`);
  return n;
};
const opts = {
  files: whole('files', 200),
  seed: whole('seed', 6),
  warm: whole('warm', 10, 0),
  iterations: whole('iterations', values.count ? 5 : 30),
  jobs: whole('jobs', 2),
  dist: resolve(values.dist ?? join(ROOT, 'dist')),
};
const V8_FLAGS = ['--single-threaded', '--predictable', '--no-memory-reducer', '--heap-growing-percent=300', '--no-incremental-marking'];

const dir = join(OUT, 'edge-phases');
const files = buildEdgeCorpus(dir, opts.files, opts.seed);
const load = (path) => import(pathToFileURL(join(opts.dist, 'src', path)).href);
const { PHASES } = await load('model/build.js');

if (values.count) await count();
else if (values['child-prefix'] !== undefined) await runPhases(Number(values['child-prefix']), false);
else await runPhases(PHASES.length, true);

/** Parses every file once and keeps each file's rule context (its SourceCode, scopes and steps). */
async function parsedContexts() {
  const { Linter } = await import('eslint');
  const { configFor } = await import('./configs.mjs');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const contexts = [];
  const keep = { meta: { schema: [] }, create: (context) => (contexts.push(context), {}) };
  const config = [...(await configFor('floor', undefined, tsParser)), { plugins: { phases: { rules: { keep } } }, rules: { 'phases/keep': 'error' } }];
  const linter = new Linter({ cwd: dir });
  for (const file of files) {
    const before = contexts.length;
    const messages = linter.verify(readFileSync(file, 'utf8'), config, { filename: file });
    if (contexts.length === before) throw new Error(`${file} was not linted: ${messages[0]?.message}`);
  }
  return contexts;
}

/** The first `prefix` phases on every file, --warm + --iterations rounds; with `timed`, each phase's time. */
async function runPhases(prefix, timed) {
  const { createState } = await load('model/state.js');
  const { readSettings } = await load('settings.js');
  const { infrastructureOfFile } = await load('infra/index.js');
  const contexts = await parsedContexts();
  const spent = PHASES.map(() => 0n);
  const once = (context, measure) => {
    const m = createState(context, readSettings(context.settings).eventTypes, infrastructureOfFile(context));
    for (let k = 0; k < prefix; k++) {
      const start = measure ? process.hrtime.bigint() : 0n;
      const goOn = PHASES[k].run(m) !== false;
      if (measure) spent[k] += process.hrtime.bigint() - start;
      if (!goOn) break;
    }
  };
  for (let round = 0; round < opts.warm; round++) for (const context of contexts) once(context, false);
  for (let round = 0; round < opts.iterations; round++) for (const context of contexts) once(context, timed);
  if (!timed) return;
  const analyses = contexts.length * opts.iterations;
  const rows = PHASES.map((phase, k) => ({ phase: phase.name, perFile: Number(spent[k]) / analyses / 1000 }));
  report(rows, 'µs per file', `${contexts.length} files, ${opts.warm} warm-up rounds, ${opts.iterations} timed rounds`);
}

/** One callgrind process per prefix of the phases, --jobs at a time. */
async function count() {
  const prefixes = [...Array(PHASES.length + 1).keys()];
  const totals = new Map();
  const one = (prefix) =>
    new Promise((done, fail) => {
      const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...V8_FLAGS, SELF, '--child-prefix', String(prefix), '--files', String(opts.files), '--seed', String(opts.seed), '--warm', String(opts.warm), '--iterations', String(opts.iterations), '--dist', opts.dist];
      const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', fail);
      child.on('close', (code) => {
        const collected = /Collected : (\d+)/.exec(stderr);
        if (code !== 0 || !collected) return fail(new Error(`prefix ${prefix} failed (exit ${code}):\n${stderr.slice(-1500)}`));
        totals.set(prefix, Number(collected[1]));
        process.stderr.write(`first ${prefix} phase(s): ${collected[1]} instructions\n`);
        done();
      });
    });
  const queue = [...prefixes];
  await Promise.all(Array.from({ length: opts.jobs }, async () => {
    while (queue.length > 0) await one(queue.shift());
  }));
  const analyses = opts.files * (opts.warm + opts.iterations);
  const rows = PHASES.map((phase, k) => ({ phase: phase.name, perFile: (totals.get(k + 1) - totals.get(k)) / analyses / 1000 }));
  report(rows, 'K instructions per file', `${opts.files} files, ${opts.warm + opts.iterations} rounds in each process (callgrind, ${V8_FLAGS.join(' ')})`);
}

function report(rows, unit, how) {
  const total = rows.reduce((sum, row) => sum + row.perFile, 0);
  const lines = [`The edge model's phases on the handler corpus (seed ${opts.seed}), ${unit}; ${how}. Node ${process.version}.`, '', `| phase | ${unit} | share |`, '|---|--:|--:|'];
  for (const row of rows) lines.push(`| ${row.phase} | ${row.perFile.toFixed(1)} | ${((100 * row.perFile) / total).toFixed(1)}% |`);
  lines.push(`| all phases | ${total.toFixed(1)} | |`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'phases.json'), `${JSON.stringify({ unit, how, seed: opts.seed, rows, total }, null, 2)}\n`);
  writeFileSync(join(OUT, 'phases.md'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}
