import type { TSESLint } from '@typescript-eslint/utils';
import { type Analysis, getAnalysis } from './analysis.js';

/**
 * Every rule carries this message. Configuration problems (an invalid `@lambda-edge-event`,
 * an invalid setting) are reported by `valid-configuration` alone; the message stays so a
 * config that names it on another rule keeps validating.
 */
export const CONFIG_MESSAGES = {
  invalidConfig: '{{ message }}',
} as const;

type ConfigMessageId = keyof typeof CONFIG_MESSAGES;

/**
 * The common shape of a rule. The shared analysis is read when the rule is created (it is
 * cached on the AST, and for a file with nothing Lambda@Edge in it costs one regex test):
 * such a file gets no listeners at all. `check` runs once per edge file; `listeners`
 * (code-path or node listeners a rule needs besides the analysis) are attached only to edge
 * files.
 */
export function onAnalysis<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds | ConfigMessageId, Options>>,
  check: (analysis: Analysis) => void,
  listeners: TSESLint.RuleListener = {},
): TSESLint.RuleListener {
  const analysis = getAnalysis(context);
  if (!analysis.isEdge) return {};
  return {
    ...listeners,
    Program() {
      check(analysis);
    },
  };
}
