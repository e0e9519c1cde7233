// The model keeps the last tree of each parser alive (src/model/index.ts, keepTree) and nothing
// older: what it holds between files is bounded by the number of parsers, not of files.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Lints each file with one plugin rule (which builds the model) and a rule that notes its tree. */
function lintAll(files: Array<{ name: string; code: string }>): Map<string, WeakRef<object>> {
  const trees = new Map<string, WeakRef<object>>();
  let current = '';
  const note = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: { sourceCode: { ast: object } }) {
      trees.set(current, new WeakRef(context.sourceCode.ast));
      return {};
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    {
      files: ['**/*.{js,ts}'],
      plugins: { 'lambda-edge': plugin as never, test: { rules: { note: note as never } } },
      rules: { 'lambda-edge/valid-status': 'error', 'test/note': 'error' },
      settings: { 'lambda-edge': { infrastructure: false } },
    },
  ];
  for (const file of files) {
    current = file.name;
    const messages = linter.verify(file.code, config, file.name);
    expect(messages.filter((m) => m.fatal)).toEqual([]);
  }
  return trees;
}

/** Which of the trees survive a full collection (WeakRef targets stay alive until the job ends). */
async function alive(trees: Map<string, WeakRef<object>>): Promise<string[]> {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  return [...trees].filter(([, ref]) => ref.deref() !== undefined).map(([name]) => name);
}

const handler = (n: number) => `exports.handler = async (event) => { const request = event.Records[0].cf.request; request.uri = '/${n}'; return request; };\n`;
const typed = (n: number) =>
  `export const handler = async (event: any): Promise<unknown> => { const request = event.Records[0].cf.request; request.uri = '/${n}'; return request; };\n`;

describe('trees kept between files', () => {
  it('keeps the last JavaScript and the last TypeScript tree, and releases every earlier one', async () => {
    const trees = lintAll([
      { name: 'a.ts', code: typed(1) },
      { name: 'b.js', code: handler(2) },
      { name: 'c.ts', code: typed(3) },
      { name: 'd.js', code: handler(4) },
      { name: 'e.ts', code: typed(5) },
    ]);
    expect(trees.size).toBe(5);
    // Every file is a handler, so the caches of the last file (the model's, the generated-code
    // check's, ESLint's own) all hold e.ts: d.js is held by the kept trees alone.
    expect(await alive(trees)).toEqual(['d.js', 'e.ts']);
  });

  it('holds one tree, not one per file, in a run of one parser', async () => {
    const trees = lintAll(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.js`, code: handler(i) })));
    expect(await alive(trees)).toEqual(['f5.js']);
  });
});
