#!/usr/bin/env node
// Instruction counts of a lint run, under valgrind (callgrind): a measure that does not move
// with the load of a shared machine, for A/B comparisons of a few percent that CPU times
// cannot resolve. Slow (about 100x), so it lints small corpora.
//
//   node bench/instructions.mjs [--sizes 50,200 | --sizes 50,150,200] [--configs floor,one-rule,all,no-unused-vars]
//                               [--only edge,nonedge] [--jobs 2] [--seed 6] [--out instructions]
//                               [--dist dist]
//
// For every corpus kind, configuration and size, one `bench/child-verify.mjs` run under
// `valgrind --tool=callgrind`: files read first, then linted one at a time (two identical
// runs of 100 handler files counted within 0.7% of each other). The difference between the
// two sizes, divided by the difference in files, is the cost of one more file with process
// start-up and module loading taken out; it is reported next to the totals. With three or
// more sizes, every larger size is set against the smallest (50/150 and 50/200 from the same
// 50-file runs), and the largest runs go first. Needs valgrind;
// builds nothing (run `npm run build` first; `--dist` measures another build, such as a
// copy of an older dist/, for a before/after). Writes bench/out/<out>.{json,md}.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, ROOT, makeParseCheck, snapshotPlugin, writeList } from './common.mjs';
import { buildEdgeCorpus, buildNonEdgeCorpus } from './corpus.mjs';

const opts = { sizes: [50, 200], configs: ['floor', 'one-rule', 'all', 'no-unused-vars'], only: ['edge', 'nonedge'], jobs: Math.max(1, Math.min(2, cpus().length)), seed: 6, out: 'instructions', dist: join(ROOT, 'dist') };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined) throw new Error(`${a} needs a value`);
    return v;
  };
  if (a === '--sizes') opts.sizes = value().split(',').map(Number);
  else if (a === '--configs') opts.configs = value().split(',');
  else if (a === '--only') opts.only = value().split(',');
  else if (a === '--jobs') opts.jobs = Number(value());
  else if (a === '--seed') opts.seed = Number(value());
  else if (a === '--out') opts.out = value();
  else if (a === '--dist') opts.dist = resolve(value());
  else if (a === '--help' || a === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 15).join('\n'));
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}
if (opts.sizes.length < 2 || opts.sizes.some((s, i) => i > 0 && !(opts.sizes[i - 1] < s))) throw new Error('--sizes takes two or more sizes, smallest first, such as 50,200 or 50,150,200');
if (!existsSync('/usr/bin/valgrind')) {
  console.error('bench/instructions.mjs needs valgrind (apt-get install valgrind); `npm run bench` measures CPU time without it.');
  process.exit(2);
}

const log = (msg) => process.stderr.write(`${msg}\n`);
const plugin = snapshotPlugin(`plugin-${opts.out}`, opts.dist);
const corpora = [];
for (const kind of opts.only) {
  for (const size of opts.sizes) {
    const name = `${kind}-${size}`;
    const dir = join(OUT, `${name}-i`);
    const files =
      kind === 'edge'
        ? buildEdgeCorpus(dir, size, opts.seed)
        : buildNonEdgeCorpus(dir, size, opts.seed, join(ROOT, 'node_modules'), await makeParseCheck());
    corpora.push({ kind, size, dir, list: writeList(`${name}-i`, files), files: files.length });
  }
}

/** One lint run under callgrind; resolves to the number of instructions executed. */
function count(corpus, config) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', join(ROOT, 'bench', 'child-verify.mjs'), plugin.index, config, corpus.dir, corpus.list],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
      if (code !== 0 || !collected) {
        reject(new Error(`${config} on ${corpus.kind}-${corpus.size} failed (exit ${code}):\n${stderr.slice(-2000)}`));
        return;
      }
      const result = JSON.parse(stdout.trim().split('\n').at(-1));
      if (result.files !== corpus.files) reject(new Error(`${config}: linted ${result.files} of ${corpus.files} files`));
      else resolvePromise({ instructions: Number(collected[1]), messages: result.messages });
    });
  });
}

// Largest corpora first, so the longest runs do not start last.
const jobs = corpora.flatMap((corpus) => opts.configs.map((config) => ({ corpus, config }))).sort((a, b) => b.corpus.size - a.corpus.size);
log(`instructions: ${jobs.length} runs under valgrind, ${opts.jobs} at a time; each takes minutes`);
const results = [];
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const started = performance.now();
    const r = await count(job.corpus, job.config);
    results.push({ kind: job.corpus.kind, size: job.corpus.size, config: job.config, ...r });
    log(`  ${job.config} on ${job.corpus.kind}-${job.corpus.size}: ${(r.instructions / 1e9).toFixed(3)} G instructions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    // Kept as it goes, so a run stopped part-way still leaves its counts.
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${opts.out}.partial.json`), `${JSON.stringify({ options: opts, results }, null, 2)}\n`);
  }
}
await Promise.all(Array.from({ length: opts.jobs }, worker));

const small = opts.sizes[0];
const get = (kind, size, config) => results.find((r) => r.kind === kind && r.size === size && r.config === config);
const rows = [];
for (const large of opts.sizes.slice(1)) {
  for (const kind of opts.only) {
    const perFile = (config) => (get(kind, large, config).instructions - get(kind, small, config).instructions) / (large - small);
    for (const config of opts.configs) {
      const row = { kind, config, sizes: `${small}/${large}`, small: get(kind, small, config).instructions, total: get(kind, large, config).instructions, perFile: perFile(config), messages: get(kind, large, config).messages };
      if (opts.configs.includes('floor')) row.perFileVsFloor = row.perFile / perFile('floor') - 1;
      if (opts.configs.includes('one-rule')) row.perFileVsOneRule = row.perFile / perFile('one-rule') - 1;
      rows.push(row);
    }
  }
}

const pct = (x) => (x === undefined ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const md = [
  `Instruction counts (valgrind callgrind), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}; per file = (larger run − ${small}-file run) / (difference in files).`,
  '',
  '| Corpus | Sizes | Config | ' + small + ' files (G) | Larger (G) | Per file (M) | vs floor | vs one-rule | Reports |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|',
  ...rows.map((r) => `| ${r.kind} | ${r.sizes} | ${r.config} | ${(r.small / 1e9).toFixed(3)} | ${(r.total / 1e9).toFixed(3)} | ${(r.perFile / 1e6).toFixed(2)} | ${pct(r.perFileVsFloor)} | ${pct(r.perFileVsOneRule)} | ${r.messages} |`),
  '',
].join('\n');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${opts.out}.json`), `${JSON.stringify({ options: opts, results, rows }, null, 2)}\n`);
writeFileSync(join(OUT, `${opts.out}.md`), md);
console.log(md);
