import { createRequire } from 'node:module';

/**
 * The parsers are loaded on first use, synchronously (ESLint rules cannot await), so a
 * project without CDK code never pays for TypeScript and one without YAML templates never
 * loads the YAML parser (a plugin that is loaded on every lint run must not make every run pay
 * for them). The HCL parser is the plugin's own and small, so it is imported directly.
 */
const require = createRequire(import.meta.url);

let tsMorph: typeof import('ts-morph') | undefined;
let yaml: typeof import('yaml') | undefined;

export function loadTsMorph(): typeof import('ts-morph') {
  return (tsMorph ??= require('ts-morph') as typeof import('ts-morph'));
}

/** The YAML parser, for serverless.yml and SAM/CloudFormation templates. */
export function loadYaml(): typeof import('yaml') {
  return (yaml ??= require('yaml') as typeof import('yaml'));
}

type TypeScriptApi = typeof import('ts-morph').ts;
type SourceFile = import('ts-morph').ts.SourceFile;

/** A TypeScript compiler API and a parser of one file into a tree with parent links. */
export interface Compiler {
  ts: TypeScriptApi;
  parse(path: string, text: string): SourceFile;
}
let compiler: Compiler | undefined;

/**
 * The parser for CDK code. The project's own `typescript` is preferred: when ESLint runs
 * @typescript-eslint/parser (every TypeScript project, so nearly every CDK app) it is already
 * in memory and costs nothing, while ts-morph brings a second TypeScript (~300 ms to load).
 * ts-morph's Project is the fallback when `typescript` cannot be resolved.
 */
export function loadCompiler(): Compiler {
  if (compiler) return compiler;
  try {
    const ts = require('typescript') as TypeScriptApi;
    if (typeof ts.createSourceFile === 'function') {
      return (compiler = {
        ts,
        // The file name's extension picks the script kind (.js/.mjs/.cjs as JavaScript).
        parse: (path, text) => ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true),
      });
    }
  } catch {
    // not installed: fall through to ts-morph
  }
  const { Project, ts } = loadTsMorph();
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, noResolve: true },
  });
  return (compiler = {
    ts,
    parse: (path, text) => project.createSourceFile(path, text, { overwrite: true }).compilerNode,
  });
}

let preprocessor: Pick<TypeScriptApi, 'preProcessFile'> | undefined;

/**
 * TypeScript's import scanner for the module graph. When ts-morph is loaded (the app has
 * CDK code) its TypeScript is used; otherwise the project's own `typescript` (already in
 * memory when ESLint runs @typescript-eslint/parser), and ts-morph's only as a last resort.
 */
export function loadImportScanner(): Pick<TypeScriptApi, 'preProcessFile'> {
  if (preprocessor) return preprocessor;
  if (compiler) return (preprocessor = compiler.ts);
  if (tsMorph) return (preprocessor = tsMorph.ts);
  try {
    const ts = require('typescript') as Partial<TypeScriptApi>;
    if (typeof ts.preProcessFile === 'function') return (preprocessor = ts as TypeScriptApi);
  } catch {
    // not installed: fall through to ts-morph's bundled TypeScript
  }
  return (preprocessor = loadTsMorph().ts);
}
