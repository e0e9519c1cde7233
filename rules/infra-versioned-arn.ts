import { createInfraRule } from '../src/infra/edge-functions/rule.js';
import type { ArnForm, Flavour } from '../src/infra/edge-functions/model.js';

const FORM_TEXT: Record<Exclude<ArnForm, 'version' | 'unknown'>, string> = {
  unversioned: 'the function without a version',
  latest: '$LATEST',
  alias: 'an alias',
};

const FIX: Record<Flavour, string> = {
  cdk: 'fn.currentVersion (or new lambda.Version(...))',
  serverless: 'a published version: remove versionFunctions: false',
  sam: 'AutoPublishAlias on the function and !Ref Fn.Version, or an AWS::Lambda::Version',
  cloudformation: 'an AWS::Lambda::Version resource (!Ref FnVersion)',
  terraform: 'qualified_arn with publish = true',
};

export default createInfraRule({
  name: 'infra-versioned-arn',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Lambda@Edge associations to name a numbered function version',
      recommended: 'recommended',
    },
    messages: {
      notVersion:
        'The function ARN must reference a specific function version. {{ text }} is {{ form }}, and CloudFront only replicates a numbered version; use {{ fix }}.',
    },
  },
  check(model, report) {
    for (const behavior of model.behaviors) {
      for (const association of behavior.lambdas) {
        const arn = association.arn;
        if (!arn || arn.form === 'version' || arn.form === 'unknown') continue;
        const moduleName = association.fn?.name.startsWith('module.') ? association.fn.name : undefined;
        const fix = moduleName ? `${moduleName}.lambda_function_qualified_arn with lambda_at_edge = true` : FIX[model.flavour];
        report(arn.node, 'notVersion', { text: arn.text, form: FORM_TEXT[arn.form], fix });
      }
    }
  },
});
