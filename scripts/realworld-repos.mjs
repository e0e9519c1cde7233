#!/usr/bin/env node
// Lints folders of edge code (copies of other people's projects, kept outside this repository)
// with the plugin's `all` config under a bare config and under a realistic one
// (`globals.node` plus typescript-eslint's `recommended`), and their Serverless, SAM/CloudFormation
// and Terraform files with `configs.infrastructure`, and prints every lambda-edge finding
// for classification. This is how docs/real-code.md's repository figures were taken.
//
//   npm run build && node scripts/realworld-repos.mjs /tmp/repos/*        # one folder per project
//   node scripts/realworld-repos.mjs --json out.json /tmp/repos/*
//
// Each folder is its own ESLint cwd, so infrastructure discovery sees that project only.
// Nothing is executed; `node_modules` folders and `.d.ts` files are skipped.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = path.resolve(import.meta.dirname, '..');
const { default: plugin } = await import(path.join(root, 'dist/src/index.js'));
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : undefined;
const dirs = args.map((d) => path.resolve(d));
if (dirs.length === 0) {
  console.error('usage: node scripts/realworld-repos.mjs [--json out.json] DIR...');
  process.exit(2);
}

const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** The infrastructure files `configs.infrastructure` lints: Serverless services, SAM/CloudFormation templates, Terraform. */
const INFRA = /^(?:serverless\.(?:ya?ml|json)|template\.(?:ya?ml|json)|.+\.template\.(?:ya?ml|json)|.+\.tf)$/;
function list(dir, pattern = CODE, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') list(full, pattern, out);
    else if (e.isFile() && pattern.test(e.name) && !e.name.endsWith('.d.ts') && statSync(full).size < 3_000_000) out.push(full);
  }
  return out;
}

const lambda = { ...plugin.configs.all, files: ['**/*.{js,cjs,mjs,jsx,ts,mts,cts,tsx}'] };
const quiet = { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } };
const jsx = { ecmaFeatures: { jsx: true } };
const configs = {
  bare: (sourceType) => [
    lambda,
    { files: ['**/*.{js,jsx}'], languageOptions: { sourceType, parserOptions: jsx } },
    { files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tseslint.parser } },
    quiet,
  ],
  realistic: (sourceType) => [
    ...tseslint.configs.recommended.map((c) => ({ ...c, files: c.files ?? ['**/*.{ts,mts,cts,tsx}'] })),
    lambda,
    { files: ['**/*.{js,jsx}'], languageOptions: { sourceType, parserOptions: jsx } },
    { languageOptions: { globals: globals.node } },
    quiet,
  ],
};

const findings = [];
const totals = { projects: 0, files: 0, notParsed: 0, infraFiles: 0, infraNotParsed: 0 };
for (const dir of dirs) {
  const files = list(dir);
  totals.projects++;
  if (files.length === 0) continue; // ESLint throws on an empty file list: nothing to lint here
  totals.files += files.length;
  for (const mode of Object.keys(configs)) {
    const [asModule, asScript] = ['module', 'commonjs'].map(
      (sourceType) => new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configs[mode](sourceType), ignore: false }),
    );
    for (let result of await asModule.lintFiles(files)) {
      if (result.fatalErrorCount > 0 && /\.jsx?$/.test(result.filePath)) [result] = await asScript.lintFiles([result.filePath]);
      const file = path.relative(dir, result.filePath);
      if (result.fatalErrorCount > 0) {
        if (mode === 'bare') {
          totals.notParsed++;
          console.log(`not parsed: ${path.basename(dir)} ${file}: ${result.messages[0].message}`);
        }
        continue;
      }
      for (const m of result.messages) {
        if (!m.ruleId?.startsWith('lambda-edge/')) continue;
        findings.push({ config: mode, project: path.basename(dir), file, line: m.line, column: m.column, rule: m.ruleId, message: m.message });
      }
    }
  }
}
// The infrastructure files, with the plugin's own languages (YAML, JSON, HCL): `infra-*` and
// valid-configuration on the files themselves.
for (const dir of dirs) {
  const files = list(dir, INFRA);
  if (files.length === 0) continue;
  totals.infraFiles += files.length;
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [...plugin.configs.infrastructure, quiet], ignore: false });
  for (const result of await eslint.lintFiles(files)) {
    const file = path.relative(dir, result.filePath);
    for (const m of result.messages) {
      if (m.fatal) totals.infraNotParsed++;
      if (!m.ruleId?.startsWith('lambda-edge/') && !m.fatal) continue;
      findings.push({ config: 'infra', project: path.basename(dir), file, line: m.line, column: m.column, rule: m.ruleId ?? 'parse', message: m.message });
    }
  }
}
for (const f of findings) console.log(`${f.config.padEnd(9)} ${f.project} ${f.file}:${f.line}:${f.column} ${f.rule}  ${f.message}`);
const count = (mode) => findings.filter((f) => f.config === mode).length;
console.log(`${totals.projects} projects, ${totals.files} files (${totals.notParsed} not parsed), ${count('bare')} findings bare, ${count('realistic')} realistic`);
console.log(`${totals.infraFiles} infrastructure files (${totals.infraNotParsed} not parsed), ${count('infra')} findings with configs.infrastructure`);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ totals, findings }, null, 1));
