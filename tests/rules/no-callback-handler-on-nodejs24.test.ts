import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeEach } from 'vitest';
import rule from '../../rules/no-callback-handler-on-nodejs24.js';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { byMessage, createRuleTester, FIXTURES } from '../rule-tester.js';

/**
 * Fixture projects (tests/fixtures/nodejs24/<flavour>) give an edge function the nodejs24.x
 * runtime in each IaC flavour; the handler files are linted with discovery pointed at them.
 */
beforeEach(() => clearInfrastructureCache());

const ROOT = path.join(FIXTURES, 'nodejs24');
/** The tester lints an absolute filename with the file system root as cwd: globs and messages are relative to it. */
const relRoot = path.relative(path.parse(ROOT).root, ROOT).split(path.sep).join('/');
const CALLBACK = readFileSync(path.join(ROOT, 'serverless/src/edge.js'), 'utf8');
const ASYNC = 'exports.handler = async (event, context) => event.Records[0].cf.request;\n';

function inProject(flavour: string, infra: string, file: string, code = CALLBACK) {
  return {
    code,
    filename: path.join(ROOT, flavour, file),
    settings: { 'lambda-edge': { infrastructure: [`${relRoot}/${flavour}/${infra}`] } },
  };
}

const callbackError = (runtime: string, where: string) =>
  byMessage<'callbackHandler'>({
    message: `\`handler\` is a callback-style handler \`(event, context, callback)\`, and ${where} gives its function the ${runtime} runtime, which no longer supports callback handlers (Node.js 24 removed them): the function fails when invoked and CloudFront answers with an error. Make the handler \`async\` and \`return\` the result instead of calling \`callback\`, or keep the function on nodejs22.x.`,
    line: 1,
    column: 36,
    endLine: 1,
    endColumn: 44,
  });

const ruleTester = createRuleTester();
ruleTester.run('no-callback-handler-on-nodejs24', rule, {
  valid: [
    // An async handler is what Node.js 24 runs.
    inProject('serverless', 'serverless.yml', 'src/edge.js', ASYNC),
    // The regional function beside it (an httpApi event) is not bound: its runtime is not this rule's business.
    inProject('serverless', 'serverless.yml', 'src/api.js'),
    // CDK: the function pinned to NODEJS_22_X keeps callback handlers.
    inProject('cdk', 'lib/stack.ts', 'edge/old.js'),
    // Without infrastructure (the tester's default), nothing is known about the runtime.
    { code: CALLBACK, filename: path.join(ROOT, 'serverless/src/edge.js') },
    // An async handler with three parameters is not a callback handler to the runtime client.
    inProject('terraform', 'main.tf', 'edge/index.js', 'exports.handler = async (event, context, callback) => event.Records[0].cf.request;\n'),
  ],
  invalid: [
    { ...inProject('serverless', 'serverless.yml', 'src/edge.js'), errors: [callbackError('nodejs24.x', `${relRoot}/serverless/serverless.yml:14`)] },
    { ...inProject('sam', 'template.yaml', 'edge/index.js'), errors: [callbackError('nodejs24.x', `${relRoot}/sam/template.yaml:18`)] },
    { ...inProject('cloudformation', 'template.json', 'src/index.js'), errors: [callbackError('nodejs24.x', `${relRoot}/cloudformation/template.json:13`)] },
    { ...inProject('terraform', 'main.tf', 'edge/index.js'), errors: [callbackError('nodejs24.x', `${relRoot}/terraform/main.tf:16`)] },
    // Runtime.NODEJS_LATEST is nodejs24.x since aws-cdk-lib 2.259.0.
    { ...inProject('cdk', 'lib/stack.ts', 'edge/index.js'), errors: [callbackError('nodejs24.x', `${relRoot}/cdk/lib/stack.ts:22`)] },
    {
      ...inProject(
        'terraform',
        'main.tf',
        'edge/index.js',
        'exports.handler = function (event, context) {\n  if (!event.Records) return context.fail(new Error("no records"));\n  context.succeed(event.Records[0].cf.request);\n};\n',
      ),
      errors: [
        { messageId: 'contextMethod', line: 2, column: 30, endLine: 2, endColumn: 42 },
        { messageId: 'contextMethod', line: 3, column: 3, endLine: 3, endColumn: 18 },
      ],
    },
  ],
});
