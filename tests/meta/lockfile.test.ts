// package-lock.json must install the same tree on every fresh clone: see lockfile-check.ts.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../integration/helpers.js';
import { type Lock, type Overrides, isSemverRange, lockProblems, overridesFor, resolveInLock, specProblem } from './lockfile-check.js';

const root = path.join(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { overrides?: Overrides; name: string; version: string };

describe('package-lock.json', () => {
  it('is lockfileVersion 3 and names this package', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages?.['']).toMatchObject({ name: pkg.name, version: pkg.version });
  });

  it('has no dependency on a dist-tag, git, URL or file spec that overrides do not pin exactly', () => {
    expect(lockProblems(lock, pkg.overrides)).toEqual([]);
  });

  it('pins jschardet (asked for as "latest" by the SARIF formatter) and installs exactly that version', () => {
    const sarif = lock.packages?.['node_modules/@microsoft/eslint-formatter-sarif'];
    expect(sarif?.dependencies?.jschardet).toBe('latest');
    expect(overridesFor(pkg.overrides, 'jschardet')).toEqual(['4.1.0']);
    expect(resolveInLock(lock, 'node_modules/@microsoft/eslint-formatter-sarif', 'jschardet')?.entry.version).toBe('4.1.0');
  });

  it('is in sync with package.json: npm ci --dry-run passes offline on a copy of the two files', async () => {
    // An empty cache and --offline: npm cannot reach the network, so this is what the lock alone
    // says. A dependency missing from the lock or a wrong override fails here (EUSAGE/ENOTCACHED).
    const dir = mkdtempSync(path.join(tmpdir(), 'lambda-edge-npm-ci-'));
    try {
      for (const file of ['package.json', 'package-lock.json']) cpSync(path.join(root, file), path.join(dir, file));
      const result = await run(
        'npm',
        ['ci', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', path.join(dir, '.npm-cache')],
        { cwd: dir, timeoutMs: 60_000 },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/added \d+ packages/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('lockProblems (on crafted lock objects)', () => {
  const lockWith = (deps: Record<string, string>, installed: Record<string, string> = {}): Lock => ({
    lockfileVersion: 3,
    packages: {
      '': { name: 'app', version: '1.0.0', dependencies: { tool: '^1.0.0' } },
      'node_modules/tool': { version: '1.2.0', dependencies: deps },
      ...Object.fromEntries(Object.entries(installed).map(([name, version]) => [`node_modules/${name}`, { version }])),
    },
  });

  it('accepts semver ranges and npm: aliases with a range', () => {
    const specs = ['^1.2.3', '~0.2.0', '1.2.3', '>=1.0.0 <2.0.0', '1.x || 2.x', '*', '', '1.2.3 - 2.3.4', '>= 7.1.0-dev.2026 || >=7.1.0-beta <7.1.0-dev', 'npm:react-is@^18.3.1', 'npm:@scope/pkg@~1.0.0', 'v1.2'];
    for (const spec of specs) expect(specProblem(spec), spec).toBeUndefined();
    expect(lockProblems(lockWith(Object.fromEntries(specs.map((spec, i) => [`dep${i}`, spec])), {}), undefined)).toEqual([]);
  });

  it.each([
    ['latest', /"latest" is a dist-tag/],
    ['next', /"next" is a dist-tag/],
    ['beta', /"beta" is a dist-tag/],
    ['npm:other@latest', /npm: alias to other with "latest"/],
    ['github:user/repo', /git dependency/],
    ['git+https://github.com/user/repo.git#main', /git dependency/],
    ['user/repo#main', /git dependency/],
    ['https://example.com/pkg.tgz', /URL dependency/],
    ['file:../pkg', /local file dependency/],
    ['1.2.3.4', /dist-tag/],
  ])('reports %s with no override', (spec, reason) => {
    const problems = lockProblems(lockWith({ moving: spec }, { moving: '4.0.0' }), undefined);
    expect(problems).toEqual([{ from: 'node_modules/tool', field: 'dependencies', name: 'moving', spec, reason: expect.stringMatching(reason) }]);
    expect(problems[0]!.reason).toContain('"overrides": { "moving": "<exact version>" }');
  });

  it('checks devDependencies, optionalDependencies and peerDependencies too', () => {
    const crafted: Lock = {
      packages: {
        '': { devDependencies: { a: 'latest' } },
        'node_modules/x': { version: '1.0.0', optionalDependencies: { b: 'next' }, peerDependencies: { c: 'canary' } },
      },
    };
    expect(lockProblems(crafted, undefined).map((p) => `${p.from}|${p.field}|${p.name}`)).toEqual([
      '|devDependencies|a',
      'node_modules/x|optionalDependencies|b',
      'node_modules/x|peerDependencies|c',
    ]);
  });

  it('accepts a dist-tag pinned by an exact override that the lock installs', () => {
    expect(lockProblems(lockWith({ moving: 'latest' }, { moving: '4.1.0' }), { moving: '4.1.0' })).toEqual([]);
    // nested override (only under `tool`) counts as well
    expect(lockProblems(lockWith({ moving: 'latest' }, { moving: '4.1.0' }), { tool: { moving: '4.1.0' } })).toEqual([]);
  });

  it('reports an override that is itself a range or tag', () => {
    const problems = lockProblems(lockWith({ moving: 'latest' }, { moving: '4.1.0' }), { moving: '^4.1.0' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/its override "\^4\.1\.0" is not one exact version/);
  });

  it('reports a lock that installs another version than the override pins (the jschardet failure)', () => {
    const problems = lockProblems(lockWith({ moving: 'latest' }, { moving: '4.0.0' }), { moving: '4.1.0' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/overrides pin 4\.1\.0 but the lock installs node_modules\/moving@4\.0\.0: run npm install/);
  });

  it('resolves through nested node_modules first, as Node does', () => {
    const crafted: Lock = {
      packages: {
        '': {},
        'node_modules/tool': { version: '1.0.0', dependencies: { moving: 'latest' } },
        'node_modules/tool/node_modules/moving': { version: '4.1.0' },
        'node_modules/moving': { version: '3.0.0' },
      },
    };
    expect(resolveInLock(crafted, 'node_modules/tool', 'moving')?.path).toBe('node_modules/tool/node_modules/moving');
    expect(lockProblems(crafted, { moving: '4.1.0' })).toEqual([]);
    expect(lockProblems(crafted, { moving: '3.0.0' })).toHaveLength(1);
  });

  it('reports a dist-tag dependency the lock does not install at all', () => {
    expect(lockProblems(lockWith({ moving: 'latest' }), { moving: '4.1.0' })[0]!.reason).toMatch(/the lock installs no moving/);
  });

  it('range grammar rejects what is not a range', () => {
    for (const spec of ['latest', '^', '>=', '1.2.3beta', '1..2', 'x.y.z.w', '^1 ~']) expect(isSemverRange(spec), spec).toBe(false);
  });
});
