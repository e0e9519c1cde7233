#!/usr/bin/env node
// Peak memory (maximum resident set, from `/usr/bin/time -v`) of a lint run, one-rule against
// the plugin's configurations, with both harnesses: `bench/child-lint.mjs` (ESLint#lintFiles,
// which keeps every result until the end) and `bench/child-verify.mjs` (lintText one file at
// a time, results dropped). Every run is a fresh process; the configurations alternate within
// every repetition, so background load falls on all of them alike. Medians are reported.
//
//   node bench/memory.mjs [--files 1000] [--reps 3] [--only edge,nonedge] [--configs one-rule,all]
//                         [--harness lint,verify] [--seed 6] [--dist dist] [--out memory]
//
// Builds nothing (run `npm run build` first, or pass --dist). Writes bench/out/<out>.{json,md}.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, ROOT, makeParseCheck, snapshotPlugin, writeList } from './common.mjs';
import { buildEdgeCorpus, buildNonEdgeCorpus } from './corpus.mjs';

const opts = { files: 1000, reps: 3, only: ['edge', 'nonedge'], configs: ['one-rule', 'all'], harness: ['lint', 'verify'], seed: 6, dist: join(ROOT, 'dist'), out: 'memory' };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined) throw new Error(`${a} needs a value`);
    return v;
  };
  if (a === '--files') opts.files = Number(value());
  else if (a === '--reps') opts.reps = Number(value());
  else if (a === '--only') opts.only = value().split(',');
  else if (a === '--configs') opts.configs = value().split(',');
  else if (a === '--harness') opts.harness = value().split(',');
  else if (a === '--seed') opts.seed = Number(value());
  else if (a === '--dist') opts.dist = resolve(value());
  else if (a === '--out') opts.out = value();
  else if (a === '--help' || a === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).join('\n'));
    process.exit(0);
  } else throw new Error(`unknown option ${a}`);
}
if (!existsSync('/usr/bin/time')) {
  console.error('bench/memory.mjs needs /usr/bin/time (GNU time) for the peak resident set.');
  process.exit(2);
}
const SCRIPTS = { lint: 'child-lint.mjs', verify: 'child-verify.mjs' };
for (const h of opts.harness) if (!SCRIPTS[h]) throw new Error(`unknown harness ${h} (lint or verify)`);

const log = (msg) => process.stderr.write(`${msg}\n`);
const plugin = snapshotPlugin(`plugin-${opts.out}`, opts.dist);
const parseCheck = opts.only.includes('nonedge') ? await makeParseCheck() : undefined;
const corpora = opts.only.map((kind) => {
  const dir = join(OUT, `${kind}-${opts.files}`);
  const files = kind === 'edge' ? buildEdgeCorpus(dir, opts.files, opts.seed) : buildNonEdgeCorpus(dir, opts.files, opts.seed, join(ROOT, 'node_modules'), parseCheck);
  return { kind, dir, list: writeList(`${kind}-${opts.files}-${opts.out}`, files), files: files.length };
});

/** One fresh process under GNU time; the peak resident set in bytes. */
function peak(harness, corpus, config) {
  const child = spawnSync('/usr/bin/time', ['-v', process.execPath, join(ROOT, 'bench', SCRIPTS[harness]), plugin.index, config, corpus.dir, corpus.list], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
  if (child.status !== 0 || !kb) throw new Error(`${harness} ${config} on ${corpus.kind} failed (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1));
  if (result.files !== corpus.files) throw new Error(`${config}: linted ${result.files} of ${corpus.files} files`);
  return { bytes: Number(kb[1]) * 1024, messages: result.messages };
}

const results = [];
for (let rep = 0; rep < opts.reps; rep++) {
  for (const corpus of corpora) {
    for (const harness of opts.harness) {
      // Alternate the order of the configurations from one repetition to the next.
      const configs = rep % 2 === 0 ? opts.configs : [...opts.configs].reverse();
      for (const config of configs) {
        const r = peak(harness, corpus, config);
        results.push({ kind: corpus.kind, harness, config, rep, ...r });
        log(`  ${harness} ${config} on ${corpus.kind}-${corpus.files} #${rep + 1}: ${(r.bytes / 2 ** 20).toFixed(1)} MB`);
        mkdirSync(OUT, { recursive: true });
        writeFileSync(join(OUT, `${opts.out}.partial.json`), `${JSON.stringify({ options: opts, results }, null, 2)}\n`);
      }
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (b) => (b / 2 ** 20).toFixed(1);
const md = [`Peak RSS (/usr/bin/time -v), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${opts.files} files, ${opts.reps} fresh processes each; lint = ESLint#lintFiles (results kept), verify = lintText one file at a time (results dropped).`, '', '| Corpus | Harness | Config | Runs (MB) | Median (MB) | vs one-rule |', '|---|---|---|---|--:|--:|'];
const rows = [];
for (const corpus of corpora) {
  for (const harness of opts.harness) {
    const of = (config) => results.filter((r) => r.kind === corpus.kind && r.harness === harness && r.config === config);
    const base = opts.configs.includes('one-rule') ? median(of('one-rule').map((r) => r.bytes)) : undefined;
    for (const config of opts.configs) {
      const runs = of(config).map((r) => r.bytes);
      const m = median(runs);
      const vs = base === undefined || config === 'one-rule' ? undefined : m / base - 1;
      rows.push({ kind: corpus.kind, harness, config, runs, median: m, vsOneRule: vs });
      md.push(`| ${corpus.kind} | ${harness} | ${config} | ${runs.map(mb).join(', ')} | ${mb(m)} | ${vs === undefined ? '—' : `${vs >= 0 ? '+' : ''}${(vs * 100).toFixed(1)}%`} |`);
    }
  }
}
md.push('');
writeFileSync(join(OUT, `${opts.out}.json`), `${JSON.stringify({ options: opts, results, rows }, null, 2)}\n`);
writeFileSync(join(OUT, `${opts.out}.md`), md.join('\n'));
console.log(md.join('\n'));
