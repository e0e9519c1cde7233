import { createInfraRule, describeFunction, inherited } from '../src/infra/edge-functions/rule.js';

/** Ephemeral storage Lambda@Edge supports, in MB. */
const MAX_EPHEMERAL_STORAGE = 512;

export default createInfraRule({
  name: 'infra-unsupported-features',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow the Lambda features Lambda@Edge does not support: dead-letter queues, X-Ray, concurrency settings, large ephemeral storage, container images, runtime management',
      recommended: 'recommended',
      severity: 'warn',
    },
    messages: {
      unsupported:
        'Lambda@Edge does not support {{ feature }}: {{ fn }} sets it{{ from }}. Remove it from the edge function (CloudFront may refuse the association or the setting is ignored at the edge).',
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      if (fn.associations.length === 0) continue;
      const s = fn.settings;
      const found: Array<[string, { node: Parameters<typeof report>[0]; inheritedFrom?: string } | undefined]> = [
        ['dead-letter queues', s.deadLetterQueue],
        ['AWS X-Ray tracing', s.tracing],
        ['reserved concurrency', s.reservedConcurrency],
        ['provisioned concurrency', s.provisionedConcurrency],
        [
          `more than ${MAX_EPHEMERAL_STORAGE} MB of ephemeral storage (${s.ephemeralStorage?.value ?? 0} MB)`,
          s.ephemeralStorage && s.ephemeralStorage.value > MAX_EPHEMERAL_STORAGE ? s.ephemeralStorage : undefined,
        ],
        ['functions defined as container images', s.containerImage],
        [`runtime management configurations other than Auto (${s.runtimeManagement?.value ?? ''})`, s.runtimeManagement],
      ];
      for (const [feature, setting] of found) {
        if (setting) report(setting.node, 'unsupported', { feature, fn: describeFunction(fn), from: inherited(setting) });
      }
    }
  },
});
