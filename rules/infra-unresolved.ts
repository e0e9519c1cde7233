import { createUngatedRule } from '../src/create-rule.js';
import { withInfrastructureProblems } from '../src/infra-findings.js';

/**
 * What infrastructure discovery cannot follow, on the infrastructure file's line: a variable
 * (`${opt:…}`, `var.*`), a module output, a `dynamic` block over a variable, a custom
 * resource's output, a handler path that does not exist yet (a build output). The
 * infrastructure is usually right, so this is a suggestion, in `strict` and `all` only: it
 * says which handler the event-specific rules cannot check and how to make it readable.
 * Code that is not in the project (S3, an image, a prebuilt archive) is not reported.
 */
export default createUngatedRule({
  name: 'infra-unresolved',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require infrastructure code that Lambda@Edge handler discovery can follow',
      recommended: 'strict',
    },
    // The problem's own text says what could not be followed and how to make it readable.
    messages: { unresolved: '{{ message }}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return withInfrastructureProblems(context, 'unresolved', {}, (problem) => problem.kind === 'unresolved' || problem.kind === undefined);
  },
});
