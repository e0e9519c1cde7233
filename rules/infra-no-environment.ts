import { createInfraRule, describeFunction, inherited } from '../src/infra/edge-functions/rule.js';

export default createInfraRule({
  name: 'infra-no-environment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow environment variables on functions attached to CloudFront as Lambda@Edge',
      recommended: 'recommended',
    },
    messages: {
      environment:
        "The function cannot have environment variables. CloudFront rejects the association of {{ fn }}: {{ where }}{{ from }} sets {{ keys }}. Bundle the values with the code or read them at run time (SSM Parameter Store, Secrets Manager){{ fix }}.",
      stripped:
        "Serverless deletes the environment of {{ fn }} because Lambda@Edge functions cannot have environment variables: {{ where }}{{ from }} sets {{ keys }}, and the handler's process.env reads get undefined. Bundle the values with the code instead.",
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      const env = fn.settings.environment;
      if (!env || fn.associations.length === 0) continue;
      report(env.node, fn.stripped?.has('environment') ? 'stripped' : 'environment', {
        fn: describeFunction(fn),
        where: env.inheritedFrom ? 'the inherited environment' : 'environment',
        from: inherited(env),
        keys: env.value.join(', '),
        fix: fn.flavour === 'cdk' ? "; for a variable CDK adds, addEnvironment(key, value, { removeInEdge: true })" : '',
      });
    }
  },
});
