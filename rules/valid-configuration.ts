import { createUngatedRule } from '../src/create-rule.js';
import { isEstree, type SourceLike, withInfrastructureProblems } from '../src/infra-findings.js';
import { onConfigProblems } from '../src/rule-helpers.js';

/**
 * The one rule that reports configuration mistakes: an invalid `@lambda-edge-event` comment,
 * an invalid `settings['lambda-edge']` value, a comment that disagrees with the
 * infrastructure code, and, on the infrastructure file's own line, a value written there that
 * CloudFront or the deploy tool rejects (an event type that is not one of the four). Under its
 * own id, so an editor's "disable for this line" and a CI filter act on configuration, not on
 * whichever code rule happened to run first. What discovery merely cannot follow (variables,
 * module outputs, custom resources) is `infra-unresolved`'s, outside `recommended`.
 */
export default createUngatedRule({
  name: 'valid-configuration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require valid Lambda@Edge event type comments, settings and event types in infrastructure code',
      recommended: 'recommended',
    },
    // The problem's own text says what is wrong and what to write instead.
    messages: { invalidConfig: '{{ message }}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode as unknown as SourceLike;
    const listeners = isEstree(sourceCode.ast)
      ? onConfigProblems(context, (problem) =>
          context.report({ loc: problem.loc, messageId: 'invalidConfig', data: { message: problem.message } }),
        )
      : {};
    return withInfrastructureProblems(context, 'invalidConfig', listeners, (problem) => problem.kind === 'invalid' || problem.kind === 'parse');
  },
});
