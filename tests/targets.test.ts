import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { type Analysis, getAnalysis } from '../src/analysis.js';
import plugin from '../src/index.js';
import { declaredMultiTarget } from '../src/model/targets.js';

const EDGE_ONLY = 'export declare function handler(event: CloudFrontRequestEvent): Promise<unknown>;';
const BOTH = 'export declare function handler(event: APIGatewayProxyEventV2 | CloudFrontRequestEvent): Promise<unknown>;';
const COMPILED = `const app = makeServer();
app.init({ env: process.env });
exports.handler = async (event) => event.Records[0].cf.request;
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A compiled handler.js with `dts` beside it as handler.d.ts, modified at `seconds` since the epoch. */
function project(dts: string, seconds: number): { js: string; dtsPath: string } {
  dir ??= mkdtempSync(path.join(tmpdir(), 'lambda-edge-dts-'));
  const js = path.join(dir, 'handler.js');
  const dtsPath = path.join(dir, 'handler.d.ts');
  writeFileSync(js, COMPILED);
  writeFileSync(dtsPath, dts);
  utimesSync(dtsPath, seconds, seconds);
  return { js, dtsPath };
}

function envFindings(filename: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: path.dirname(filename) });
  const config = [
    {
      files: ['**/*.js'],
      plugins: { 'lambda-edge': plugin as never },
      languageOptions: { parser: tsParser, sourceType: 'commonjs' as const },
      settings: { 'lambda-edge': { infrastructure: false } },
      rules: { 'lambda-edge/no-env-vars': 'error' as const },
    },
  ];
  return linter.verify(COMPILED, config, { filename }).map((m) => `${m.messageId} ${m.line}:${m.column}`);
}

describe('the declaration file beside compiled output', () => {
  it('is read again when it changes, so an editor sees an edited .d.ts without a restart', () => {
    const { js, dtsPath } = project(EDGE_ONLY, 1_700_000_000);
    expect(declaredMultiTarget(js)).toBe(false);
    expect(envFindings(js)).toEqual(['envObject 2:17']);
    // The handler now serves API Gateway too: the hand-off every target shares is not reported.
    writeFileSync(dtsPath, BOTH);
    utimesSync(dtsPath, 1_700_000_100, 1_700_000_100);
    expect(declaredMultiTarget(js)).toBe(true);
    expect(envFindings(js)).toEqual([]);
    // And back.
    writeFileSync(dtsPath, EDGE_ONLY);
    utimesSync(dtsPath, 1_700_000_200, 1_700_000_200);
    expect(declaredMultiTarget(js)).toBe(false);
    expect(envFindings(js)).toEqual(['envObject 2:17']);
  });

  it('is not read again while its modification time and size stay the same', () => {
    const padded = EDGE_ONLY.padEnd(BOTH.length);
    const { js, dtsPath } = project(BOTH, 1_700_001_000);
    expect(declaredMultiTarget(js)).toBe(true);
    // Same size, same mtime, other text: the memo answers (no read per lint of every file).
    writeFileSync(dtsPath, padded);
    utimesSync(dtsPath, 1_700_001_000, 1_700_001_000);
    expect(statSync(dtsPath).size).toBe(BOTH.length);
    expect(declaredMultiTarget(js)).toBe(true);
    // A deleted declaration file says nothing.
    rmSync(dtsPath);
    expect(declaredMultiTarget(js)).toBe(false);
  });

  it('reads the inline import types tsc writes, over several lines, and only the first parameter', () => {
    const inline = `export function handler(
  event:
    | import('aws-lambda').APIGatewayProxyEventV2
    | import("aws-lambda").CloudFrontRequestEvent,
  context?: import('aws-lambda').Context
): Promise<any>;`;
    const { js, dtsPath } = project(inline, 1_700_002_000);
    expect(declaredMultiTarget(js)).toBe(true);
    expect(envFindings(js)).toEqual([]);
    // The other target only in a later parameter's type, or a generic argument: not a union of the event.
    writeFileSync(dtsPath, 'export function handler(event: import("aws-lambda").CloudFrontRequestEvent, other: APIGatewayProxyEventV2 | CloudFrontRequestEvent): void;');
    utimesSync(dtsPath, 1_700_002_100, 1_700_002_100);
    expect(declaredMultiTarget(js)).toBe(false);
    writeFileSync(dtsPath, 'export function handler(event: Wrapped<APIGatewayProxyEventV2 | CloudFrontRequestEvent>): void;');
    utimesSync(dtsPath, 1_700_002_200, 1_700_002_200);
    expect(declaredMultiTarget(js)).toBe(false);
  });

  it('types a compiled event mapper by its name: not a handler', () => {
    dir ??= mkdtempSync(path.join(tmpdir(), 'lambda-edge-dts-'));
    const js = path.join(dir, 'mapper.js');
    const code = `export function toInternal(event) {
  if (event.Records !== undefined) { const r = event.Records[0].cf.request; return { path: r.uri, method: r.method }; }
  return { path: event.path, method: event.httpMethod };
}
`;
    writeFileSync(js, code);
    const lint = () =>
      new Linter({ configType: 'flat', cwd: dir })
        .verify(code, [{ ...plugin.configs.recommended, settings: { 'lambda-edge': { infrastructure: false } } }], { filename: js })
        .map((m) => `${m.ruleId} ${m.line}`);
    // Without a declaration file it reads CloudFront's event and returns a value: reported.
    expect(lint()).toEqual(['lambda-edge/valid-handler-completion 2', 'lambda-edge/valid-handler-completion 3']);
    writeFileSync(path.join(dir, 'mapper.d.ts'), "export declare function toInternal(event: import('aws-lambda').APIGatewayProxyEvent | import('aws-lambda').CloudFrontRequestEvent): { path: string; method: string };\n");
    expect(lint()).toEqual([]);
  });

  it('is only looked for beside .js, .cjs and .mjs files', () => {
    expect(declaredMultiTarget('/nowhere/handler.ts')).toBe(false);
    expect(declaredMultiTarget('/nowhere/handler.mjs')).toBe(false);
  });
});

describe('a JSDoc type on the handler\'s event', () => {
  const config = [
    {
      files: ['**/*.js'],
      plugins: { 'lambda-edge': plugin as never },
      languageOptions: { sourceType: 'module' as const },
      settings: { 'lambda-edge': { infrastructure: false } },
      rules: { 'lambda-edge/no-env-vars': 'error' as const },
    },
  ];
  const lint = (doc: string) =>
    new Linter({ configType: 'flat' })
      .verify(`app.init({ env: process.env });\n${doc}\nexport async function handler(event) {\n  return event.Records[0].cf.request;\n}\n`, config, { filename: 'handler.js' })
      .map((m) => `${m.messageId} ${m.line}:${m.column}`);

  it('makes a union of CloudFront\'s and another target\'s event a multi-target adapter', () => {
    expect(lint('/**\n * @param {APIGatewayProxyEventV2 | CloudFrontRequestEvent} event - the incoming event\n */')).toEqual([]);
    expect(lint('/** @param {import("aws-lambda").APIGatewayProxyEvent | import("aws-lambda").CloudFrontRequestEvent} event */')).toEqual([]);
  });

  it('says nothing with CloudFront alone, another parameter\'s type, or no doc comment', () => {
    expect(lint('/** @param {CloudFrontRequestEvent} event */')).toEqual(['envObject 1:17']);
    expect(lint('/** @param {APIGatewayProxyEventV2 | CloudFrontRequestEvent} other */')).toEqual(['envObject 1:17']);
    expect(lint('// @param {APIGatewayProxyEventV2 | CloudFrontRequestEvent} event')).toEqual(['envObject 1:17']);
  });
});

/** What `analysis.targetAt` says at each call `at('label')` of the code, in source order. */
function targetsOf(code: string, filename = 'h.ts'): Record<string, string> {
  const out: Record<string, string> = {};
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: never) {
      return {
        'CallExpression[callee.name="at"]'(node: TSESTree.CallExpression) {
          const analysis: Analysis = getAnalysis(context);
          const label = (node.arguments[0] as TSESTree.StringLiteral).value;
          out[label] = String(analysis.targetAt(node));
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { parser: tsParser, sourceType: 'module' as const },
        plugins: { probe: { rules: { probe } } },
        rules: { 'probe/probe': 'error' as const },
        settings: { 'lambda-edge': { infrastructure: false } },
      },
    ],
    filename,
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return out;
}

describe('analysis.targetAt', () => {
  it('tells the branches of an adapter apart, and calls the rest shared', () => {
    expect(
      targetsOf(`at('module');
export const handler = async (event) => {
  at('top');
  if ('Records' in event) {
    at('edge branch');
  } else at('else of Records');
  const isEdge = Array.isArray(event.Records) && event.Records[0].cf !== undefined;
  const v = isEdge ? at('edge side') : at('other side');
  event.requestContext && at('after requestContext &&');
  if (!event.requestContext) at('no requestContext');
  if (event.Records) return event.Records[0].cf.request;
  at('after the edge returned');
  return { statusCode: 200 };
};`),
    ).toEqual({
      module: 'shared',
      top: 'shared',
      'edge branch': 'edge',
      'else of Records': 'other',
      'edge side': 'edge',
      'other side': 'other',
      'after requestContext &&': 'other',
      'no requestContext': 'shared',
      'after the edge returned': 'other',
    });
  });

  it('says nothing outside branches of a file that serves CloudFront alone; reads guards on its own objects', () => {
    expect(
      targetsOf(`export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  at('top');
  const body = JSON.parse(request.body.data);
  if ('Records' in body) at('Records in a body');
  if (request && request.uri === '/') at('request and a uri test');
  else at('else of request and uri');
  if (!request) return;
  at('after the request guard');
  return request;
};`),
    ).toEqual({
      top: 'undefined',
      'Records in a body': 'undefined',
      'request and a uri test': 'edge',
      'else of request and uri': 'undefined',
      'after the request guard': 'edge',
    });
  });
});
