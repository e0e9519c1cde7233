#!/usr/bin/env node
// The plugin's benchmark (issue 6): `npm run bench` (builds first), or
//
//   node bench/run.mjs [--quick] [--files 2000] [--reps 5] [--growth 1000,4000]
//                      [--timing-reps 3] [--discovery-reps 5] [--seed 6] [--only edge,nonedge]
//                      [--configs floor,one-rule,all] [--out results]
//
// Everything it writes goes to bench/out/ (gitignored): the corpora, a snapshot of dist/,
// results.json and results.md. Every measurement runs in a fresh child process; the order
// of the measurements is shuffled in every repetition so that background load spreads
// evenly over the configurations. Medians are reported.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, ROOT, makeParseCheck, snapshotPlugin, writeList } from './common.mjs';
import { buildEdgeCorpus, buildInfraApp, buildNonEdgeCorpus, corpusStats, rng } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { quick: false, files: 2000, reps: 5, growth: [1000, 4000], timingReps: 3, discoveryReps: 5, seed: 6, only: undefined, configs: undefined, out: 'results' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--files') opts.files = Number(value());
    else if (a === '--reps') opts.reps = Number(value());
    else if (a === '--growth') opts.growth = value().split(',').filter(Boolean).map(Number);
    else if (a === '--timing-reps') opts.timingReps = Number(value());
    else if (a === '--discovery-reps') opts.discoveryReps = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--only') opts.only = value().split(',');
    else if (a === '--configs') opts.configs = value().split(',');
    else if (a === '--out') opts.out = value();
    else if (a === '--help' || a === '-h') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (opts.quick) {
    // Small and fast, to check the harness itself; the numbers mean little.
    const given = new Set(argv);
    if (!given.has('--files')) opts.files = 200;
    if (!given.has('--reps')) opts.reps = 2;
    if (!given.has('--growth')) opts.growth = [100, 400];
    if (!given.has('--timing-reps')) opts.timingReps = 1;
    if (!given.has('--discovery-reps')) opts.discoveryReps = 2;
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------- child processes

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Runs a child, retrying a failure twice: other people install packages in this tree, and a
 * package being replaced under node_modules makes a run fail for reasons not its own.
 */
function runChild(script, args, env = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return runChildOnce(script, args, env);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  retrying (${String(error.message).split('\n').find((l) => /Error/.test(l)) ?? 'failed'})`);
      spawnSync('sleep', ['10']);
    }
  }
}

function runChildOnce(script, args, env = {}) {
  const nodeArgs = [join(HERE, script), ...args];
  const command = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-v', process.execPath, ...nodeArgs] : nodeArgs;
  const started = performance.now();
  const child = spawnSync(command, argv, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    throw new Error(`${script} ${args.join(' ')} failed (${child.status}):\n${child.stderr}\n${child.stdout}`);
  }
  const lines = child.stdout.split('\n');
  const jsonLine = lines.find((l) => l.startsWith('{'));
  const result = JSON.parse(jsonLine);
  result.wallMs = wallMs;
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  if (timeRss) result.timeMaxRSS = Number(timeRss[1]) * 1024;
  result.stdout = child.stdout;
  return result;
}

/** Parses ESLint's TIMING table: `rule | Time (ms) | Relative`. */
function parseTiming(stdout) {
  const times = {};
  for (const line of stdout.split('\n')) {
    const m = /^\s*(\S+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%\s*$/.exec(line);
    if (m) times[m[1]] = Number(m[2]);
  }
  return times;
}

// ---------------------------------------------------------------- statistics

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const fmtMB = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const pct = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;

// ---------------------------------------------------------------- main

async function main() {
  mkdirSync(OUT, { recursive: true });
  const startedAt = new Date();
  const plugin = snapshotPlugin();
  const n = opts.files;
  const sizes = [...new Set([n, ...opts.growth])].sort((a, b) => a - b);

  log(`bench: building corpora (seed ${opts.seed}) in ${relative(ROOT, OUT)}/ ...`);
  const corpora = {};
  for (const size of sizes) {
    const dir = join(OUT, `edge-${size}`);
    corpora[`edge-${size}`] = { kind: 'edge', size, dir, files: buildEdgeCorpus(dir, size, opts.seed) };
  }
  {
    const dir = join(OUT, `nonedge-${n}`);
    const parses = await makeParseCheck();
    corpora[`nonedge-${n}`] = { kind: 'nonedge', size: n, dir, files: buildNonEdgeCorpus(dir, n, opts.seed, join(ROOT, 'node_modules'), parses) };
  }
  const infraDir = join(OUT, 'infra-app');
  const expected = buildInfraApp(infraDir, 50, opts.seed);
  writeFileSync(join(infraDir, '.bench-expected.json'), JSON.stringify(expected, null, 2));
  for (const [name, c] of Object.entries(corpora)) {
    c.list = writeList(name, c.files);
    c.stats = corpusStats(c.files);
    log(`  ${name}: ${c.stats.files} files, ${(c.stats.bytes / 1024 / 1024).toFixed(1)} MB, ${c.stats.lines} lines, ${c.stats.edgeHintFiles} with the edge text hint`);
  }

  const ALL_CONFIGS = ['floor', 'one-rule', 'recommended', 'strict', 'all', 'no-unused-vars', 'typescript-eslint'];
  const PEERS = opts.configs ? ALL_CONFIGS.filter((c) => c === 'floor' || opts.configs.includes(c)) : ALL_CONFIGS;
  const edgeMain = `edge-${n}`;
  const nonEdgeMain = `nonedge-${n}`;
  const jobs = [];
  const wanted = (kind) => !opts.only || opts.only.includes(kind);
  if (wanted('edge')) for (const config of PEERS) jobs.push({ corpus: edgeMain, config });
  if (wanted('nonedge')) for (const config of PEERS) jobs.push({ corpus: nonEdgeMain, config });
  if (wanted('edge')) {
    for (const size of opts.growth) {
      if (size === n) continue;
      for (const config of ['floor', 'all']) jobs.push({ corpus: `edge-${size}`, config });
    }
  }

  log(`bench: ${jobs.length} measurements x ${opts.reps} repetitions, each in a fresh process (load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  const samples = new Map(jobs.map((j) => [`${j.corpus}|${j.config}`, []]));
  const check = {};
  // Warm the file system cache (one untimed pass over each corpus).
  for (const c of Object.values(corpora)) for (const f of c.files) readFileSync(f);
  const order = rng(opts.seed);
  for (let rep = 0; rep < opts.reps; rep++) {
    const started = performance.now();
    for (const job of order.shuffle(jobs)) {
      const c = corpora[job.corpus];
      const r = runChild('child-lint.mjs', [plugin.index, job.config, c.dir, c.list]);
      const key = `${job.corpus}|${job.config}`;
      samples.get(key).push(r);
      if (r.files !== c.files.length) throw new Error(`${key}: linted ${r.files} of ${c.files.length} files`);
      if (!check[key]) {
        check[key] = { files: r.files, messages: r.messages, fatal: r.fatal, byRule: r.byRule };
        if (r.fatal > 0) log(`  warning: ${key}: ${r.fatal} files did not parse`);
      }
    }
    log(`  repetition ${rep + 1}/${opts.reps} done in ${((performance.now() - started) / 1000).toFixed(0)} s (load ${loadavg()[0].toFixed(2)})`);
  }

  // Per-rule times, TIMING=all (a separate run: timing itself costs).
  const timing = {};
  for (const corpus of [edgeMain, nonEdgeMain]) {
    if (!wanted(corpora[corpus].kind)) continue;
    const runs = [];
    for (let i = 0; i < opts.timingReps; i++) {
      const c = corpora[corpus];
      runs.push(parseTiming(runChild('child-lint.mjs', [plugin.index, 'timing', c.dir, c.list], { TIMING: 'all' }).stdout));
    }
    const rules = new Set(runs.flatMap((r) => Object.keys(r)));
    timing[corpus] = Object.fromEntries([...rules].map((rule) => [rule, median(runs.map((r) => r[rule] ?? 0))]));
  }

  // Discovery, cold (first lookup in a fresh process) and warm.
  log('bench: infrastructure discovery ...');
  const discoveryRuns = [];
  for (let i = 0; i < opts.discoveryReps; i++) {
    discoveryRuns.push(runChild('child-discovery.mjs', [plugin.infra, infraDir, join(infraDir, '.bench-expected.json')]));
  }

  // The discovery benchmark of bench/discovery.mjs (its own generated 50-function app,
  // cold = module load + discovery in fresh processes), when present: run as is, parsed.
  let discoveryScript;
  if (existsSync(join(HERE, 'discovery.mjs')) && !opts.quick) {
    log('bench: bench/discovery.mjs ...');
    const run = spawnSync(process.execPath, [join(HERE, 'discovery.mjs')], { cwd: ROOT, encoding: 'utf8' });
    const num = (re) => {
      const m = re.exec(run.stdout);
      return m ? Number(m[1]) : undefined;
    };
    discoveryScript = {
      status: run.status,
      coldMs: num(/cold, fresh process[^:]*: ([\d.]+) ms/),
      coldModuleLoadMs: num(/module load ([\d.]+) ms/),
      coldDiscoveryMs: num(/\+ discovery ([\d.]+) ms/),
      coldCpuMs: num(/cold CPU time[^:]*: ([\d.]+) ms/),
      coldWithParserMs: num(/with @typescript-eslint\/parser loaded first[^:]*: ([\d.]+) ms/),
      warmMs: num(/warm, cache cleared[^:]*: ([\d.]+) ms/),
      lookupUs: num(/lookupFile after discovery: ([\d.]+) µs/),
      output: run.stdout.trim() || run.stderr.trim(),
    };
  }

  // ---------------------------------------------------------------- aggregate

  const agg = {};
  for (const [key, runs] of samples) {
    if (runs.length === 0) continue;
    agg[key] = {
      cpuMs: median(runs.map((r) => r.cpuMs)),
      lintMs: median(runs.map((r) => r.lintMs)),
      loadMs: median(runs.map((r) => r.loadMs)),
      wallMs: median(runs.map((r) => r.wallMs)),
      peakRss: median(runs.map((r) => r.timeMaxRSS ?? r.maxRSS)),
      sampledRss: median(runs.map((r) => r.rssSampledMax)),
      cpuMsAll: runs.map((r) => Math.round(r.cpuMs)),
      lintMsAll: runs.map((r) => Math.round(r.lintMs)),
      ...check[key],
    };
  }
  const rowsFor = (corpus) =>
    PEERS.filter((config) => agg[`${corpus}|${config}`]).map((config) => {
      const a = agg[`${corpus}|${config}`];
      const floor = agg[`${corpus}|floor`];
      return { corpus, config, ...a, ratio: a.cpuMs / floor.cpuMs, wallRatio: a.lintMs / floor.lintMs, rssRatio: a.peakRss / floor.peakRss };
    });
  const table = [...rowsFor(edgeMain), ...rowsFor(nonEdgeMain)].filter((r) => r.config);
  const growth = [];
  for (const size of sizes) {
    for (const config of ['floor', 'all']) {
      const a = agg[`edge-${size}|${config}`];
      if (a) growth.push({ size, config, cpuMs: a.cpuMs, lintMs: a.lintMs, peakRss: a.peakRss });
    }
  }
  const disc = {
    importMs: median(discoveryRuns.map((r) => r.importMs)),
    coldMs: median(discoveryRuns.map((r) => r.coldMs)),
    coldMsAll: discoveryRuns.map((r) => Math.round(r.coldMs)),
    warmPerLookupUs: median(discoveryRuns.map((r) => r.warmPerLookupUs)),
    missPerLookupUs: median(discoveryRuns.map((r) => r.missPerLookupUs)),
    functions: discoveryRuns[0].functions,
    found: discoveryRuns[0].found,
    correct: discoveryRuns[0].correct,
    bindings: discoveryRuns[0].bindings,
    bySource: discoveryRuns[0].bySource,
    problems: discoveryRuns[0].problems,
    peakRss: median(discoveryRuns.map((r) => r.timeMaxRSS ?? r.maxRSS)),
  };

  // ---------------------------------------------------------------- budget

  const PLUGIN_RULE = /^lambda-edge\//;
  const pluginRuleMs = (corpus) => Object.entries(timing[corpus] ?? {}).filter(([rule]) => PLUGIN_RULE.test(rule)).reduce((s, [, ms]) => s + ms, 0);
  const get = (corpus, config) => agg[`${corpus}|${config}`];
  const budget = [];
  const line = (name, measured, pass, note = '') => budget.push({ budget: name, measured, result: pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS', note });
  // Budgets use CPU time (user + system of the child): with other work on the machine, wall
  // time swings by tens of percent; the wall-clock figures are shown next to them.
  const over = (corpus, config, metric = 'cpuMs') => get(corpus, config)[metric] / get(corpus, 'floor')[metric];
  if (get(nonEdgeMain, 'all') && get(nonEdgeMain, 'one-rule')) {
    const r = get(nonEdgeMain, 'all').cpuMs / get(nonEdgeMain, 'one-rule').cpuMs;
    line('Non-edge code: `all` < 1% over the one-rule floor (CPU, medians)', pct(r), r < 1.01);
  }
  if (get(nonEdgeMain, 'all')) {
    const r = over(nonEdgeMain, 'all');
    line('Non-edge code: `all` < 1% over the floor (CPU, medians)', `${pct(r)} (wall ${pct(over(nonEdgeMain, 'all', 'lintMs'))})`, r < 1.01);
    const t = pluginRuleMs(nonEdgeMain) / get(nonEdgeMain, 'floor').lintMs;
    line('Non-edge code: plugin rule time (TIMING) < 1% of the floor', `${fmtMs(pluginRuleMs(nonEdgeMain))} ms = ${(t * 100).toFixed(2)}%`, t < 0.01);
  }
  if (get(edgeMain, 'all')) {
    const floor = get(edgeMain, 'floor').cpuMs;
    if (get(edgeMain, 'one-rule')) {
      const one = get(edgeMain, 'all').cpuMs / get(edgeMain, 'one-rule').cpuMs;
      line('Handler code: `all` < 5% over the one-rule floor (CPU, medians)', pct(one), one < 1.05);
    }
    const r = over(edgeMain, 'all');
    line('Handler code: `all` < 5% over the floor (CPU, medians)', `${pct(r)} (wall ${pct(over(edgeMain, 'all', 'lintMs'))})`, r < 1.05);
    const t = pluginRuleMs(edgeMain) / get(edgeMain, 'floor').lintMs;
    line('Handler code: plugin rule time (TIMING) < 5% of the floor', `${fmtMs(pluginRuleMs(edgeMain))} ms = ${(t * 100).toFixed(2)}%`, t < 0.05);
    const allCost = get(edgeMain, 'all').cpuMs - floor;
    const nuvCost = (get(edgeMain, 'no-unused-vars')?.cpuMs ?? NaN) - floor;
    if (Number.isFinite(nuvCost)) line('Handler code: `all` costs less than `no-unused-vars` alone (CPU over the floor)', `${fmtMs(allCost)} ms vs ${fmtMs(nuvCost)} ms`, allCost < nuvCost);
    const nuvRule = timing[edgeMain]?.['no-unused-vars'];
    if (nuvRule !== undefined) {
      line('Handler code: plugin rules cost less than `no-unused-vars` (TIMING)', `${fmtMs(pluginRuleMs(edgeMain))} ms vs ${fmtMs(nuvRule)} ms`, pluginRuleMs(edgeMain) < nuvRule);
    }
  }
  const big = Math.max(...sizes);
  const half = big / 2;
  if (get(`edge-${big}`, 'all') && get(`edge-${half}`, 'all')) {
    const r = get(`edge-${big}`, 'all').cpuMs / get(`edge-${half}`, 'all').cpuMs;
    const f = get(`edge-${big}`, 'floor').cpuMs / get(`edge-${half}`, 'floor').cpuMs;
    line(`Linear growth: ${big} files < 2.2x ${half} files (\`all\`, CPU)`, `${r.toFixed(2)}x (floor ${f.toFixed(2)}x)`, r < 2.2);
  }
  line('Discovery: < 300 ms cold for 50 functions (first lookup, fresh process)', `${fmtMs(disc.coldMs)} ms (+ ${fmtMs(disc.importMs)} ms module import)`, disc.coldMs < 300);
  if (discoveryScript?.coldMs !== undefined) {
    line(
      'Discovery (bench/discovery.mjs app): < 300 ms cold, module load included',
      `${fmtMs(discoveryScript.coldMs)} ms = load ${fmtMs(discoveryScript.coldModuleLoadMs)} + discovery ${fmtMs(discoveryScript.coldDiscoveryMs)} (CPU ${fmtMs(discoveryScript.coldCpuMs)} ms)`,
      discoveryScript.coldMs < 300,
    );
    if (discoveryScript.coldWithParserMs !== undefined) {
      line(
        'Discovery inside ESLint on a TypeScript project (parser, and so TypeScript, already loaded): < 300 ms cold',
        `${fmtMs(discoveryScript.coldWithParserMs)} ms`,
        discoveryScript.coldWithParserMs < 300,
      );
    }
  }
  line('Discovery: nothing per file after (warm lookup)', `${disc.warmPerLookupUs.toFixed(2)} µs/file`, disc.warmPerLookupUs < 50);
  line('Discovery: all 50 functions found with the right event type', `${disc.correct}/${disc.functions}`, disc.correct === disc.functions);
  for (const corpus of [edgeMain, nonEdgeMain]) {
    if (!get(corpus, 'all')) continue;
    const r = get(corpus, 'all').peakRss / get(corpus, 'floor').peakRss;
    const nuv = get(corpus, 'no-unused-vars')?.peakRss;
    line(
      `Memory (${corpus}): \`all\` peak RSS within 10% of the floor`,
      `${fmtMB(get(corpus, 'all').peakRss)} MB vs ${fmtMB(get(corpus, 'floor').peakRss)} MB (${pct(r)}${nuv ? `; no-unused-vars alone ${pct(nuv / get(corpus, 'floor').peakRss)}` : ''})`,
      r < 1.1,
    );
    const one = get(corpus, 'one-rule')?.peakRss;
    if (one) {
      const r1 = get(corpus, 'all').peakRss / one;
      line(`Memory (${corpus}): \`all\` peak RSS within 10% of the one-rule floor`, `${fmtMB(get(corpus, 'all').peakRss)} MB vs ${fmtMB(one)} MB (${pct(r1)})`, r1 < 1.1);
    }
  }

  // ---------------------------------------------------------------- output

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGB: +(totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    eslint: JSON.parse(readFileSync(join(ROOT, 'node_modules', 'eslint', 'package.json'), 'utf8')).version,
    loadAverageAtEnd: loadavg(),
  };
  const results = {
    date: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    options: opts,
    machine,
    corpora: Object.fromEntries(Object.entries(corpora).map(([k, c]) => [k, c.stats])),
    table: table.map(({ stdout: _s, ...r }) => r),
    growth,
    timing,
    discovery: disc,
    discoveryScript,
    budget,
  };
  writeFileSync(join(OUT, `${opts.out}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const md = markdown(results, edgeMain, nonEdgeMain);
  writeFileSync(join(OUT, `${opts.out}.md`), md);
  process.stdout.write(md);
  log(`\nbench: wrote ${relative(ROOT, join(OUT, `${opts.out}.json`))} and ${relative(ROOT, join(OUT, `${opts.out}.md`))} (${results.durationS} s)`);
}

function markdown(results, edgeMain, nonEdgeMain) {
  const out = [];
  const { machine: m, options: o } = results;
  out.push(`Benchmark of ${results.date.slice(0, 10)}: ${m.cpus} cores (${m.cpuModel}), Node ${m.node}, ESLint ${m.eslint}; medians of ${o.reps} runs, each in a fresh process${o.quick ? ' (--quick: small corpora, indicative only)' : ''}.`, '');
  out.push('| Corpus | Config | CPU (ms) | vs floor | Wall (ms) | vs floor | Peak RSS (MB) | vs floor | Reports |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of results.table) {
    const f = r.config === 'floor';
    out.push(`| ${r.corpus} | ${r.config} | ${fmtMs(r.cpuMs)} | ${f ? '—' : pct(r.ratio)} | ${fmtMs(r.lintMs)} | ${f ? '—' : pct(r.wallRatio)} | ${fmtMB(r.peakRss)} | ${f ? '—' : pct(r.rssRatio)} | ${r.messages} |`);
  }
  out.push('');
  if (results.growth.length > 0) {
    out.push('| Handler files | floor CPU (ms) | all CPU (ms) | all vs floor |', '|--:|--:|--:|--:|');
    const sizes = [...new Set(results.growth.map((g) => g.size))];
    for (const size of sizes) {
      const f = results.growth.find((g) => g.size === size && g.config === 'floor');
      const a = results.growth.find((g) => g.size === size && g.config === 'all');
      if (f && a) out.push(`| ${size} | ${fmtMs(f.cpuMs)} | ${fmtMs(a.cpuMs)} | ${pct(a.cpuMs / f.cpuMs)} |`);
    }
    out.push('');
  }
  const rules = new Set();
  for (const t of Object.values(results.timing)) for (const rule of Object.keys(t)) if (/^lambda-edge\/|^no-unused-vars$/.test(rule)) rules.add(rule);
  if (rules.size > 0) {
    out.push(`| Rule (TIMING=all) | ${edgeMain} (ms) | ${nonEdgeMain} (ms) |`, '|---|--:|--:|');
    for (const rule of [...rules].sort()) {
      out.push(`| ${rule} | ${fmtMs(results.timing[edgeMain]?.[rule] ?? 0)} | ${fmtMs(results.timing[nonEdgeMain]?.[rule] ?? 0)} |`);
    }
    out.push('');
  }
  const d = results.discovery;
  out.push(`Discovery (50 functions: ${Object.entries(d.bySource).map(([k, v]) => `${k} ${v}`).join(', ')}): cold ${fmtMs(d.coldMs)} ms (module import ${fmtMs(d.importMs)} ms), warm ${d.warmPerLookupUs.toFixed(2)} µs per lookup, ${d.correct}/${d.functions} bound correctly.`, '');
  out.push('| Budget | Measured | Result |', '|---|---|---|');
  for (const b of results.budget) out.push(`| ${b.budget} | ${b.measured} | ${b.result} |`);
  out.push('');
  return out.join('\n');
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
