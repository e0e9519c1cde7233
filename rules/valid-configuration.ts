import { createUngatedRule } from '../src/create-rule.js';
import { onConfigProblems } from '../src/rule-helpers.js';

/**
 * The one rule that reports configuration problems: an invalid `@lambda-edge-event` comment,
 * an invalid `settings['lambda-edge']` value, a comment that disagrees with the
 * infrastructure code, infrastructure discovery that could not read a file. Under its own id,
 * so an editor's "disable for this line" and a CI filter act on configuration, not on whichever
 * code rule happened to run first.
 */
export default createUngatedRule({
  name: 'valid-configuration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require valid Lambda@Edge event type comments, settings and readable infrastructure code',
      recommended: 'recommended',
    },
    // The problem's own text says what is wrong and what to write instead.
    messages: { invalidConfig: '{{ message }}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return onConfigProblems(context, (problem) =>
      context.report({ loc: problem.loc, messageId: 'invalidConfig', data: { message: problem.message } }),
    );
  },
});
