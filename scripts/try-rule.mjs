// Dev aid: lint files with one built rule and print the findings.
// node scripts/try-rule.mjs dist/rules/<rule>.js file...
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const { default: rule } = await import(path.resolve(process.argv[2]));
const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
for (const f of process.argv.slice(3)) {
  const config = [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser },
      plugins: { le: { rules: { r: rule } } },
      rules: { 'le/r': 'error' },
    },
  ];
  const messages = linter.verify(fs.readFileSync(f, 'utf8'), config, { filename: path.resolve(f) });
  for (const m of messages) {
    console.log(`${f}:${m.line}:${m.column}`, m.message, m.fix ? `fix=${JSON.stringify(m.fix.text)}` : '');
  }
}
