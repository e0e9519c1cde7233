#!/usr/bin/env node
// The cost of one more file once everything is compiled: what a long lint run (a big CI job,
// an editor's ESLint server) pays per file after its first few hundred files, with V8's normal
// flags. `npm run bench:instructions` counts instructions under flags that make a count
// repeatable (no incremental marking among them), and those flags change what a file costs:
// every atomic full collection throws away optimised code that is then compiled again, so the
// baseline carries a large, moving compiler share and the plugin's part of a file looks smaller
// than it is in a normal run (docs/performance.md, "the steady state").
//
//   node bench/steady.mjs [--configs one-rule,all] [--only edge,nonedge] [--files 200] [--seed 6]
//                         [--warm 2] [--passes 4] [--runs 3] [--interval 200] [--dist dist]
//
// Every run is a fresh process (bench/child-steady.mjs) that lints the corpus --warm times,
// then --passes more times under V8's sampling profiler (one sample every --interval µs).
// It reports per file: CPU time (user + system of the whole process, all threads), and from
// the profile the main thread's time, the part of it with a rule's function on the stack (the plugin's
// own code and what it calls in ESLint and the parsers; for a peer such as no-unused-vars, its
// code in ESLint), and the collector's part.
// CPU time moves with the machine's load by 10% or more; the rules' share of the same
// process's samples does not depend on the load in the same way, so it is the figure to
// compare builds with (`--dist` measures another build, such as a worktree's dist/). Runs of the
// configurations alternate. Writes bench/out/steady.{json,md}.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { OUT, ROOT, makeParseCheck, snapshotPlugin, writeList } from './common.mjs';
import { buildEdgeCorpus, buildNonEdgeCorpus } from './corpus.mjs';

const { values } = parseArgs({
  options: {
    configs: { type: 'string', default: 'one-rule,all' },
    only: { type: 'string', default: 'edge,nonedge' },
    dist: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    ...Object.fromEntries(['files', 'seed', 'warm', 'passes', 'runs', 'interval'].map((name) => [name, { type: 'string' }])),
  },
});
if (values.help) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(lines.slice(1, lines.findIndex((line, k) => k > 0 && !line.startsWith('//'))).join('\n'));
  process.exit(0);
}
/** A whole-number option: at least 1 (0 for --warm). */
const count = (name, fallback) => {
  if (values[name] === undefined) return fallback;
  const n = Number(values[name]);
  const least = name === 'warm' ? 0 : 1;
  if (!(Number.isInteger(n) && n >= least)) throw new Error(`--${name} takes a whole number (${least} or more)`);
  return n;
};
const opts = {
  configs: values.configs.split(','),
  only: values.only.split(','),
  files: count('files', 200),
  seed: count('seed', 6),
  warm: count('warm', 2),
  passes: count('passes', 4),
  runs: count('runs', 3),
  interval: count('interval', 200),
  dist: values.dist === undefined ? undefined : resolve(values.dist),
};

const log = (msg) => process.stderr.write(`${msg}\n`);
const plugin = opts.dist ? snapshotPlugin(`plugin-steady-${basename(dirname(opts.dist))}`, opts.dist) : snapshotPlugin('plugin-steady');
const parseCheck = opts.only.includes('nonedge') ? await makeParseCheck() : undefined;
const corpora = opts.only.map((kind) => {
  const dir = join(OUT, `${kind}-steady`);
  const files = kind === 'edge' ? buildEdgeCorpus(dir, opts.files, opts.seed) : buildNonEdgeCorpus(dir, opts.files, opts.seed, join(ROOT, 'node_modules'), parseCheck);
  return { kind, dir, list: writeList(`${kind}-steady`, files), files: files.length };
});

function run(corpus, config) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'child-steady.mjs'), plugin.index, config, corpus.dir, corpus.list, String(opts.warm), String(opts.passes), String(opts.interval)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${config} on ${corpus.kind} failed (exit ${code}):\n${stderr.slice(-2000)}`));
      else resolvePromise(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const results = [];
for (const corpus of corpora) {
  for (let r = 0; r < opts.runs; r++) {
    // Alternate the order per repetition, so a slow stretch of the machine does not fall on one configuration only.
    const order = r % 2 === 0 ? opts.configs : [...opts.configs].reverse();
    for (const config of order) {
      const result = await run(corpus, config);
      results.push({ kind: corpus.kind, config, run: r + 1, ...result });
      log(`${corpus.kind} ${config} run ${r + 1}: cpu ${result.cpuMs.toFixed(3)} ms/file, main thread ${result.mainMs.toFixed(3)}, rules ${result.rulesMs.toFixed(3)}, collector ${result.gcMs.toFixed(3)}`);
    }
  }
}

const fmt = (n) => n.toFixed(3);
const pct = (a, b) => `${a >= b ? '+' : ''}${((100 * (a - b)) / b).toFixed(1)}%`;
const lines = [
  `Per file (ms), medians of ${opts.runs} fresh processes${opts.dist ? ` (build ${opts.dist})` : ''}; ${opts.files} files, seed ${opts.seed}, ${opts.warm} warm passes, ${opts.passes} profiled passes, a sample every ${opts.interval} µs. Node ${process.version}.`,
  '',
  '| Corpus | Config | CPU (all threads) | main thread | with a rule on the stack | collector | rules\' share of main thread |',
  '|---|---|--:|--:|--:|--:|--:|',
];
const summary = {};
for (const corpus of corpora) {
  for (const config of opts.configs) {
    const rs = results.filter((x) => x.kind === corpus.kind && x.config === config);
    const m = { cpuMs: median(rs.map((x) => x.cpuMs)), mainMs: median(rs.map((x) => x.mainMs)), rulesMs: median(rs.map((x) => x.rulesMs)), gcMs: median(rs.map((x) => x.gcMs)) };
    summary[`${corpus.kind}/${config}`] = m;
    lines.push(`| ${corpus.kind === 'edge' ? 'handler files' : 'ordinary files'} | ${config} | ${fmt(m.cpuMs)} | ${fmt(m.mainMs)} | ${fmt(m.rulesMs)} | ${fmt(m.gcMs)} | ${((100 * m.rulesMs) / m.mainMs).toFixed(1)}% |`);
  }
}
const base = opts.configs[0];
lines.push('', `Against ${base} (medians): CPU and main-thread time, and the rules' time plus the extra collector time as a share of ${base}'s main thread (the figure that does not move with the load).`, '');
for (const corpus of corpora) {
  const b = summary[`${corpus.kind}/${base}`];
  for (const config of opts.configs.slice(1)) {
    const c = summary[`${corpus.kind}/${config}`];
    lines.push(`- ${corpus.kind} ${config}: CPU ${pct(c.cpuMs, b.cpuMs)}, main thread ${pct(c.mainMs, b.mainMs)}, rules + extra collector ${((100 * (c.rulesMs + c.gcMs - b.gcMs)) / b.mainMs).toFixed(1)}% of ${base}'s main thread`);
  }
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'steady.json'), JSON.stringify({ opts, results, summary }, null, 2));
writeFileSync(join(OUT, 'steady.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
