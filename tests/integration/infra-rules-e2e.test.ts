import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import * as eslint9 from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * `eslint .` in a sample project of each flavour, as a user configures it
 * (`recommended` and `infrastructure`): the infra-* findings land on the infrastructure file's
 * lines, the regional function beside the edge one gets none.
 */
const PROJECTS = path.join(import.meta.dirname, '..', 'fixtures', 'infra-projects');

async function lintProject(kind: string, Api: typeof ESLint = ESLint): Promise<string[]> {
  const cwd = path.join(PROJECTS, kind);
  const eslint = new Api({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
      ...plugin.configs.infrastructure,
    ],
  });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`))
    .filter((line) => line.includes('/infra-') || line.includes(' null'))
    .sort();
}

describe('eslint . reports on the infrastructure lines', () => {
  it('CDK', async () => {
    expect(await lintProject('cdk')).toEqual([
      'lib/stack.ts:13:19 lambda-edge/infra-limits',
      'lib/stack.ts:25:42 lambda-edge/infra-versioned-arn',
    ]);
  });

  it('Serverless', async () => {
    expect(await lintProject('serverless')).toEqual([
      'serverless.yml:12:14 lambda-edge/infra-limits',
      'serverless.yml:16:20 lambda-edge/infra-include-body-event',
      'serverless.yml:5:11 lambda-edge/infra-us-east-1',
    ]);
  });

  it('SAM', async () => {
    expect(await lintProject('sam')).toEqual([
      'template.yaml:15:3 lambda-edge/infra-edge-trust-policy',
      'template.yaml:21:23 lambda-edge/infra-unsupported-settings',
      'template.yaml:29:34 lambda-edge/infra-versioned-arn',
      'template.yaml:6:5 lambda-edge/infra-no-environment',
    ]);
  });

  it('CloudFormation JSON', async () => {
    expect(await lintProject('cloudformation')).toEqual([
      'template.json:21:9 lambda-edge/infra-edge-trust-policy',
      'template.json:9:20 lambda-edge/infra-limits',
    ]);
  });

  it('Terraform', async () => {
    expect(await lintProject('terraform')).toEqual([
      'main.tf:17:3 lambda-edge/infra-edge-trust-policy',
      'main.tf:47:19 lambda-edge/infra-limits',
      'main.tf:48:3 lambda-edge/infra-no-environment',
      'main.tf:66:22 lambda-edge/infra-versioned-arn',
    ]);
  });

  it('Terraform module split over files: each finding on the file that holds the setting', async () => {
    expect(await lintProject('terraform-module')).toEqual([
      'infra/cloudfront.tf:13:37 lambda-edge/infra-versioned-arn',
      'infra/iam.tf:13:3 lambda-edge/infra-edge-trust-policy',
      'infra/lambda.tf:27:19 lambda-edge/infra-limits',
      'infra/lambda.tf:28:3 lambda-edge/infra-no-environment',
    ]);
  });

  it.each(['cdk', 'serverless', 'sam', 'cloudformation', 'terraform', 'terraform-module'])('ESLint 9 accepts the configs and gives the same findings: %s', async (kind) => {
    expect(eslint9.ESLint.version).toMatch(/^9\./);
    const v9 = await lintProject(kind, eslint9.ESLint as unknown as typeof ESLint);
    expect(v9.length).toBeGreaterThan(0);
    expect(v9).toEqual(await lintProject(kind));
  });

  it('a broken serverless.yml is one finding on that file, at the line of the error', async () => {
    const eslint = new ESLint({
      cwd: PROJECTS,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.infrastructure],
    });
    const [result] = await eslint.lintText('service: x\nfunctions:\n  edge:\n    handler: a.handler\n   events: [\n', {
      filePath: path.join(PROJECTS, 'serverless', 'serverless.yml'),
    });
    expect(result!.messages).toHaveLength(1);
    expect(result!.messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 5 });
  });

  it('a broken main.tf is one fatal parse finding on that file, at the line of the error', async () => {
    const eslint = new ESLint({
      cwd: PROJECTS,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.infrastructure],
    });
    // The attribute has no value: the error is at the end of line 4, not past the file's end.
    const text = 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n  default_cache_behavior {\n    lambda_arn = \n}\n';
    const [result] = await eslint.lintText(text, { filePath: path.join(PROJECTS, 'terraform', 'main.tf') });
    expect(result!.messages).toHaveLength(1);
    expect(result!.messages[0]).toMatchObject({ fatal: true, ruleId: null, line: 4 });
  });
});
