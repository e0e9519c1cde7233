import * as path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache } from '../../src/infra/index.js';
import plugin from '../../src/index.js';

/**
 * A handler with no @lambda-edge-event comment and no eventType setting gets the
 * event-specific findings, because the infrastructure code in another folder of the project
 * attaches it to an event. Each project is linted as a user would: ESLint's cwd is the
 * project root, the plugin's `all` config, nothing else.
 */
const E2E = path.join(import.meta.dirname, '..', 'fixtures', 'e2e');

async function lintProject(kind: string): Promise<string[]> {
  const cwd = path.join(E2E, kind);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.all],
  });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((r) =>
      r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
    )
    .sort();
}

const EVENT_SPECIFIC = [
  'lambda-edge/no-origin-body-in-response-trigger',
  'lambda-edge/max-generated-response-size',
  'lambda-edge/no-status-change-in-viewer-response',
  'lambda-edge/no-cloudfront-headers-in-viewer-request',
];
const eventSpecific = (findings: string[]) => findings.filter((f) => EVENT_SPECIFIC.some((r) => f.endsWith(` ${r}`)));

describe('event types from infrastructure code reach the rules', () => {
  beforeEach(() => clearInfrastructureCache());

  it('AWS CDK: EdgeFunction with Code.fromAsset, NodejsFunction entry, and a helper module', async () => {
    expect(eventSpecific(await lintProject('cdk'))).toEqual([
      'edge/headers/security.ts:6:24 lambda-edge/no-origin-body-in-response-trigger',
      'edge/headers/security.ts:6:7 lambda-edge/no-origin-body-in-response-trigger',
      'edge/site-auth/index.js:6:35 lambda-edge/no-cloudfront-headers-in-viewer-request',
      'edge/site-auth/responses.js:8:3 lambda-edge/max-generated-response-size',
    ]);
  });

  it('Serverless Framework: cloudFront event on a viewer-response function', async () => {
    expect(eventSpecific(await lintProject('serverless'))).toEqual([
      'handlers/headers.js:7:5 lambda-edge/no-status-change-in-viewer-response',
    ]);
  });

  it('SAM: two handlers of one file bound to two events by export name', async () => {
    expect(eventSpecific(await lintProject('sam'))).toEqual([
      'src/app.mjs:12:11 lambda-edge/no-origin-body-in-response-trigger',
      'src/app.mjs:4:23 lambda-edge/no-cloudfront-headers-in-viewer-request',
    ]);
  });

  it('Terraform: lambda_function_association resolved through archive_file', async () => {
    expect(eventSpecific(await lintProject('terraform'))).toEqual([
      'functions/rewrite.js:6:21 lambda-edge/no-origin-body-in-response-trigger',
    ]);
  });

  it('a module the bound handler imports is its helper: no handler in it, its responses still checked', async () => {
    const findings = await lintProject('helper-module');
    expect(findings).toEqual(['server/helpers/get-path.mjs:14:83 lambda-edge/no-body-with-204']);
  });

  it('without discovery only what the code itself proves remains', async () => {
    // security.ts is typed CloudFrontResponseHandler, so its body reads are still known to be
    // in a response event; the viewer-request handler and its helper module are not.
    const cwd = path.join(E2E, 'cdk');
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        plugin.configs.all,
        { settings: { 'lambda-edge': { infrastructure: false } } },
      ],
    });
    const findings = (await eslint.lintFiles(['.'])).flatMap((r) =>
      r.messages.map((m) => `${path.relative(cwd, r.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
    );
    expect(eventSpecific(findings).sort()).toEqual([
      'edge/headers/security.ts:6:24 lambda-edge/no-origin-body-in-response-trigger',
      'edge/headers/security.ts:6:7 lambda-edge/no-origin-body-in-response-trigger',
    ]);
  });
});
