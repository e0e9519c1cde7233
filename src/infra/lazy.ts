import { createRequire } from 'node:module';

/**
 * The parsers are loaded on first use, synchronously (ESLint rules cannot await), so a
 * project without CDK code never pays for TypeScript and one without Terraform never
 * loads the HCL grammar.
 */
const require = createRequire(import.meta.url);

let tsMorph: typeof import('ts-morph') | undefined;
let hcl: typeof import('codemirror-lang-hcl') | undefined;

export function loadTsMorph(): typeof import('ts-morph') {
  return (tsMorph ??= require('ts-morph') as typeof import('ts-morph'));
}

export function loadHcl(): typeof import('codemirror-lang-hcl') {
  return (hcl ??= require('codemirror-lang-hcl') as typeof import('codemirror-lang-hcl'));
}

type TypeScriptApi = typeof import('ts-morph').ts;
let preprocessor: Pick<TypeScriptApi, 'preProcessFile'> | undefined;

/**
 * TypeScript's import scanner for the module graph. When ts-morph is loaded (the app has
 * CDK code) its TypeScript is used; otherwise the project's own `typescript` (already in
 * memory when ESLint runs @typescript-eslint/parser), and ts-morph's only as a last resort.
 */
export function loadImportScanner(): Pick<TypeScriptApi, 'preProcessFile'> {
  if (preprocessor) return preprocessor;
  if (tsMorph) return (preprocessor = tsMorph.ts);
  try {
    const ts = require('typescript') as Partial<TypeScriptApi>;
    if (typeof ts.preProcessFile === 'function') return (preprocessor = ts as TypeScriptApi);
  } catch {
    // not installed: fall through to ts-morph's bundled TypeScript
  }
  return (preprocessor = loadTsMorph().ts);
}
