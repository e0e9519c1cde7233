// The plugin under the configs real projects use, not only a bare one: the same edge files, in an
// ES-module project and a CommonJS one, linted with the plugin alone and with the usual stack
// (`@eslint/js` recommended, Node's globals, typescript-eslint's recommended). Declaring Node's
// globals makes `process` and `__dirname` variables, and typescript-eslint's parser replaces
// espree; neither may change what the plugin finds, where, or how it fixes it.
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempProject, installPlugin, releasePlugin, tempProject } from './helpers.js';

type Flavour = 'esm' | 'cjs';

/** The lines that differ between an ES module and a CommonJS file; each is one line. */
const FORMS: Record<Flavour, Record<string, string>> = {
  esm: {
    FS: `import { readFileSync } from 'node:fs';`,
    PATH: `import path from 'node:path';`,
    PROCESS: `import process from 'node:process';`,
    DIR: 'import.meta.dirname',
    EXPORT: 'export const handler',
  },
  cjs: {
    FS: `const { readFileSync } = require('node:fs');`,
    PATH: `const path = require('node:path');`,
    PROCESS: `const process = require('node:process');`,
    DIR: '__dirname',
    EXPORT: 'exports.handler',
  },
};

/** Edge files with one planted mistake per commented line; `$NAME` is filled from FORMS. */
const EDGE_FILES: Record<string, string> = {
  // A maintenance page read from disk, Node's `process` global, a query string and a read-only field.
  'edge/viewer-request.js': `// @lambda-edge-event viewer-request
$FS
$PATH
const page = readFileSync(path.join($DIR, 'maintenance.html'), 'utf8');

$EXPORT = async (event) => {
  const request = event.Records[0].cf.request;
  if (process.env.MAINTENANCE === 'on') {
    return { status: 503, statusDescription: 'Service Unavailable', body: page };
  }
  if (request.querystring.preview) request.uri = '/preview' + request.uri;
  request.clientIp = '203.0.113.7';
  return request;
};
`,
  // Security headers on the origin's response; \`process\` taken from node:process.
  'edge/origin-response.js': `// @lambda-edge-event origin-response
$PROCESS

$EXPORT = async (event) => {
  const { request, response } = event.Records[0].cf;
  response.headers['Strict-Transport-Security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
  response.headers['x-frame-options'] = 'DENY';
  response.headers['x-region'] = [{ value: process.env.SITE_NAME }];
  request.uri = '/index.html';
  return response;
};
`,
  // A status change where CloudFront ignores it, with a callback.
  'edge/viewer-response.js': `// @lambda-edge-event viewer-response
$EXPORT = (event, context, callback) => {
  const response = event.Records[0].cf.response;
  response.status = '500';
  callback(null, response);
};
`,
  // An origin chosen in code.
  'edge/origin-request.js': `// @lambda-edge-event origin-request
$EXPORT = async (event) => {
  const request = event.Records[0].cf.request;
  request.origin = {
    custom: { domainName: 'https://api.example.com', port: 8080, protocol: 'https', path: 'v1/', sslProtocols: ['TLSv1.2'], readTimeout: 30, keepaliveTimeout: 5, customHeaders: {} },
  };
  request.headers['host'] = [{ key: 'Host', value: 'api.example.com' }];
  return request;
};
`,
};

function edgeFiles(flavour: Flavour): Record<string, string> {
  return Object.fromEntries(
    Object.entries(EDGE_FILES).map(([file, text]) => [file, text.replace(/\$([A-Z]+)/g, (_, name: string) => FORMS[flavour][name]!)]),
  );
}

const SETTINGS = `{ settings: { 'lambda-edge': { infrastructure: false } } }`;

/**
 * How a CommonJS project tells ESLint its .js files are CommonJS (ESLint does not read
 * package.json `type`): the object `npm init @eslint/config` writes for such a project.
 */
const COMMONJS = `{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },`;

/** (a) The plugin alone; (b) the stack most projects have. Both as a user's eslint.config.mjs. */
function configFiles(flavour: Flavour): Record<string, string> {
  const sourceType = flavour === 'cjs' ? COMMONJS : '';
  return {
    'bare.config.mjs': `import lambdaEdge from 'eslint-plugin-lambda-edge';
export default [${sourceType} lambdaEdge.configs.recommended, ${SETTINGS}];
`,
    'usual.config.mjs': `import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lambdaEdge from 'eslint-plugin-lambda-edge';
export default [
  js.configs.recommended,
  { languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  ${sourceType}
  lambdaEdge.configs.recommended,
  ${SETTINGS},
];
`,
  };
}

const projects: Partial<Record<Flavour, TempProject>> = {};

beforeAll(async () => {
  await installPlugin();
  for (const flavour of ['esm', 'cjs'] as const) {
    const pkg = flavour === 'esm' ? { name: 'edge-esm', private: true, type: 'module' } : { name: 'edge-cjs', private: true, type: 'commonjs' };
    projects[flavour] = tempProject(
      `configs-${flavour}`,
      {
        'package.json': JSON.stringify(pkg),
        // Over the 40 KB a viewer-request trigger may generate.
        'edge/maintenance.html': `<!doctype html><title>Back soon</title>${'<p>We are down for maintenance.</p>\n'.repeat(1200)}`,
        ...edgeFiles(flavour),
        ...configFiles(flavour),
      },
      { links: ['@eslint/js', 'globals', 'typescript-eslint'] },
    );
  }
}, 60_000);

afterAll(() => {
  for (const project of Object.values(projects)) project?.cleanup();
  releasePlugin();
});

interface PluginFinding {
  file: string;
  rule: string;
  line: number;
  column: number;
  endLine: number | undefined;
  endColumn: number | undefined;
  message: string;
  fix: unknown;
  suggestions: unknown;
}

const results = new Map<string, { plugin: PluginFinding[]; other: string[] }>();

async function lint(flavour: Flavour, config: 'bare' | 'usual') {
  const key = `${flavour}/${config}`;
  const cached = results.get(key);
  if (cached) return cached;
  const project = projects[flavour]!;
  const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: path.join(project.dir, `${config}.config.mjs`) });
  const lintResults = await eslint.lintFiles(['edge']);
  const plugin: PluginFinding[] = [];
  const other: string[] = [];
  for (const result of lintResults) {
    const file = path.relative(project.dir, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (m.ruleId?.startsWith('lambda-edge/')) {
        plugin.push({
          file,
          rule: m.ruleId.slice('lambda-edge/'.length),
          line: m.line,
          column: m.column,
          endLine: m.endLine,
          endColumn: m.endColumn,
          message: m.message,
          fix: m.fix,
          suggestions: m.suggestions,
        });
      } else other.push(`${file}:${m.line}:${m.column} ${m.ruleId ?? `fatal: ${m.message}`}`);
    }
  }
  const entry = { plugin, other };
  results.set(key, entry);
  return entry;
}

const where = (list: PluginFinding[]) => list.map((f) => `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`);

/** Every finding the planted mistakes give, and nothing else (the same in both projects). */
const EXPECTED = [
  'edge/origin-request.js:5:27-5:52 valid-origin',
  'edge/origin-request.js:5:91-5:96 valid-origin',
  'edge/origin-response.js:6:20-6:47 lowercase-header-keys',
  'edge/origin-response.js:7:41-7:47 valid-header-shape',
  'edge/origin-response.js:8:44-8:65 no-env-vars',
  'edge/origin-response.js:9:3-9:14 no-read-only-request-fields',
  'edge/viewer-request.js:8:7-8:30 no-env-vars',
  'edge/viewer-request.js:9:22-9:25 no-numeric-status',
  'edge/viewer-request.js:9:69-9:79 max-generated-response-size',
  'edge/viewer-request.js:11:7-11:34 no-querystring-object',
  'edge/viewer-request.js:12:3-12:19 no-read-only-request-fields',
  'edge/viewer-response.js:4:3-4:18 no-status-change-in-viewer-response',
];

/** A finding without its fix offsets, which shift with the length of the import lines. */
function withoutOffsets(f: PluginFinding) {
  const text = (fix: unknown) => (fix as { text?: string } | undefined)?.text;
  const suggestions = (f.suggestions as { desc: string; fix: unknown }[] | undefined)?.map((s) => ({ desc: s.desc, text: text(s.fix) }));
  return { ...f, fix: text(f.fix), suggestions };
}

describe.each(['esm', 'cjs'] as const)('a %s project', (flavour) => {
  it('the plugin alone finds exactly the planted mistakes', async () => {
    const { plugin, other } = await lint(flavour, 'bare');
    expect(where(plugin)).toEqual(EXPECTED);
    const byRule = (rule: string) => plugin.filter((f) => f.rule === rule).map(withoutOffsets);
    expect(byRule('no-numeric-status').map((f) => f.fix)).toEqual(["'503'"]);
    expect(byRule('lowercase-header-keys').map((f) => f.fix)).toEqual(["'strict-transport-security'"]);
    expect(byRule('valid-header-shape').map((f) => f.suggestions)).toEqual([
      [{ desc: "Wrap it as `[{ key: 'X-Frame-Options', value: ... }]`.", text: "[{ key: 'X-Frame-Options', value: 'DENY' }]" }],
    ]);
    expect(byRule('max-generated-response-size').map((f) => f.message)).toEqual([
      'This viewer-request response is 43,239 bytes (body and headers; the body is read from edge/maintenance.html); CloudFront rejects generated responses over 40,960 bytes in viewer events with a 502. Serve large content from the origin or an origin-request trigger.',
    ]);
    expect(byRule('no-env-vars').map((f) => f.message.split(':')[0])).toEqual([
      '`process.env.SITE_NAME` is not set in Lambda@Edge',
      '`process.env.MAINTENANCE` is not set in Lambda@Edge',
    ]);
    expect(other).toEqual([]);
  }, 60_000);

  it('with @eslint/js, globals.node and typescript-eslint the findings, messages, fixes and suggestions are identical', async () => {
    const bare = await lint(flavour, 'bare');
    const usual = await lint(flavour, 'usual');
    expect(usual.plugin).toEqual(bare.plugin);
    // The other configs ran and parsed every file (a parse error would show here as \`fatal\`).
    // The ES module is clean for them; the CommonJS one meets typescript-eslint's ban on
    // \`require()\` and core's no-redeclare of Node's global \`process\`, as such a project would.
    expect(usual.other).toEqual(
      flavour === 'esm'
        ? []
        : [
            'edge/origin-response.js:2:7 no-redeclare',
            'edge/origin-response.js:2:17 @typescript-eslint/no-require-imports',
            'edge/viewer-request.js:2:26 @typescript-eslint/no-require-imports',
            'edge/viewer-request.js:3:14 @typescript-eslint/no-require-imports',
          ],
    );
  }, 60_000);
});

it('an ES-module project and a CommonJS one get the same findings', async () => {
  const esm = await lint('esm', 'usual');
  const cjs = await lint('cjs', 'usual');
  expect(cjs.plugin.map(withoutOffsets)).toEqual(esm.plugin.map(withoutOffsets));
  expect(where(cjs.plugin)).toEqual(EXPECTED);
}, 60_000);
