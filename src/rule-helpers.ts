import type { TSESLint } from '@typescript-eslint/utils';
import { type Analysis, configProblemsFor, getAnalysis } from './analysis.js';

/**
 * Every rule carries this message so that whichever rule runs first can report a
 * configuration problem (an invalid `@lambda-edge-event`, an invalid setting) once.
 */
export const CONFIG_MESSAGES = {
  invalidConfig: '{{ message }}',
} as const;

type ConfigMessageId = keyof typeof CONFIG_MESSAGES;

/**
 * The common shape of a rule. The shared analysis is read when the rule is created (it is
 * cached on the AST, and for a file with nothing Lambda@Edge in it costs one regex test):
 * such a file gets no listeners at all, unless a configuration problem must be reported.
 * `check` runs once per edge file; `listeners` (code-path or node listeners a rule needs
 * besides the analysis) are attached only to edge files.
 */
export function onAnalysis<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds | ConfigMessageId, Options>>,
  check: (analysis: Analysis) => void,
  listeners: TSESLint.RuleListener = {},
): TSESLint.RuleListener {
  const analysis = getAnalysis(context);
  const problems = configProblemsFor(context, analysis);
  if (!analysis.isEdge && problems.length === 0) return {};
  return {
    ...(analysis.isEdge ? listeners : {}),
    Program() {
      for (const problem of problems) {
        context.report({ loc: problem.loc, messageId: 'invalidConfig', data: { message: problem.message } });
      }
      if (analysis.isEdge) check(analysis);
    },
  };
}
