import type { TSESLint } from '@typescript-eslint/utils';
import { configProblemsFor, getAnalysis } from './model/index.js';
import type { Analysis, ConfigProblem } from './model/types.js';

/**
 * The common shape of a rule: `check` reads the file's edge model once. `createRule` has
 * already decided the file is Lambda@Edge code (it is the only gate); configuration problems
 * are `valid-configuration`'s (see `onConfigProblems`).
 */
export function onAnalysis<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  check: (analysis: Analysis) => void,
  listeners: TSESLint.RuleListener = {},
): TSESLint.RuleListener {
  return {
    ...listeners,
    Program() {
      check(getAnalysis(context));
    },
  };
}

/**
 * For `valid-configuration` alone: the configuration problems of this file (an invalid
 * `@lambda-edge-event` comment, an invalid setting, unreadable infrastructure code), handed to
 * `report` from one `Program` listener. Unlike `onAnalysis` this runs on every file, edge code
 * or not, since a misspelt event type is what makes a handler file look like no edge code.
 */
export function onConfigProblems<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>,
  report: (problem: ConfigProblem) => void,
): TSESLint.RuleListener {
  const problems = configProblemsFor(context, getAnalysis(context));
  if (problems.length === 0) return {};
  return {
    Program() {
      for (const problem of problems) report(problem);
    },
  };
}
