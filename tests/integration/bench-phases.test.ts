import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/model/build.js';
import { repoRoot, run } from './helpers.js';

/**
 * bench/phases.mjs without valgrind: it runs the model's own phase table on a small handler
 * corpus and reports one row per phase, in the model's order. No time is asserted.
 */
const script = path.join(repoRoot, 'bench', 'phases.mjs');

describe('bench/phases.mjs', () => {
  it('reports every phase of the model, in order, for the built plugin', async () => {
    const result = await run(process.execPath, [script, '--files', '12', '--warm', '1', '--iterations', '1'], { cwd: repoRoot, timeoutMs: 120_000 });
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(repoRoot, 'bench', 'out', 'phases.json'), 'utf8')) as { unit: string; rows: Array<{ phase: string; perFile: number }> };
    expect(report.unit).toBe('µs per file');
    expect(report.rows.map((row) => row.phase)).toEqual(PHASES.map((phase) => phase.name));
    for (const row of report.rows) expect(row.perFile).toBeGreaterThanOrEqual(0);
    expect(result.stdout).toContain('| collect |');
  }, 150_000);

  it('refuses a count of rounds that would measure nothing, before it builds anything', async () => {
    const result = await run(process.execPath, [script, '--iterations', '0'], { cwd: repoRoot, timeoutMs: 60_000 });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--iterations takes a whole number (1 or more)');
  });
});
