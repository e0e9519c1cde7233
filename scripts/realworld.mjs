#!/usr/bin/env node
// Real-code regression suite: fetch pinned npm packages that ship Lambda@Edge code (and their
// neighbours), lint them with the plugin's `all` config through the ESLint API, and compare
// the findings with tests/realworld/expected.json. Needs the npm registry the first time (the
// tarballs are cached outside the repository), so it is not part of `npm test`.
//
//   npm run realworld                 # build, fetch (cached), lint, compare; exit 1 on any difference
//   node scripts/realworld.mjs --dump # also write every finding to <cache>/findings.json
//   REALWORLD_CACHE=/some/dir ...     # cache location (default: $XDG_CACHE_HOME or ~/.cache, else the OS temp dir)
//
// Nothing fetched is ever executed: tarballs are unpacked with tar and only read by ESLint.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import globals from 'globals';
import { compareFindings, formatComparison, validateExpected } from './realworld/compare.mjs';

// A package holding an .eslintignore makes ESLint warn once per instance; that file is not ours to migrate.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'ESLintIgnoreWarning') console.warn(`${w.name}: ${w.message}`);
});

const root = path.resolve(import.meta.dirname, '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));
const list = JSON.parse(readFileSync(path.join(root, 'tests/realworld/packages.json'), 'utf8')).packages;
const expected = JSON.parse(readFileSync(path.join(root, 'tests/realworld/expected.json'), 'utf8'));
const dump = process.argv.includes('--dump');

const cacheBase = process.env.REALWORLD_CACHE
  ?? path.join(process.env.XDG_CACHE_HOME ?? (os.homedir() ? path.join(os.homedir(), '.cache') : os.tmpdir()), 'eslint-plugin-lambda-edge-realworld');
mkdirSync(cacheBase, { recursive: true });

// Inline config is off (packages name rules not loaded here); ESLint notes each such comment.
const INLINE_CONFIG_NOTE = /has no effect because you have 'noInlineConfig'/;
const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const MAX_BYTES = 5 * 1024 * 1024;

function sha512(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** Fetches (once) and unpacks (once) a package; returns the folder holding its files. */
function materialise({ name, version, integrity }) {
  const safe = `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}`;
  const tarball = path.join(cacheBase, `${safe}.tgz`);
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', cacheBase, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const actual = sha512(tarball);
  if (actual !== integrity) {
    rmSync(tarball, { force: true });
    throw new Error(`${name}@${version}: integrity ${actual} does not match the pinned ${integrity}; the tarball was removed`);
  }
  const dir = path.join(cacheBase, 'unpacked', safe);
  const done = path.join(dir, '.unpacked');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir, '--no-same-owner']);
    writeFileSync(done, integrity);
  }
  // npm tarballs hold one top folder, nearly always `package/`.
  const top = readdirSync(dir, { withFileTypes: true }).find((e) => e.isDirectory());
  return path.join(dir, top.name);
}

function listFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && CODE.test(entry.name) && statSync(full).size <= MAX_BYTES) out.push(full);
  }
  return out;
}

/** The flat config a user of the plugin would write: `all`, TypeScript parsed, optionally Node's globals. */
function configFor(mode, sourceType) {
  return [
    { ...plugin.configs.all, files: ['**/*.{js,cjs,mjs,jsx,ts,mts,cts,tsx}'] },
    { files: ['**/*.{js,jsx}'], languageOptions: { sourceType } },
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser } },
    ...(mode === 'node' ? [{ languageOptions: { globals: globals.node } }] : []),
    // Packages carry `eslint-disable` comments for rules not loaded here; they are not ours.
    { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
  ];
}

/** Where a finding sits: the package's own code, a bundled node_modules section, a vendored or a minified file. */
function originOf(relative, lines, line) {
  if (/(^|\/)node_modules\//.test(relative)) return 'vendored node_modules file';
  const long = lines.filter((l) => l.length > 1000).length;
  const average = lines.reduce((n, l) => n + l.length, 0) / Math.max(lines.length, 1);
  if (long > 0 && average > 200) return 'minified file';
  // esbuild: `// node_modules/pkg/file.js`; webpack: `/***/ "./node_modules/pkg/file.js":` or `"../node_modules/...": (`.
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i];
    const esbuild = /^\s*\/\/ ((?:\.\.\/)*[\w@./+-]+\.[cm]?[jt]sx?)\s*$/.exec(text);
    const webpack = /^\s*(?:\/\*\*\*\/\s*)?["']((?:\.{1,2}\/)+[^"']+)["']\s*:\s*(?:\(|function|\/)/.exec(text);
    const marker = esbuild?.[1] ?? webpack?.[1];
    if (marker) return /node_modules\//.test(marker) ? `bundled section ${marker.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')}` : 'own code (bundle)';
  }
  return 'own code';
}

const started = performance.now();
const findings = [];
const stats = { packages: 0, files: 0, parseFailures: [], byRule: {}, byOrigin: {}, byPackage: {} };
for (const spec of list) {
  const dir = materialise(spec);
  const files = listFiles(dir);
  stats.packages++;
  stats.files += files.length;
  stats.byPackage[spec.name] = { files: files.length, bare: 0, node: 0 };
  for (const mode of ['bare', 'node']) {
    const t0 = performance.now();
    const eslints = ['module', 'commonjs'].map((sourceType) => new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor(mode, sourceType), ignore: false }));
    const results = await eslints[0].lintFiles(files);
    for (let result of results) {
      const file = result.filePath;
      // A CommonJS file that does not parse as a module (top-level `return`, `with`, octal escapes) gets a second try.
      if (result.fatalErrorCount > 0 && /\.jsx?$/.test(file)) [result] = await eslints[1].lintFiles([file]);
      const relative = path.relative(dir, file).split(path.sep).join('/');
      if (result.fatalErrorCount > 0) {
        if (mode === 'bare') stats.parseFailures.push(`${spec.name} ${relative}: ${result.messages[0].message}`);
        continue;
      }
      const messages = result.messages.filter((m) => !(m.ruleId === null && INLINE_CONFIG_NOTE.test(m.message)));
      const lines = messages.length > 0 ? readFileSync(file, 'utf8').split(/\r\n|\r|\n/) : [];
      for (const m of messages) {
        const rule = m.ruleId ?? '(no rule)';
        const origin = originOf(relative, lines, m.line);
        findings.push({ config: mode, package: spec.name, file: relative, line: m.line, rule, message: m.message, origin });
        stats.byPackage[spec.name][mode]++;
        const k = `${mode} ${rule}`;
        stats.byRule[k] = (stats.byRule[k] ?? 0) + 1;
        const o = `${mode} ${origin.startsWith('bundled section') ? 'bundled node_modules section' : origin}`;
        stats.byOrigin[o] = (stats.byOrigin[o] ?? 0) + 1;
      }
    }
    stats.byPackage[spec.name].seconds = (stats.byPackage[spec.name].seconds ?? 0) + (performance.now() - t0) / 1000;
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (dump) {
  writeFileSync(path.join(cacheBase, 'findings.json'), JSON.stringify(findings, null, 2));
  console.log(`findings written to ${path.join(cacheBase, 'findings.json')}`);
}
console.log(`realworld: ${stats.packages} packages, ${stats.files} files, ${findings.length} findings (bare + globals.node) in ${seconds}s; cache ${cacheBase}`);
for (const [name, s] of Object.entries(stats.byPackage)) console.log(`  ${name}: ${s.files} files, ${s.bare} bare / ${s.node} globals.node findings, ${s.seconds.toFixed(1)}s`);
console.log('  by rule:', JSON.stringify(stats.byRule));
console.log('  by origin:', JSON.stringify(stats.byOrigin));
if (stats.parseFailures.length > 0) console.log(`  not parsed (${stats.parseFailures.length}):\n    ${stats.parseFailures.join('\n    ')}`);

const problems = validateExpected(expected);
if (problems.length > 0) {
  console.error(`tests/realworld/expected.json is malformed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
// An entry without `config` holds under both configs; one with `config` under that one only.
const expand = (entries) => entries.flatMap((e) => (e.config ? [{ ...e, package: `${e.config}:${e.package}` }] : ['bare', 'node'].map((c) => ({ ...e, package: `${c}:${e.package}` }))));
const result = compareFindings(
  findings.map((f) => ({ ...f, package: `${f.config}:${f.package}` })),
  { truePositives: expand(expected.truePositives), acceptedSilent: expand(expected.acceptedSilent), knownFalse: expand(expected.knownFalse), knownMisses: expand(expected.knownMisses ?? []) },
);
if (!result.ok) {
  console.error(`\nrealworld: the findings differ from tests/realworld/expected.json (package names are prefixed with the config, bare: or node:):\n${formatComparison(result)}`);
  process.exit(1);
}
console.log(`realworld: OK, ${result.matched} expected (entry, config) pairs matched (${expected.truePositives.length} true-positive and ${expected.knownFalse.length} known-false entries), ${expected.acceptedSilent.length} accepted-silent places stay silent, ${(expected.knownMisses ?? []).length} known misses still missed`);
