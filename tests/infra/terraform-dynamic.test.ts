import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache, getInfrastructureMap } from '../../src/infra/index.js';
import { options, project, rows } from './helpers.js';

beforeEach(() => clearInfrastructureCache());

/**
 * Handler discovery follows the same `dynamic` blocks as the infra-* rules: a
 * `dynamic "lambda_function_association"` or `dynamic "ordered_cache_behavior"` whose
 * for_each is a literal (or a local holding one) binds its handlers; one that cannot be read
 * is a problem at its line, never dropped silently.
 */
function module(files: Record<string, string>) {
  return project({
    'edge/viewer.js': 'exports.handler = async (event) => event.Records[0].cf.request;\n',
    'edge/origin.js': 'exports.handler = async (event) => event.Records[0].cf.response;\n',
    'lambda.tf': [
      'data "archive_file" "viewer" {',
      '  type        = "zip"',
      '  source_file = "${path.module}/edge/viewer.js"',
      '  output_path = "${path.module}/build/viewer.zip"',
      '}',
      'data "archive_file" "origin" {',
      '  type        = "zip"',
      '  source_file = "${path.module}/edge/origin.js"',
      '  output_path = "${path.module}/build/origin.zip"',
      '}',
      'resource "aws_lambda_function" "viewer" {',
      '  filename = data.archive_file.viewer.output_path',
      '  handler  = "viewer.handler"',
      '  runtime  = "nodejs22.x"',
      '  publish  = true',
      '}',
      'resource "aws_lambda_function" "origin" {',
      '  filename = data.archive_file.origin.output_path',
      '  handler  = "origin.handler"',
      '  runtime  = "nodejs22.x"',
      '  publish  = true',
      '}',
      '',
    ].join('\n'),
    ...files,
  });
}

describe('Terraform dynamic blocks in discovery', () => {
  it('binds the handlers of a dynamic association over a local, and of a dynamic ordered_cache_behavior', () => {
    const root = module({
      'locals.tf': 'locals {\n  edge = [{ event = "viewer-request", arn = aws_lambda_function.viewer.qualified_arn }]\n}\n',
      'cloudfront.tf': [
        'resource "aws_cloudfront_distribution" "cdn" {',
        '  default_cache_behavior {',
        '    dynamic "lambda_function_association" {',
        '      for_each = local.edge',
        '      content {',
        '        event_type = lambda_function_association.value.event',
        '        lambda_arn = lambda_function_association.value.arn',
        '      }',
        '    }',
        '  }',
        '  dynamic "ordered_cache_behavior" {',
        '    for_each = { "/api/*" = aws_lambda_function.origin.qualified_arn }',
        '    iterator = b',
        '    content {',
        '      path_pattern = b.key',
        '      lambda_function_association {',
        '        event_type   = "origin-response"',
        '        lambda_arn   = b.value',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const map = getInfrastructureMap(options(root));
    expect(rows(map, root).sort()).toEqual([
      'edge/origin.js#handler origin-response @cloudfront.tf:17 [terraform]',
      'edge/viewer.js#handler viewer-request @cloudfront.tf:6 [terraform]',
    ]);
    expect(map.problems).toEqual([]);
  });

  it('reports a dynamic block whose for_each cannot be read at its line, and binds nothing from it', () => {
    const root = module({
      'cloudfront.tf': [
        'resource "aws_cloudfront_distribution" "cdn" {',
        '  default_cache_behavior {',
        '    dynamic "lambda_function_association" {',
        '      for_each = var.on ? [1] : []',
        '      content {',
        '        event_type = "viewer-request"',
        '        lambda_arn = aws_lambda_function.viewer.qualified_arn',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const map = getInfrastructureMap(options(root));
    expect(rows(map, root)).toEqual([]);
    expect(map.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '3 cloudfront.tf:3: aws_cloudfront_distribution.cdn has a dynamic lambda_function_association block whose for_each cannot be read (a variable, a condition, a for expression), which is not followed.',
    ]);
  });
});
