import { REQUEST_EVENTS } from '../src/event-types.js';
import { createInfraRule } from '../src/infra/edge-functions/rule.js';

export default createInfraRule({
  name: 'infra-include-body-event',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the Include Body option on Lambda@Edge response events',
      recommended: 'recommended',
    },
    messages: {
      responseEvent:
        'The IncludeBody option can only be used with viewer-request or origin-request events. This association is {{ eventType }}; remove the option (a response trigger never sees a request body).',
    },
  },
  check(model, report) {
    for (const behavior of model.behaviors) {
      for (const association of behavior.lambdas) {
        if (association.includeBody?.value && !REQUEST_EVENTS.has(association.eventType)) {
          report(association.includeBody.node, 'responseEvent', { eventType: association.eventType });
        }
      }
    }
  },
});
