import { createInfraRule, describeFunction } from '../src/infra/edge-functions/rule.js';

export default createInfraRule({
  name: 'infra-edge-trust-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the execution role of a Lambda@Edge function to trust edgelambda.amazonaws.com',
      recommended: 'recommended',
    },
    messages: {
      untrusted:
        'The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. The trust policy of {{ role }}, the role of {{ fn }}, does not name edgelambda.amazonaws.com; add it to Principal.Service.',
      generatedRole:
        'The function execution role must be assumable with edgelambda.amazonaws.com as well as lambda.amazonaws.com principals. SAM generates the role of {{ fn }} with a trust policy for lambda.amazonaws.com only; set AssumeRolePolicyDocument on the function (both principals) or a Role that trusts both.',
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      const role = fn.settings.role;
      if (!role || role.trustsEdgeLambda || fn.associations.length === 0) continue;
      report(role.node, role.generated ? 'generatedRole' : 'untrusted', { role: role.name, fn: describeFunction(fn) });
    }
  },
});
