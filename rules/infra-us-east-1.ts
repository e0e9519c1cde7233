import { createInfraRule, describeFunction } from '../src/infra/edge-functions/rule.js';
import type { Flavour } from '../src/infra/edge-functions/model.js';

const FIX: Record<Flavour, string> = {
  cdk: 'create it with cloudfront.experimental.EdgeFunction, which deploys it to us-east-1, or deploy this stack to us-east-1',
  serverless: 'deploy this service with provider.region: us-east-1 (a separate service for the edge functions if the rest must stay)',
  sam: 'deploy the function to us-east-1',
  cloudformation: 'deploy the function to us-east-1',
  terraform: 'create the function with a provider for us-east-1',
};

export default createInfraRule({
  name: 'infra-us-east-1',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require functions attached to CloudFront as Lambda@Edge to be in us-east-1',
      recommended: 'recommended',
    },
    messages: {
      region:
        "The function must be in region 'us-east-1'. {{ fn }} is in {{ region }}{{ from }}; CloudFront replicates Lambda@Edge functions from US East (N. Virginia) only. To fix: {{ fix }}.",
    },
  },
  check(model, report) {
    // A literal ARN names its region, also for a function defined elsewhere.
    for (const behavior of model.behaviors) {
      for (const { arn, fn } of behavior.lambdas) {
        if (!arn?.region || arn.region === 'us-east-1' || fn) continue;
        report(arn.node, 'region', { fn: arn.text, region: arn.region, from: ' (its ARN)', fix: FIX[model.flavour] });
      }
    }
    for (const fn of model.functions) {
      const region = fn.settings.region;
      if (!region || region.value === 'us-east-1' || fn.associations.length === 0) continue;
      report(region.node, 'region', {
        fn: describeFunction(fn),
        region: region.value,
        from: region.inheritedFrom ? ` (${region.inheritedFrom})` : '',
        fix: FIX[model.flavour],
      });
    }
  },
});
