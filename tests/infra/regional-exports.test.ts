import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { clearInfrastructureCache, lookupFile } from '../../src/infra/index.js';
import plugin from '../../src/index.js';
import { options, project } from './helpers.js';

// A Serverless service with one Lambda@Edge function and two regional functions in one file,
// written for this test.

afterEach(() => clearInfrastructureCache());

const SERVICE = `service: site
provider:
  name: aws
  runtime: nodejs22.x
functions:
  gate:
    handler: src/handler.gate
    events:
      - cloudFront:
          eventType: viewer-request
          origin: s3://bucket.s3.amazonaws.com/files
  save:
    handler: src/handler.save
    environment:
      TABLE_NAME: visits
    events:
      - httpApi: 'POST /visits'
  report:
    handler: src/handler.report
`;

const HANDLER = `const TABLE = process.env.TABLE_NAME;
const LOG_LEVEL = process.env.LOG_LEVEL;
module.exports.gate = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if (LOG_LEVEL === 'debug') console.log(request.uri);
  if (!request.headers.authorization) request.headers['x-stage'] = [{ value: process.env.STAGE }];
  callback(null, request);
};
module.exports.save = async (body) => put(TABLE, body, process.env.REGION_NAME);
module.exports.report = async () => ({ statusCode: 200, body: JSON.stringify({ table: process.env.TABLE_NAME }) });
`;

describe('exports deployed as regional functions', () => {
  it('are recorded for a file that also holds an edge handler', () => {
    const root = project({ 'serverless.yml': SERVICE, 'src/handler.js': HANDLER });
    const entry = lookupFile(options(root), join(root, 'src/handler.js'));
    expect([...(entry?.byExport.keys() ?? [])]).toEqual(['gate']);
    expect([...(entry?.otherExports ?? [])].sort()).toEqual(['report', 'save']);
  });

  it('are not edge code: no-env-vars reports the edge handler and what it uses only', () => {
    const root = project({ 'serverless.yml': SERVICE, 'src/handler.js': HANDLER });
    const linter = new Linter({ configType: 'flat', cwd: root });
    const file = join(root, 'src/handler.js');
    const messages = linter.verify(readFileSync(file, 'utf8'), [plugin.configs.recommended], file);
    expect(messages.filter((m) => m.ruleId === 'lambda-edge/no-env-vars').map((m) => `${m.line}:${m.column}`)).toEqual(['2:19', '6:78']);
  });

  it('change nothing when the infrastructure does not deploy them (every read of an edge file is reported)', () => {
    const root = project({ 'serverless.yml': SERVICE.replace(/  save:[\s\S]*$/, ''), 'src/handler.js': HANDLER });
    const linter = new Linter({ configType: 'flat', cwd: root });
    const file = join(root, 'src/handler.js');
    const messages = linter.verify(readFileSync(file, 'utf8'), [plugin.configs.recommended], file);
    expect(messages.filter((m) => m.ruleId === 'lambda-edge/no-env-vars').map((m) => `${m.line}:${m.column}`)).toEqual([
      '1:15',
      '2:19',
      '6:78',
      '9:56',
      '10:87',
    ]);
  });
});
