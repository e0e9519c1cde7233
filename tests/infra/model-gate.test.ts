import { describe, expect, it } from 'vitest';
import { mayHoldEdgeInfrastructure, mayHoldEdgeModel } from '../../src/infra/edge-functions/index.js';

// The infra-* rules' gate per language: a JS/TS file is searched for the CDK words only, every
// other tree for all the words, and it is never stricter than what the model reads.
const JS = { type: 'Program', body: [{ type: 'ExpressionStatement' }] };
const YAML = { type: 'Program', body: [{ type: 'YAMLDocument' }] };
const JSON_DOC = { type: 'Document' };
const HCL = { type: 'ConfigFile' };
const SERVERLESS_WORDS = 'functions:\n  edge:\n    events:\n      - cloudFront:\n          eventType: viewer-request\n';

describe('mayHoldEdgeModel', () => {
  it('a JS/TS file needs the CDK words; the Serverless and template words do not make it one', () => {
    expect(mayHoldEdgeModel(JS, SERVERLESS_WORDS, '/p/stack.ts')).toBe(false);
    expect(mayHoldEdgeModel(JS, "const t = 'AWS::CloudFront::Distribution';", '/p/stack.ts')).toBe(false);
    expect(mayHoldEdgeModel(JS, 'new Distribution(this, "d", { defaultBehavior: { edgeLambdas: [] } })', '/p/stack.ts')).toBe(true);
    expect(mayHoldEdgeModel(JS, 'lambdaFunctionAssociations: []', undefined)).toBe(true);
  });

  it('a serverless.ts and every other tree are searched for all the words', () => {
    for (const file of ['/p/serverless.ts', '/p/serverless.mts', '/p/serverless.cts']) {
      expect(mayHoldEdgeModel(JS, SERVERLESS_WORDS, file)).toBe(true);
    }
    for (const ast of [YAML, JSON_DOC]) {
      expect(mayHoldEdgeModel(ast, SERVERLESS_WORDS, '/p/serverless.yml')).toBe(true);
      expect(mayHoldEdgeModel(ast, 'Type: AWS::CloudFront::Distribution', '/p/template.yaml')).toBe(true);
      expect(mayHoldEdgeModel(ast, 'service: api\nfunctions: {}\n', '/p/serverless.yml')).toBe(false);
    }
  });

  it('a .tf file always may: its distribution can be in another file of the module', () => {
    expect(mayHoldEdgeModel(HCL, 'variable "x" {}', '/p/variables.tf')).toBe(true);
  });

  it('answers true wherever mayHoldEdgeInfrastructure alone would, outside JS/TS code', () => {
    const texts = [SERVERLESS_WORDS, 'lambdaAtEdge: {}', 'preExistingCloudFront: {}', 'aws_cloudfront_distribution', 'nothing'];
    for (const text of texts) expect(mayHoldEdgeModel(YAML, text, '/p/x.yml')).toBe(mayHoldEdgeInfrastructure(text));
  });
});
