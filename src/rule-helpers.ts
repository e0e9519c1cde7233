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
 * The common shape of a rule: wait for the shared analysis, report configuration problems
 * once, and skip files with nothing Lambda@Edge in them. `check` runs once per file.
 */
export function onAnalysis<MessageIds extends string, Options extends readonly unknown[]>(
  context: Readonly<TSESLint.RuleContext<MessageIds | ConfigMessageId, Options>>,
  check: (analysis: Analysis) => void,
): TSESLint.RuleListener {
  return {
    Program() {
      const analysis = getAnalysis(context);
      for (const problem of configProblemsFor(context, analysis)) {
        context.report({ loc: problem.loc, messageId: 'invalidConfig', data: { message: problem.message } });
      }
      if (analysis.isEdge) check(analysis);
    },
  };
}
