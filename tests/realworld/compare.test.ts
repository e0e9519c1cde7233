import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareFindings, formatComparison, validateExpected, type Expected } from '../../scripts/realworld/compare.mjs';

/** The comparison behind `npm run realworld`, on a tiny local list (the suite itself needs the registry). */
const entry = (file: string, line: number, rule: string, extra: Record<string, string> = {}) => ({
  package: 'pkg',
  file,
  line,
  rule,
  reason: 'why',
  ...extra,
});

const expected: Expected = {
  truePositives: [entry('edge.js', 4, 'lambda-edge/no-env-vars')],
  acceptedSilent: [entry('edge.js', 9, '*'), entry('edge.js', 12, 'lambda-edge/valid-status')],
  knownFalse: [entry('bundle.js', 100, 'lambda-edge/no-env-vars', { class: 'bundled third-party code' })],
  knownMisses: [entry('edge.js', 20, 'lambda-edge/no-numeric-status')],
};
const finding = (file: string, line: number, rule: string) => ({ package: 'pkg', file, line, rule, message: 'text' });

describe('realworld comparison', () => {
  it('passes when the findings are exactly the true positives and the known-false ones', () => {
    const result = compareFindings(
      [finding('edge.js', 4, 'lambda-edge/no-env-vars'), finding('bundle.js', 100, 'lambda-edge/no-env-vars'), finding('bundle.js', 100, 'lambda-edge/no-env-vars')],
      expected,
    );
    expect(result).toEqual({ ok: true, unexpected: [], missingTruePositives: [], fixedKnownFalse: [], matched: 2 });
    expect(formatComparison(result)).toBe('');
  });

  it('fails on a new finding, names an accepted-silent place and a known miss, and reports what disappeared', () => {
    const result = compareFindings(
      [
        finding('edge.js', 9, 'lambda-edge/lowercase-header-keys'),
        finding('edge.js', 12, 'lambda-edge/valid-status'),
        finding('edge.js', 20, 'lambda-edge/no-numeric-status'),
        finding('other.js', 1, 'lambda-edge/no-env-vars'),
      ],
      expected,
    );
    expect(result.ok).toBe(false);
    expect(result.matched).toBe(0);
    expect(formatComparison(result).split('\n')).toEqual([
      '+ pkg edge.js:9 lambda-edge/lowercase-header-keys  NEW at an accepted-silent place ("why"): text',
      '+ pkg edge.js:12 lambda-edge/valid-status  NEW at an accepted-silent place ("why"): text',
      '+ pkg edge.js:20 lambda-edge/no-numeric-status  FOUND a known miss ("why"): move the entry to truePositives',
      '+ pkg other.js:1 lambda-edge/no-env-vars  NEW finding in no list: text',
      '- pkg edge.js:4 lambda-edge/no-env-vars  MISSING true positive ("why"): a regression',
      '- pkg bundle.js:100 lambda-edge/no-env-vars  GONE known-false [bundled third-party code]: fixed? remove the entry',
    ]);
  });

  it('rejects malformed lists', () => {
    const bad = {
      truePositives: [{ package: 'pkg', file: 'a.js', line: 0, rule: '*', reason: 'two\nlines' }],
      acceptedSilent: [],
      knownFalse: [entry('b.js', 3, 'lambda-edge/no-env-vars'), entry('b.js', 3, 'lambda-edge/no-env-vars', { class: 'x' })],
    } as unknown as Expected;
    expect(validateExpected(bad)).toEqual([
      "truePositives[0]: 'line' must be a positive integer",
      "truePositives[0]: 'reason' must be one line",
      "truePositives[0]: rule '*' is for accepted-silent places only",
      'knownFalse[0]: a known-false entry must name its class',
      'knownFalse[1]: same package, file, line, rule and config as knownFalse[0]',
    ]);
  });

  it('the committed list is well formed and every known-false entry names a class', () => {
    const committed = JSON.parse(readFileSync(path.join(import.meta.dirname, 'expected.json'), 'utf8')) as Expected;
    expect(validateExpected(committed)).toEqual([]);
    // knownFalse may be empty (every named class fixed); validateExpected checks each entry's class.
    expect(Array.isArray(committed.knownFalse)).toBe(true);
    const packages = JSON.parse(readFileSync(path.join(import.meta.dirname, 'packages.json'), 'utf8')) as {
      packages: { name: string; version: string; integrity: string }[];
    };
    const names = new Set(packages.packages.map((p) => p.name));
    for (const list of [committed.truePositives, committed.acceptedSilent, committed.knownFalse, committed.knownMisses ?? []]) {
      for (const e of list) expect(names, `${e.package} is not in packages.json`).toContain(e.package);
    }
    for (const p of packages.packages) {
      expect(p.version, p.name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.integrity, p.name).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    }
  });
});
