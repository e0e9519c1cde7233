import * as path from 'node:path';
import { RuleTester, type TestCaseError } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** Folder with files that tests point `filename` at (readFileSync targets, infra fixtures). */
export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/**
 * A tester with the TypeScript parser (which also parses plain JavaScript). Infrastructure
 * discovery is off: the test cases declare event types themselves, and the repository's
 * own fixtures are not the project under test. Cases may still set `settings`.
 */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
    },
    settings: { 'lambda-edge': { infrastructure: false } },
  });
}

/**
 * An expected error asserted by its full message text. The tester checks `message` at run
 * time, but its types only know `messageId`.
 */
export function byMessage<MessageIds extends string>(error: {
  message: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}): TestCaseError<MessageIds> {
  return error as unknown as TestCaseError<MessageIds>;
}
