import { VIEWER_EVENTS } from '../src/event-types.js';
import { createInfraRule, describeFunction, inherited } from '../src/infra/edge-functions/rule.js';

/** Quotas on Lambda@Edge: viewer events 5 s / 128 MB, origin events 30 s. */
const VIEWER_TIMEOUT = 5;
const ORIGIN_TIMEOUT = 30;
const VIEWER_MEMORY = 128;

export default createInfraRule({
  name: 'infra-limits',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow a timeout or memory size over the Lambda@Edge quota of the function's event types",
      recommended: 'recommended',
    },
    messages: {
      timeout:
        'The function timeout is larger than the maximum allowed for functions that are triggered by a CloudFront event: {{ value }} Max allowed: {{ max }}. {{ fn }} has a {{ value }} s timeout{{ from }}; {{ events }} events allow {{ max }} s, so set it to {{ max }} or less.',
      memory:
        'The function memory size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: {{ value }} Max allowed: {{ max }}. {{ fn }} has {{ value }} MB{{ from }}; viewer events allow {{ max }} MB (origin events allow more), so set it to {{ max }} or less.',
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      if (fn.associations.length === 0) continue;
      const viewer = fn.associations.some((a) => VIEWER_EVENTS.has(a.eventType));
      const { timeout, memorySize } = fn.settings;
      const maxTimeout = viewer ? VIEWER_TIMEOUT : ORIGIN_TIMEOUT;
      if (timeout && timeout.value > maxTimeout) {
        report(timeout.node, 'timeout', {
          value: timeout.value,
          max: maxTimeout,
          fn: describeFunction(fn),
          from: inherited(timeout),
          events: viewer ? 'viewer' : 'origin',
        });
      }
      if (viewer && memorySize && memorySize.value > VIEWER_MEMORY) {
        report(memorySize.node, 'memory', { value: memorySize.value, max: VIEWER_MEMORY, fn: describeFunction(fn), from: inherited(memorySize) });
      }
    }
  },
});
