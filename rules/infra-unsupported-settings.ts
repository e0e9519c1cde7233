import { createInfraRule, describeFunction, inherited } from '../src/infra/edge-functions/rule.js';

export default createInfraRule({
  name: 'infra-unsupported-settings',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow layers, a VPC configuration and the arm64 architecture on Lambda@Edge functions',
      recommended: 'recommended',
    },
    messages: {
      layer:
        'The function cannot have a layer. {{ fn }} has layers{{ from }}, which Lambda@Edge does not support; bundle the dependencies into the function package.',
      vpc: 'The function cannot have a VPC configuration. {{ fn }} is configured for a VPC{{ from }}, which Lambda@Edge does not support; reach private resources through a public endpoint or an origin instead.',
      strippedVpc:
        "Serverless deletes the VPC configuration of {{ fn }} because Lambda@Edge functions cannot have one{{ from }}: the function will not reach the VPC's resources. Remove it, or reach them through a public endpoint.",
      arm64:
        'Lambda@Edge does not support functions with an architecture of arm64. {{ fn }} is arm64{{ from }}; use x86_64.',
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      if (fn.associations.length === 0) continue;
      const { layers, vpc, architecture } = fn.settings;
      const data = (setting: { inheritedFrom?: string }) => ({ fn: describeFunction(fn), from: inherited(setting) });
      if (layers) report(layers.node, 'layer', data(layers));
      if (vpc) report(vpc.node, fn.stripped?.has('vpc') ? 'strippedVpc' : 'vpc', data(vpc));
      if (architecture?.value === 'arm64') report(architecture.node, 'arm64', data(architecture));
    }
  },
});
