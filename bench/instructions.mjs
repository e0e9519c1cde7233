#!/usr/bin/env node
// Instruction counts of a lint run, under valgrind (callgrind): a measure that does not move
// with the load of a shared machine, for A/B comparisons of a few percent that CPU times
// cannot resolve. Slow (about 100x), so it lints small corpora.
//
//   node bench/instructions.mjs [--sizes 50,200 | --sizes 50,150,200] [--configs floor,one-rule,all,no-unused-vars]
//                               [--only edge,nonedge] [--jobs 2] [--seed 6] [--out instructions]
//                               [--dist dist] [--warmup 0] [--repeat 1] [--v8-seeds 1,2,3] [--node-flags "<flags>"] [--separate] [--keep-dumps]
//
// For every corpus kind and configuration, one `bench/child-verify.mjs` run under
// `valgrind --tool=callgrind` over the largest size: files read first, then linted one at a
// time, with a mark after each size's number of files (callgrind --dump-before=uv_uptime, see
// child-verify.mjs), so the count up to every mark comes from the same process. The
// difference between two marks, divided by the difference in files, is the cost of one more
// file with start-up and module loading taken out; with three or more sizes every larger one
// is set against the smallest (50/150 and 50/200). --separate counts every size in a process
// of its own instead (the method before 2026-12-02; start-up then differs between the two
// processes of a difference, a little). --warmup N lints N other files
// of the same kind (seed + 1000) first in every run, so both runs of a difference start
// counting past the first tiering of the JIT (0: no warm-up). --repeat K counts every run K
// times and reports the spread; the table uses the median. --v8-seeds 1,2,3 counts every run
// once per V8 random seed (--random-seed, which --predictable otherwise fixes): the seed moves
// identity hashes and hash-table layouts, so allocation, and with it where the major
// collections fall and which optimised code they discard, shifts a little while the work
// stays the same; one count of a short stretch depends on that placement by several percent,
// so the table then gives, per configuration, the median over the seeds of each run's own
// per-file figure, and a second table each seed's figures. --keep-dumps keeps callgrind's dump
// of every stretch between two marks in bench/out/dumps/, for bench/attribute.mjs (which V8
// subsystem the instructions went to). Node runs with NODE_FLAGS below
// (--node-flags replaces them, for instance "--single-threaded" for the old method). Needs
// valgrind; builds nothing (run `npm run build` first; `--dist` measures another build).
// Writes bench/out/<out>.{json,md}.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, ROOT, makeParseCheck, snapshotPlugin, writeList } from './common.mjs';
import { buildEdgeCorpus, buildNonEdgeCorpus } from './corpus.mjs';

/**
 * V8 flags for the counted process. Under callgrind a run takes minutes of wall time, and
 * V8 decides some of its work by the clock: background threads (concurrent compilation,
 * marking, sweeping) are serialised by valgrind in an order that depends on scheduling, the
 * memory reducer starts full collections on timers (8 s after a mark-compact; a real lint of
 * a few hundred files never waits that long), and the heap grows by a factor computed from
 * the measured speeds of the collector and the program, in bytes per millisecond. All three
 * move with the machine's load. `--single-threaded` runs the JIT and the collector on the main
 * thread (the same compilers, the same tiering); `--predictable` also turns off the memory
 * reducer and fixes the random seed (hash tables of object identities); the heap growing
 * factor is fixed at 4 (heap-growing-percent=300), the factor V8 picks without valgrind on
 * these corpora (the speed ratio it measures there keeps it at its maximum).
 * `--no-incremental-marking` (since 2026-12-02): with incremental marking, whether a major
 * collection finished before or after a mark followed something other than the work (most
 * likely wall time: marking also advances in tasks that run when the event loop turns, and
 * ESLint's lintText awaits file-system calls): two counts of the same
 * build gave files 151–200 = 1.821 G and 2.511 G (collector 0.43 G against 1.07 G). Atomic
 * major collections start where the allocation says, and the same two counts then agreed to
 * 0.2%. Nothing here changes what is parsed or linted and the JIT tiers as before, but where
 * the major collections fall still moves the optimising compiler's share of a stretch (not
 * through bytecode flushing: --no-flush-bytecode changes a count by 0.05%), so a stretch of
 * 100 files carries one collection more or less: compare long stretches
 * (docs/performance.md, "what the per-file figure measures").
 */
export const NODE_FLAGS = ['--single-threaded', '--predictable', '--no-memory-reducer', '--heap-growing-percent=300', '--no-incremental-marking'];

const opts = { sizes: [50, 200], configs: ['floor', 'one-rule', 'all', 'no-unused-vars'], only: ['edge', 'nonedge'], jobs: Math.max(1, Math.min(2, cpus().length)), seed: 6, out: 'instructions', dist: join(ROOT, 'dist'), warmup: 0, repeat: 1, v8Seeds: undefined, nodeFlags: NODE_FLAGS, separate: false };
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
  else if (a === '--warmup') opts.warmup = Number(value());
  else if (a === '--separate') opts.separate = true;
  else if (a === '--keep-dumps') opts.keepDumps = true;
  else if (a === '--repeat') opts.repeat = Number(value());
  else if (a === '--v8-seeds') opts.v8Seeds = value().split(',').map(Number);
  else if (a === '--node-flags') opts.nodeFlags = value().split(/\s+/).filter(Boolean);
  else if (a === '--help' || a === '-h') {
    const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    // The opening comment, after the shebang line.
    console.log(lines.slice(1, lines.findIndex((line, i) => i > 0 && !line.startsWith('//'))).join('\n'));
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}
if ((opts.sizes.length < 2 && opts.repeat < 2) || opts.sizes.some((s, i) => i > 0 && !(opts.sizes[i - 1] < s))) throw new Error('--sizes takes two or more sizes, smallest first, such as 50,200 or 50,150,200 (one size only with --repeat, to see how far repeats differ)');
if (!(Number.isInteger(opts.warmup) && opts.warmup >= 0) || !(Number.isInteger(opts.repeat) && opts.repeat >= 1)) throw new Error('--warmup takes a count of files (0 or more), --repeat a count of runs (1 or more)');
if (opts.v8Seeds) {
  if (opts.repeat > 1) throw new Error('--v8-seeds and --repeat are two ways of counting a run more than once: give one');
  if (opts.v8Seeds.length < 2 || !opts.v8Seeds.every((seed) => Number.isInteger(seed) && seed > 0)) throw new Error('--v8-seeds takes two or more positive integers, such as 1,2,3');
  if (opts.separate) throw new Error('--v8-seeds needs the marks of one process per run (not --separate)');
  opts.repeat = opts.v8Seeds.length;
}
if (!existsSync('/usr/bin/valgrind')) {
  console.error('bench/instructions.mjs needs valgrind (apt-get install valgrind); `npm run bench` measures CPU time without it.');
  process.exit(2);
}

const log = (msg) => process.stderr.write(`${msg}\n`);
const plugin = snapshotPlugin(`plugin-${opts.out}`, opts.dist);
const parseCheck = opts.only.includes('nonedge') ? await makeParseCheck() : undefined;
const build = (kind, dir, size, seed) => (kind === 'edge' ? buildEdgeCorpus(dir, size, seed) : buildNonEdgeCorpus(dir, size, seed, join(ROOT, 'node_modules'), parseCheck));
const corpora = [];
for (const kind of opts.only) {
  // The warm-up set: other files of the same kind, the same in every run of this kind.
  let warmUpList;
  if (opts.warmup > 0) {
    const name = `${kind}-warmup-${opts.warmup}`;
    warmUpList = writeList(`${name}-i-${opts.out}`, build(kind, join(OUT, `${name}-i`), opts.warmup, opts.seed + 1000));
  }
  for (const size of opts.sizes) {
    // One process per configuration lints the largest corpus (the smaller ones are its first files).
    if (!opts.separate && size !== opts.sizes.at(-1)) continue;
    const name = `${kind}-${size}`;
    const dir = join(OUT, `${name}-i`);
    const files = build(kind, dir, size, opts.seed);
    corpora.push({ kind, size, dir, list: writeList(`${name}-i-${opts.out}`, files), files: files.length, warmUpList });
  }
}

/**
 * One lint run under callgrind. With --separate, resolves to the instructions of the whole
 * run; otherwise to those up to each size's mark ({ size: instructions }, cumulative).
 */
function count(corpus, config, rep = 0) {
  // Marks at the sizes and every 25 files between, to show how the cost per file settles.
  const marks = opts.separate ? undefined : [...new Set([...opts.sizes, ...Array.from({ length: Math.floor(largest / 25) }, (_, k) => (k + 1) * 25)])].sort((a, b) => a - b);
  const dumps = marks ? mkdtempSync(join(tmpdir(), 'bench-callgrind-')) : undefined;
  return new Promise((resolvePromise, reject) => {
    const tool = marks ? ['--dump-before=uv_uptime', `--callgrind-out-file=${join(dumps, 'cg.out')}`] : ['--callgrind-out-file=/dev/null'];
    const child = spawn(
      'valgrind',
      ['--tool=callgrind', ...tool, process.execPath, ...opts.nodeFlags, ...(opts.v8Seeds ? [`--random-seed=${opts.v8Seeds[rep]}`] : []), join(ROOT, 'bench', 'child-verify.mjs'), plugin.index, config, corpus.dir, corpus.list, ...(corpus.warmUpList ? [corpus.warmUpList] : [])],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BENCH_MARKS: marks ? marks.join(',') : '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      try {
        const collected = /Collected\s*:\s*(\d+)/.exec(stderr);
        if (code !== 0 || !collected) throw new Error(`${config} on ${corpus.kind}-${corpus.size} failed (exit ${code}):\n${stderr.slice(-2000)}`);
        const result = JSON.parse(stdout.trim().split('\n').at(-1));
        if (result.files !== corpus.files) throw new Error(`${config}: linted ${result.files} of ${corpus.files} files`);
        const total = Number(collected[1]);
        if (!marks) {
          resolvePromise({ instructions: total, messages: result.messages });
          return;
        }
        // cg.out.1 runs to the mark before the first file, cg.out.(k + 2) to the mark after
        // marks[k] files; cg.out (no number) is what ran after the last mark.
        const summary = (file) => Number(/^summary:\s*(\d+)/m.exec(readFileSync(join(dumps, file), 'utf8'))[1]);
        const stretches = Array.from({ length: marks.length + 1 }, (_, k) => summary(`cg.out.${k + 1}`));
        if (existsSync(join(dumps, `cg.out.${marks.length + 2}`))) throw new Error(`${config}: more marks than sizes (something else called uv_uptime)`);
        const tail = summary('cg.out');
        if (stretches.reduce((a, b) => a + b, 0) + tail !== total) throw new Error(`${config}: the stretches do not add up to the total`);
        const bySize = {};
        let sum = stretches[0];
        marks.forEach((size, k) => (bySize[size] = sum += stretches[k + 1]));
        resolvePromise({ instructions: total, bySize, stretches: { marks, instructions: stretches, tail }, messages: result.messages });
        if (opts.keepDumps) {
          // One dump per stretch between marks, for `node bench/attribute.mjs` (where the instructions go).
          const kept = join(OUT, 'dumps', `${opts.out}-${corpus.kind}-${config}${opts.repeat > 1 ? `-${rep + 1}` : ''}`);
          rmSync(kept, { recursive: true, force: true });
          cpSync(dumps, kept, { recursive: true });
        }
        rmSync(dumps, { recursive: true, force: true });
      } catch (error) {
        // The dumps are kept for a look by hand.
        reject(error);
      }
    });
  });
}

// Largest corpora first, so the longest runs do not start last.
const largest = opts.sizes.at(-1);
const counted = opts.separate ? corpora : corpora.filter((c) => c.size === largest);
const jobs = counted
  .flatMap((corpus) => opts.configs.flatMap((config) => Array.from({ length: opts.repeat }, (_, rep) => ({ corpus, config, rep }))))
  .sort((a, b) => b.corpus.size - a.corpus.size || a.rep - b.rep);
log(`instructions: ${jobs.length} runs under valgrind, ${opts.jobs} at a time; each takes minutes`);
const results = [];
const stretchRuns = [];
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const job = jobs[next++];
    const started = performance.now();
    const r = await count(job.corpus, job.config, job.rep);
    const seconds = Math.round((performance.now() - started) / 1000);
    if (r.bySize) {
      // One process, every size: the count up to each mark stands for a run of that size.
      for (const size of opts.sizes) results.push({ kind: job.corpus.kind, size, config: job.config, rep: job.rep, instructions: r.bySize[size], process: r.instructions, messages: size === largest ? r.messages : undefined, seconds, load: loadavg()[0] });
      stretchRuns.push({ kind: job.corpus.kind, config: job.config, rep: job.rep, ...r.stretches });
    } else results.push({ kind: job.corpus.kind, size: job.corpus.size, config: job.config, rep: job.rep, ...r, seconds, load: loadavg()[0] });
    log(`  ${job.config} on ${job.corpus.kind}-${job.corpus.size}${opts.repeat > 1 ? ` #${job.rep + 1}` : ''}: ${(r.instructions / 1e9).toFixed(3)} G instructions (${((performance.now() - started) / 1000).toFixed(0)} s, load ${loadavg()[0].toFixed(1)})`);
    // Kept as it goes, so a run stopped part-way still leaves its counts.
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${opts.out}.partial.json`), `${JSON.stringify({ options: opts, results, stretchRuns }, null, 2)}\n`);
  }
}
await Promise.all(Array.from({ length: opts.jobs }, worker));

const small = opts.sizes[0];
/** The repeats of one run, and their median (the lower middle one of an even count). */
const repeats = (kind, size, config) => results.filter((r) => r.kind === kind && r.size === size && r.config === config).sort((a, b) => a.instructions - b.instructions);
const get = (kind, size, config) => {
  const all = repeats(kind, size, config);
  return all[Math.floor((all.length - 1) / 2)];
};
/** (largest − smallest) / smallest over the repeats of one run. */
const spread = (kind, size, config) => {
  const all = repeats(kind, size, config);
  return all.at(-1).instructions / all[0].instructions - 1;
};
/** One run's own per-file figure: its count up to `large` files less its count up to the smallest size. */
const runPerFile = (kind, large, config, rep) => {
  const at = (size) => results.find((r) => r.kind === kind && r.size === size && r.config === config && r.rep === rep).instructions;
  return (at(large) - at(small)) / (large - small);
};
/** With --v8-seeds: the median (the lower middle one of an even count) of the runs' own per-file figures. */
const medianPerFile = (kind, large, config) => {
  const figures = Array.from({ length: opts.repeat }, (_, rep) => runPerFile(kind, large, config, rep)).sort((a, b) => a - b);
  return figures[Math.floor((figures.length - 1) / 2)];
};
const rows = [];
for (const large of opts.sizes.slice(1)) {
  for (const kind of opts.only) {
    const perFile = (config) => (opts.v8Seeds ? medianPerFile(kind, large, config) : (get(kind, large, config).instructions - get(kind, small, config).instructions) / (large - small));
    for (const config of opts.configs) {
      const row = { kind, config, sizes: `${small}/${large}`, small: get(kind, small, config).instructions, total: get(kind, large, config).instructions, perFile: perFile(config), messages: get(kind, large, config).messages };
      if (opts.configs.includes('floor')) row.perFileVsFloor = row.perFile / perFile('floor') - 1;
      if (opts.configs.includes('one-rule')) row.perFileVsOneRule = row.perFile / perFile('one-rule') - 1;
      if (opts.configs.includes('no-unused-vars')) row.perFileVsNoUnusedVars = row.perFile / perFile('no-unused-vars') - 1;
      rows.push(row);
    }
  }
}

const pct = (x) => (x === undefined ? '—' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const md = [
  `Instruction counts (valgrind callgrind), ${new Date().toISOString().slice(0, 10)}, Node ${process.version} ${opts.nodeFlags.join(' ')}${opts.v8Seeds ? ` --random-seed=${opts.v8Seeds.join('|')} ` : ''}; warm-up ${opts.warmup} files; per file = (larger run − ${small}-file run) / (difference in files)${opts.v8Seeds ? `, per run, and the median of those over the seeds (the count columns are each size's median, so they need not give the per-file figure exactly)` : ''}.`,
  '',
  '| Corpus | Sizes | Config | ' + small + ' files (G) | Larger (G) | Per file (M) | vs floor | vs one-rule | vs no-unused-vars | Reports |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ...rows.map((r) => `| ${r.kind} | ${r.sizes} | ${r.config} | ${(r.small / 1e9).toFixed(3)} | ${(r.total / 1e9).toFixed(3)} | ${(r.perFile / 1e6).toFixed(2)} | ${pct(r.perFileVsFloor)} | ${pct(r.perFileVsOneRule)} | ${pct(r.perFileVsNoUnusedVars)} | ${r.messages ?? '—'} |`),
  '',
];
if (opts.v8Seeds) {
  md.push(`Per file (M) with each V8 random seed (${opts.v8Seeds.join(', ')}); the table above uses the median of these:`, '', '| Corpus | Sizes | Config | ' + opts.v8Seeds.map((seed) => `seed ${seed}`).join(' | ') + ' |', '|---|---|---|' + opts.v8Seeds.map(() => '--:|').join(''));
  for (const large of opts.sizes.slice(1)) {
    for (const kind of opts.only) {
      for (const config of opts.configs) md.push(`| ${kind} | ${small}/${large} | ${config} | ${opts.v8Seeds.map((_, rep) => (runPerFile(kind, large, config, rep) / 1e6).toFixed(2)).join(' | ')} |`);
    }
  }
  md.push('');
} else if (opts.repeat > 1) {
  md.push(`Repeats (${opts.repeat} counts of each run; the table uses the median):`, '', '| Corpus | Files | Config | Counts (G) | Spread |', '|---|--:|---|---|--:|');
  for (const kind of opts.only) {
    for (const size of opts.sizes) {
      for (const config of opts.configs) md.push(`| ${kind} | ${size} | ${config} | ${repeats(kind, size, config).map((r) => (r.instructions / 1e9).toFixed(4)).join(', ')} | ${pct(spread(kind, size, config))} |`);
    }
  }
  md.push('');
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, `${opts.out}.json`), `${JSON.stringify({ options: opts, results, stretchRuns, rows }, null, 2)}\n`);
writeFileSync(join(OUT, `${opts.out}.md`), md.join('\n'));
console.log(md.join('\n'));
