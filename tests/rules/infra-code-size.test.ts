import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import rule from '../../rules/infra-code-size.js';
import { hclTester, jsonTester, lines, valueAt, withSettings, yamlTester } from '../infra-rule-tester.js';
import { project } from '../infra/helpers.js';

const ruleModule = rule as never;

/**
 * A project folder on disk: `big/` holds 1.5 MB of random bytes (incompressible: its zip is
 * as large), `text/` 1.5 MB of repeated text (compresses far below 1 MB), `sam/` the random
 * file under node_modules only (which `sam build` replaces).
 */
const random = randomBytes(1_572_864);
const root = project({
  'big/index.js': 'exports.handler = async (e) => e.Records[0].cf.request;\n',
  'big/data.bin': random,
  'text/index.js': 'exports.handler = async (e) => e.Records[0].cf.request;\n'.repeat(27_000),
  'sam/index.js': 'exports.handler = async (e) => e.Records[0].cf.request;\n',
  'sam/node_modules/dep/data.bin': random,
});

const tfFile = join(root, 'main.tf');
const terraform = (dir: string, eventType = 'viewer-request', archive: string[] = []) =>
  lines(
    'data "archive_file" "edge" {',
    '  type        = "zip"',
    `  source_dir  = "\${path.module}/${dir}"`,
    '  output_path = "edge.zip"',
    ...archive,
    '}',
    'resource "aws_lambda_function" "api" {',
    '  handler  = "index.handler"',
    '  filename = data.archive_file.edge.output_path',
    '}',
    'resource "aws_lambda_function" "edge" {',
    '  handler  = "index.handler"',
    '  publish  = true',
    '  filename = data.archive_file.edge.output_path',
    '}',
    'resource "aws_cloudfront_distribution" "cdn" {',
    '  default_cache_behavior {',
    '    lambda_function_association {',
    `      event_type = "${eventType}"`,
    '      lambda_arn = aws_lambda_function.edge.qualified_arn',
    '    }',
    '  }',
    '}',
  );

const tfBig = terraform('big');
hclTester.run('infra-code-size (Terraform)', ruleModule, {
  valid: [
    // Origin events allow 50 MB.
    { filename: tfFile, code: terraform('big', 'origin-request') },
    // 1.5 MB of text deflates far below 1 MB: the compressed size counts, not the size on disk.
    { filename: tfFile, code: terraform('text') },
    // What excludes leaves out is not followed, so the archive is not measured.
    { filename: tfFile, code: terraform('big', 'viewer-request', ['  excludes    = ["data.bin"]']) },
    // A folder that does not exist is not measured (discovery reports missing code).
    { filename: tfFile, code: terraform('missing') },
  ],
  invalid: [
    {
      // The regional function zipped from the same folder is not reported.
      filename: tfFile,
      code: tfBig,
      errors: [
        {
          message:
            'The function code size is larger than the maximum allowed size for functions that are triggered by a CloudFront event: aws_lambda_function.edge (viewer-request) is zipped from ./big, whose 2 files (1.5 MB on disk) compress to more than 1.5 MB; viewer events allow 1 MB compressed. Bundle and minify the handler (esbuild, webpack) and leave dev dependencies and other functions out of the folder, or move the work to an origin event (50 MB).',
          ...valueAt(tfBig, 'source_dir  = ', '"${path.module}/big"'),
        },
      ],
    },
  ],
});

const samFile = join(root, 'template.yaml');
const samBig = withSettings.sam(['CodeUri: big/'], 'viewer-response');
yamlTester.run('infra-code-size (SAM)', ruleModule, {
  valid: [
    // sam build installs the dependencies again: node_modules is not measured.
    { filename: samFile, code: withSettings.sam(['CodeUri: sam/']) },
    { filename: samFile, code: withSettings.sam(['CodeUri: s3://bucket/edge.zip']) },
  ],
  invalid: [{ filename: samFile, code: samBig, errors: [{ messageId: 'tooLarge', ...valueAt(samBig, 'CodeUri: ', 'big/', 2) }] }],
});

const cfnFile = join(root, 'template.json');
const cfnBig = withSettings.cloudformation({ Code: 'big' });
jsonTester.run('infra-code-size (CloudFormation JSON)', ruleModule, {
  valid: [{ filename: cfnFile, code: withSettings.cloudformation({ Code: 'big' }, 'origin-response') }],
  invalid: [{ filename: cfnFile, code: cfnBig, errors: [{ messageId: 'tooLarge', ...valueAt(cfnBig, '"Code": ', '"big"', 2) }] }],
});
