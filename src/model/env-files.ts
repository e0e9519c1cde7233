import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { FileState } from './state.js';

/**
 * Packages that copy a file's variables into `process.env` when loaded or configured (dotenv and
 * its relatives). A function that ships its `.env` file in its package and loads it at cold
 * start does have those variables at the edge.
 */
const ENV_FILE_LOADERS: ReadonlySet<string> = new Set(['dotenv', 'dotenv/config', '@dotenvx/dotenvx', '@dotenvx/dotenvx/config', 'dotenv-flow', 'dotenv-flow/config']);

/**
 * Does this file load an env file into `process.env`: `require('dotenv').config()`,
 * `require('dotenv/config')`, `import 'dotenv/config'`, `import dotenv from 'dotenv'` (and the
 * same for @dotenvx/dotenvx and dotenv-flow)? Only this file's own imports are read.
 */
export function loadsEnvFile(m: FileState): boolean {
  for (const stmt of m.sourceCode.ast.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration && stmt.importKind !== 'type' && ENV_FILE_LOADERS.has(stmt.source.value)) return true;
  }
  for (const call of m.calls) {
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const source = m.bindings.requiredModule(call);
    if (source !== undefined && ENV_FILE_LOADERS.has(source)) return true;
  }
  return false;
}
