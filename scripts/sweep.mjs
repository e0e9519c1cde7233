#!/usr/bin/env node
// Real-code sweep: lint every JS/TS file under node_modules (including .d.ts files and
// minified bundles) with the plugin's `all` config, built from dist/ (`npm run sweep` builds
// first). Goals: zero crashes, and no findings, since none of this code is Lambda@Edge code.
// Every finding is written to bench/out/sweep-findings.json for review.
//
//   npm run sweep                      # everything under ./node_modules
//   node scripts/sweep.mjs DIR...      # other folders (after npm run build)
//   SWEEP_LIMIT=500 npm run sweep      # the first 500 files only
import { cpSync, lstatSync, rmSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const root = path.resolve(import.meta.dirname, '..');
// A private copy of the build, so a rebuild while the sweep runs does not pull it away.
const snapshot = path.join(root, 'bench/out/sweep-package');
rmSync(snapshot, { recursive: true, force: true });
cpSync(path.join(root, 'dist'), path.join(snapshot, 'dist'), { recursive: true });
cpSync(path.join(root, 'package.json'), path.join(snapshot, 'package.json'));
const { default: plugin } = await import(path.join(snapshot, 'dist/src/index.js'));
const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2).map((d) => path.resolve(d)) : [path.join(root, 'node_modules')];
const limit = Number(process.env.SWEEP_LIMIT ?? Infinity);
const outDir = path.join(root, 'bench/out');
const EXTENSIONS = /\.(?:[cm]?[jt]s|[jt]sx)$/;

function listFiles(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symbolic links (node_modules/.bin, workspace links) are not followed: no loops, no duplicates.
    if (entry.isDirectory()) listFiles(full, out);
    else if (entry.isFile() && EXTENSIONS.test(entry.name)) out.push(full);
  }
  return out;
}

const linter = new Linter({ configType: 'flat', cwd: root });
const base = {
  files: ['**/*'],
  ...plugin.configs.all,
  settings: { 'lambda-edge': {} },
  // Inline `eslint-disable` / `/* eslint rule: 2 */` comments in packages name rules that are
  // not loaded here; they are not this sweep's business.
  linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
};

/** The ways to parse a file, most likely first. */
function attempts(file) {
  const ext = path.extname(file);
  const ts = { parser: tsParser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: ext === '.tsx' } } };
  if (['.ts', '.mts', '.cts', '.tsx'].includes(ext)) return [['typescript', ts]];
  const jsx = { ecmaFeatures: { jsx: true } };
  const espree = (sourceType) => [`espree/${sourceType}`, { sourceType, parserOptions: jsx }];
  if (ext === '.mjs') return [espree('module'), ['typescript', { ...ts, parserOptions: jsx }]];
  if (ext === '.cjs') return [espree('commonjs'), ['typescript', { ...ts, parserOptions: jsx }]];
  return [espree('module'), espree('commonjs'), espree('script'), ['typescript', { ...ts, parserOptions: jsx }]];
}

const files = dirs.flatMap((d) => listFiles(d, [])).slice(0, limit);
const counts = { files: files.length, parsed: 0, skipped: 0, unreadable: 0, crashes: 0, findings: 0, otherMessages: 0, bytes: 0, byParser: {}, byRule: {} };
const findings = [];
const crashes = [];
const skippedFiles = [];
const slowest = [];
const started = performance.now();
let lastPrint = started;

for (const [index, file] of files.entries()) {
  let text;
  try {
    if (lstatSync(file).size > 20 * 1024 * 1024) {
      counts.skipped++;
      skippedFiles.push({ file: path.relative(root, file), reason: 'larger than 20 MB' });
      continue;
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Gone or unreadable since the listing (an npm install running meanwhile): not a parse failure.
    counts.unreadable++;
    skippedFiles.push({ file: path.relative(root, file), reason: String(error) });
    continue;
  }
  counts.bytes += text.length;
  const t0 = performance.now();
  let parsedWith;
  let messages;
  let lastFatal;
  for (const [name, languageOptions] of attempts(file)) {
    const config = [{ ignores: ['!**/node_modules/'] }, { ...base, languageOptions: { ecmaVersion: 'latest', ...languageOptions } }];
    try {
      messages = linter.verify(text, config, { filename: file });
    } catch (error) {
      counts.crashes++;
      crashes.push({ file: path.relative(root, file), parser: name, error: String(error.stack ?? error) });
      parsedWith = 'crash';
      break;
    }
    const fatal = messages.find((m) => m.fatal);
    if (!fatal) {
      parsedWith = name;
      break;
    }
    lastFatal = fatal.message;
  }
  const ms = performance.now() - t0;
  slowest.push({ file: path.relative(root, file), ms: Math.round(ms), bytes: text.length });
  if (slowest.length > 40) {
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = 20;
  }
  if (parsedWith === 'crash') continue;
  if (!parsedWith) {
    counts.skipped++;
    skippedFiles.push({ file: path.relative(root, file), reason: lastFatal });
    continue;
  }
  counts.parsed++;
  counts.byParser[parsedWith] = (counts.byParser[parsedWith] ?? 0) + 1;
  const lines = text.split('\n', 10_000_000);
  for (const m of messages) {
    if (!m.ruleId?.startsWith('lambda-edge/')) {
      counts.otherMessages++;
      continue;
    }
    counts.findings++;
    counts.byRule[m.ruleId ?? '(none)'] = (counts.byRule[m.ruleId ?? '(none)'] ?? 0) + 1;
    const line = lines[m.line - 1] ?? '';
    const from = Math.max(0, m.column - 80);
    findings.push({
      file: path.relative(root, file),
      line: m.line,
      column: m.column,
      ruleId: m.ruleId,
      message: m.message,
      source: line.slice(from, from + 200),
      parser: parsedWith,
    });
  }
  const now = performance.now();
  if (now - lastPrint > 15_000) {
    lastPrint = now;
    console.log(`sweep: ${index + 1}/${files.length} files, ${counts.crashes} crashes, ${counts.findings} findings, ${((now - started) / 1000).toFixed(0)} s`);
  }
}

const seconds = (performance.now() - started) / 1000;
slowest.sort((a, b) => b.ms - a.ms);
slowest.length = Math.min(slowest.length, 20);
const summary = { ...counts, seconds: Math.round(seconds), rules: Object.keys(plugin.rules), slowest };
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'sweep-findings.json'), `${JSON.stringify({ summary, findings, crashes, skipped: skippedFiles }, null, 2)}\n`);

console.log(`sweep: ${counts.files} files (${(counts.bytes / 1e6).toFixed(1)} MB), ${counts.parsed} parsed, ${counts.skipped} skipped (parse with neither parser), ${counts.unreadable} unreadable, ${counts.crashes} crashes, ${counts.findings} findings, ${seconds.toFixed(0)} s`);
console.log(`sweep: parsed with ${JSON.stringify(counts.byParser)}`);
console.log(`sweep: findings per rule ${JSON.stringify(counts.byRule)}`);
console.log(`sweep: slowest ${slowest.slice(0, 5).map((s) => `${s.file} ${s.ms} ms`).join(', ')}`);
console.log(`sweep: details in ${path.relative(root, path.join(outDir, 'sweep-findings.json'))}`);
for (const c of crashes.slice(0, 5)) console.log(`CRASH ${c.file} (${c.parser}): ${c.error.split('\n').slice(0, 6).join('\n  ')}`);
process.exit(counts.crashes > 0 ? 1 : 0);
