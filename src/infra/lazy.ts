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
