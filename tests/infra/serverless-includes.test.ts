import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import { HANDLER_JS, discoverFiles } from './helpers.js';

/**
 * Serverless services that keep their functions in other files of the project, as seen on a
 * real repository (2026-12-04): `functions: - ${file(./fns.yml)}` (a list the framework
 * merges) or `functions: ${file(./fns.yml)}`. Paths in the included file stay relative to the
 * service folder; its lines are the ones reported.
 */
beforeEach(() => clearInfrastructureCache());

function discover(files: Record<string, string>) {
  const { rows, problems } = discoverFiles(files);
  return { rows, problems };
}

const EDGE_FUNCTIONS = [
  'auth:',
  '  handler: src/edge/auth.handler',
  '  events:',
  '    - cloudFront:',
  '        eventType: viewer-request',
  '        origin: s3://bucket.s3.amazonaws.com',
  'headers:',
  '  handler: src/edge/headers.handler',
  '  lambdaAtEdge:',
  '    distribution: Cdn',
  '    eventType: origin-response',
  '',
].join('\n');

describe('Serverless: functions read from another file with ${file(...)}', () => {
  it('reads a list of ${file(...)} entries and of functions written in place', () => {
    const found = discover({
      'src/edge/auth.js': HANDLER_JS,
      'src/edge/headers.js': HANDLER_JS,
      'src/edge/rewrite.js': HANDLER_JS,
      'src/functions/serverless.yml': EDGE_FUNCTIONS,
      'serverless.yml': [
        'service: site',
        'functions:',
        '  - ${file(./src/functions/serverless.yml)}',
        '  - rewrite:',
        '      handler: src/edge/rewrite.handler',
        '      events:',
        '        - cloudFront:',
        '            eventType: origin-request',
        '',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: [
        'src/edge/auth.js#handler viewer-request @src/functions/serverless.yml:5 [serverless]',
        'src/edge/headers.js#handler origin-response @src/functions/serverless.yml:11 [serverless]',
        'src/edge/rewrite.js#handler origin-request @serverless.yml:8 [serverless]',
      ],
      problems: [],
    });
  });

  it('reads functions: ${file(...)} and a key of the file (${file(...):edge})', () => {
    const found = discover({
      'src/edge/auth.js': HANDLER_JS,
      'src/edge/headers.js': HANDLER_JS,
      'b/src/edge/auth.js': HANDLER_JS,
      'b/src/edge/headers.js': HANDLER_JS,
      'fns.yml': EDGE_FUNCTIONS,
      'nested.yml': `edge:\n${EDGE_FUNCTIONS.replace(/^/gm, '  ')}`,
      'serverless.yml': 'service: a\nfunctions: ${file(./fns.yml)}\n',
      'b/serverless.yml': 'service: b\nfunctions: ${file(../nested.yml):edge}\n',
    });
    expect(found.problems).toEqual([]);
    expect(found.rows).toEqual([
      'b/src/edge/auth.js#handler viewer-request @nested.yml:6 [serverless]',
      'b/src/edge/headers.js#handler origin-response @nested.yml:12 [serverless]',
      'src/edge/auth.js#handler viewer-request @fns.yml:5 [serverless]',
      'src/edge/headers.js#handler origin-response @fns.yml:11 [serverless]',
    ]);
  });

  it('reports a file that is not there, a path with a variable and a JavaScript file (which the framework runs)', () => {
    const found = discover({
      'serverless.yml': [
        'service: site',
        'provider:',
        '  name: aws',
        'resources:',
        '  Resources:',
        '    Cdn:',
        '      Type: AWS::CloudFront::Distribution',
        'functions:',
        '  - ${file(./missing.yml)}',
        '  - ${file(./fns-${opt:stage}.yml)}',
        '  - ${file(./fns.js)}',
        '',
      ].join('\n'),
    });
    expect(found).toEqual({
      rows: [],
      problems: [
        "serverless.yml:9: functions[0] is '${file(./missing.yml)}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers.",
        "serverless.yml:10: functions[1] is '${file(./fns-${opt:stage}.yml)}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers.",
        "serverless.yml:11: functions[2] is '${file(./fns.js)}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers.",
      ],
    });
  });
});
