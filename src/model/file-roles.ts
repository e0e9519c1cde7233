import * as path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { memberName } from '../estree/nodes.js';
import { type FileState } from './state.js';

// What a file is for, when that decides whether its CloudFront-shaped code runs at the edge.

/**
 * Test files and folders: their unexported functions are test doubles, not handlers, and the
 * CloudFront-typed values in them are fixtures. Matched against the path inside the project
 * (relative to ESLint's cwd), so a project that itself lives under a folder named `tests` or
 * `spec` is not taken for a test folder.
 */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|spec)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

export function isTestFile(m: FileState): boolean {
  const filename = m.context.filename;
  // The path inside the project is a tail of the absolute path: when the whole path names no
  // test folder or file, neither does its tail (and `path.relative` is not paid for).
  if (path.isAbsolute(filename) && !TEST_FILE.test(filename)) return false;
  return TEST_FILE.test(path.relative(m.context.cwd, filename));
}

/**
 * Does the file start a server (`app.listen(3000)`, `http.createServer(…).listen(port)`)? A
 * Lambda@Edge function never listens on a port: such a file is a local development server or
 * an emulator, and the CloudFront-typed values in it are not edge code.
 */
export function startsServer(m: FileState): boolean {
  for (const call of m.calls) {
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && memberName(call.callee) === 'listen') return true;
  }
  return false;
}
