import type { TSESLint } from '@typescript-eslint/utils';
import { getAnalysis } from './model/index.js';
import type { Analysis } from './model/types.js';

export { CONFIG_MESSAGES } from './create-rule.js';

/**
 * The common shape of a rule: `check` reads the file's edge model once. `createRule` has
 * already decided the file is Lambda@Edge code (it is the only gate) and reports configuration
 * problems itself.
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
