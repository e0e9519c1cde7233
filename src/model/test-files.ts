import * as path from 'node:path';
import { type FileState } from './state.js';

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
