// The HCL language's part of `npm run fuzz`: tests/reliability/hcl-fuzz.test.ts with the seed
// and run count of the long run. Kept apart from scripts/fuzz.mjs so each can change alone.
import { spawnSync } from 'node:child_process';

/** Runs the HCL fuzz test; returns the exit status (0 when every file behaved). */
export function fuzzHcl({ seed, runs, timeMs = '0' }) {
  console.log(`fuzz (HCL language): seed ${seed}, ${runs} generated files, each also mutated`);
  const result = spawnSync('npx', ['vitest', 'run', 'tests/reliability/hcl-fuzz.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs, FUZZ_TIME_MS: timeMs, FUZZ_VERBOSE: '1' },
  });
  if (result.status !== 0) console.error(`fuzz (HCL language): failed; reproduce with: npm run fuzz -- --seed ${seed} --runs ${runs}`);
  return result.status ?? 1;
}
