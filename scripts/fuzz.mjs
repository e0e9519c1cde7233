#!/usr/bin/env node
// The long fuzz run: the same harness as tests/reliability/fuzz.test.ts, with more programs.
//   npm run fuzz                          # 2000 programs of each generator, seed from the clock
//   npm run fuzz -- --runs 5000 --seed 42
//   npm run fuzz -- --time 600            # as many as fit in 600 s, a third for each generator (JS x2, HCL)
// FUZZ_RUNS / FUZZ_SEED in the environment work too (FUZZ_TIME_MS: per generator). A failure
// prints the (shrunk) program and the seed; rerun with that seed to reproduce it.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fuzzHcl } from './fuzz-hcl.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    seed: { type: 'string' },
    time: { type: 'string' },
  },
  allowPositionals: false,
});
const seed = values.seed ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
const runs = values.runs ?? process.env.FUZZ_RUNS ?? '2000';
// --time is the whole run's budget (a pre-stop check gives it a fixed time): a third for each of
// the two program generators and the HCL files, whose test startup takes some of it too.
const timeMs = values.time ? String(Math.round((Number(values.time) * 1000) / 3)) : (process.env.FUZZ_TIME_MS ?? '0');
console.log(`fuzz: seed ${seed}, ${runs} runs per generator${timeMs !== '0' ? `, at most ${timeMs / 1000} s each` : ''}`);

const result = spawnSync('npx', ['vitest', 'run', 'tests/reliability/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs, FUZZ_ESLUMP_RUNS: runs, FUZZ_TIME_MS: timeMs, FUZZ_VERBOSE: '1' },
});
if (result.status !== 0) console.error(`fuzz: failed; reproduce with: npm run fuzz -- --seed ${seed} --runs ${runs}`);
const hclStatus = fuzzHcl({ seed, runs, timeMs });
process.exit(result.status || hclStatus);
