import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('is only looked for beside .js, .cjs and .mjs files', () => {
    expect(declaredMultiTarget('/nowhere/handler.ts')).toBe(false);
    expect(declaredMultiTarget('/nowhere/handler.mjs')).toBe(false);
  });
});
