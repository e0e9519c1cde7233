/**
 * Fuzzing every rule (whatever rules/index.ts exports at run time) with random programs.
 * Bounded and seeded in `npm test`; `npm run fuzz -- --runs N --seed S` runs more
 * (FUZZ_RUNS, FUZZ_SEED, FUZZ_TIME_MS in the environment).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GeneratedProgram, eslumpProgram, handlerProgram } from './generators.js';
import { type Failure, type ParserName, checkProgram, describeFailures } from './harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240607);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const ESLUMP_RUNS = Number(process.env.FUZZ_ESLUMP_RUNS ?? process.env.FUZZ_RUNS ?? 40);
const TIME_MS = Number(process.env.FUZZ_TIME_MS ?? 0);
const LONG = TIME_MS > 0 || RUNS > 200;

interface Stats {
  programs: number;
  parsed: Record<ParserName, number>;
  findings: number;
  fixable: number;
  suggestions: number;
}

function newStats(): Stats {
  return { programs: 0, parsed: { espree: 0, typescript: 0 }, findings: 0, fixable: 0, suggestions: 0 };
}

function checkAll(program: GeneratedProgram, stats: Stats): Failure[] {
  stats.programs++;
  const failures: Failure[] = [];
  const parsers: ParserName[] = program.typescript ? ['typescript'] : ['espree', 'typescript'];
  for (const parser of parsers) {
    const result = checkProgram({
      code: program.code,
      parser,
      sourceType: program.sourceType === 'script' ? 'commonjs' : 'module',
      ...(program.settings ? { settings: program.settings } : {}),
    });
    if (result.parsed) {
      stats.parsed[parser]++;
      stats.findings += result.messages.length;
      stats.fixable += result.messages.filter((m) => m.fix).length;
      stats.suggestions += result.messages.filter((m) => m.suggestions?.length).length;
    }
    failures.push(...result.failures);
  }
  return failures;
}

function report(name: string, stats: Stats, seed: number): void {
  if (!LONG && !process.env.FUZZ_VERBOSE) return;
  console.log(
    `[fuzz] ${name}: seed ${seed}, ${stats.programs} programs, parsed espree ${stats.parsed.espree} / typescript ${stats.parsed.typescript}, ` +
      `${stats.findings} findings (${stats.fixable} fixable, ${stats.suggestions} with suggestions)`,
  );
}

describe('fuzz: every rule, every parser', () => {
  it(`handler-shaped programs from fast-check (seed ${SEED})`, { timeout: LONG ? 0 : 60_000 }, () => {
    const stats = newStats();
    fc.assert(
      fc.property(handlerProgram, (program) => {
        const failures = checkAll(program, stats);
        if (failures.length > 0) throw new Error(describeFailures(failures));
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        ...(TIME_MS > 0 ? { interruptAfterTimeLimit: TIME_MS, markInterruptAsFailure: false } : {}),
      },
    );
    report('fast-check', stats, SEED);
    // The generator is only useful when most programs parse and many produce findings.
    expect(stats.parsed.typescript).toBeGreaterThan(stats.programs * 0.8);
    expect(stats.findings).toBeGreaterThan(0);
  });

  it(`random programs from eslump (seed ${SEED})`, { timeout: LONG ? 0 : 60_000 }, () => {
    const stats = newStats();
    const failures: string[] = [];
    const started = Date.now();
    for (let i = 0; i < ESLUMP_RUNS; i++) {
      if (TIME_MS > 0 && Date.now() - started > TIME_MS) break;
      const seed = (SEED + i * 7919) >>> 0;
      const program = eslumpProgram(seed, LONG ? 7 : 5);
      const found = checkAll(program, stats);
      if (found.length > 0) failures.push(describeFailures(found, `eslump seed ${seed}`));
      if (failures.length >= 3) break;
    }
    report('eslump', stats, SEED);
    expect(failures.join('\n')).toBe('');
    expect(stats.parsed.espree + stats.parsed.typescript).toBeGreaterThan(0);
  });
});
