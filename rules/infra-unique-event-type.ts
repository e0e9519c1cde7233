import { VIEWER_EVENTS } from '../src/event-types.js';
import { createInfraRule } from '../src/infra/edge-functions/rule.js';

export default createInfraRule({
  name: 'infra-unique-event-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow two functions on one event type of a cache behavior',
      recommended: 'recommended',
    },
    messages: {
      duplicate:
        'The event type of a function association must be unique in the cache behavior. {{ behavior }} already has a {{ eventType }} function at line {{ line }}; merge the two into one function.',
      withCloudFrontFunction:
        'You cannot combine CloudFront Functions and Lambda@Edge in viewer events. {{ behavior }} has a CloudFront Function on {{ other }} (line {{ line }}) and this Lambda@Edge function on {{ eventType }}; move one of them to the other kind.',
    },
  },
  check(model, report) {
    for (const behavior of model.behaviors) {
      const first = new Map<string, number>();
      for (const association of behavior.lambdas) {
        const line = first.get(association.eventType);
        if (line === undefined) first.set(association.eventType, association.node.loc.start.line);
        else report(association.node, 'duplicate', { behavior: behavior.name, eventType: association.eventType, line });
      }
      const cff = behavior.cloudFrontFunctions.find((f) => VIEWER_EVENTS.has(f.eventType));
      if (!cff) continue;
      for (const association of behavior.lambdas) {
        if (!VIEWER_EVENTS.has(association.eventType)) continue;
        report(association.node, 'withCloudFrontFunction', {
          behavior: behavior.name,
          other: cff.eventType,
          line: cff.node.loc.start.line,
          eventType: association.eventType,
        });
      }
    }
  },
});
