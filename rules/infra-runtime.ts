import { createInfraRule, describeFunction, inherited } from '../src/infra/edge-functions/rule.js';

/**
 * Node.js and Python runtimes with the date (UTC) from which Lambda blocks updating functions
 * that use them, from Lambda's runtimes table
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html): from that day a deploy
 * of a new version fails. Runtimes retired long ago carry the epoch.
 */
const BLOCK_UPDATE: ReadonlyMap<string, string> = new Map([
  ...['nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x'].map(
    (name) => [name, '1970-01-01'] as const,
  ),
  ...['python2.7', 'python3.6', 'python3.7', 'python3.8'].map((name) => [name, '1970-01-01'] as const),
  ['nodejs18.x', '2026-03-09'],
  ['nodejs20.x', '2026-09-30'],
]);

/** Whether Lambda already refuses updates to functions on `runtime` (checked against today's date). */
function updatesBlocked(runtime: string): boolean {
  const from = BLOCK_UPDATE.get(runtime);
  return from !== undefined && Date.now() >= Date.parse(`${from}T00:00:00Z`);
}

export default createInfraRule({
  name: 'infra-runtime',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a runtime Lambda@Edge supports (current Node.js or Python)',
      recommended: 'recommended',
    },
    messages: {
      unsupported:
        'The function has a runtime that is not supported by Lambda@Edge: {{ runtime }}. {{ fn }}{{ from }} must use a Node.js or Python runtime.',
      deprecated:
        '{{ runtime }} is deprecated and Lambda no longer creates or updates functions with it: {{ fn }}{{ from }} cannot be deployed. Use a current Node.js or Python runtime (nodejs22.x, python3.13).',
    },
  },
  check(model, report) {
    for (const fn of model.functions) {
      const runtime = fn.settings.runtime;
      if (!runtime || fn.associations.length === 0) continue;
      const data = { runtime: runtime.value, fn: describeFunction(fn), from: inherited(runtime) };
      if (!/^(nodejs|python)/.test(runtime.value)) report(runtime.node, 'unsupported', data);
      else if (updatesBlocked(runtime.value)) report(runtime.node, 'deprecated', data);
    }
  },
});
