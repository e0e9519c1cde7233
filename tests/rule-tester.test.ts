import { describe, expect, it } from 'vitest';
import { hasModuleSyntax } from './rule-tester.js';

// The rule tester runs a case as CommonJS only when CommonJS can hold it.
describe('hasModuleSyntax', () => {
  it('finds the syntax only an ES module may contain', () => {
    expect(hasModuleSyntax(`import x from 'x';`)).toBe(true);
    expect(hasModuleSyntax(`export const handler = async () => {};`)).toBe(true);
    expect(hasModuleSyntax(`export default function () {}`)).toBe(true);
    expect(hasModuleSyntax(`export * from './a';`)).toBe(true);
    expect(hasModuleSyntax(`const u = import.meta.url;`)).toBe(true);
    expect(hasModuleSyntax(`const config = await load();`)).toBe(true);
    expect(hasModuleSyntax(`for await (const x of xs) {}`)).toBe(true);
    // A case that does not parse at all stays as written.
    expect(hasModuleSyntax(`const = ;`)).toBe(true);
  });

  it('leaves CommonJS code, dynamic import and await inside functions to the CommonJS run', () => {
    expect(hasModuleSyntax(`exports.handler = async (event) => event.Records[0].cf.request;`)).toBe(false);
    expect(hasModuleSyntax(`module.exports = { handler: async () => { await x(); } };`)).toBe(false);
    expect(hasModuleSyntax(`const m = import('./m.js');`)).toBe(false);
    expect(hasModuleSyntax(`const s = "import x from 'y'; export {}";`)).toBe(false);
    expect(hasModuleSyntax(`function f() { for await (const x of xs) {} }`)).toBe(false);
  });
});
