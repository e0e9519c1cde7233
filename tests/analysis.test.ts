import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { type Analysis, getAnalysis } from '../src/analysis.js';

/** Lints `code` with a probe rule and hands back the shared analysis of the file. */
function analyse(code: string, options: { filename?: string; cwd?: string; settings?: Record<string, unknown> } = {}) {
  let captured: Analysis | undefined;
  let problems: string[] = [];
  const probe = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: never) {
      return {
        Program() {
          captured = getAnalysis(context);
          problems = captured.problems.map((p) => p.message);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', ...(options.cwd ? { cwd: options.cwd } : {}) });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
        plugins: { probe: { rules: { probe } } },
        rules: { 'probe/probe': 'error' },
        settings: { 'lambda-edge': { infrastructure: false, ...(options.settings ?? {}) } },
      },
    ],
    options.filename ?? 'handler.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return { analysis: captured!, problems };
}

const types = (set: ReadonlySet<string> | undefined) => (set ? [...set].sort() : undefined);

describe('handler detection', () => {
  it.each([
    ['exports.handler =', `exports.handler = async (event) => event.Records[0].cf.request;`, 'handler'],
    ['module.exports.x =', `module.exports.rewrite = (event, ctx, cb) => cb(null, event.Records[0].cf.request);`, 'rewrite'],
    ['module.exports = {}', `const h = async (event) => event.Records[0].cf.request; module.exports = { h };`, 'h'],
    ['export const', `export const onRequest = async (event) => event.Records[0].cf.request;`, 'onRequest'],
    ['export function', `export function handler(event) { return event.Records[0].cf.request; }`, 'handler'],
    ['export default', `export default async function (event) { return event.Records[0].cf.request; }`, 'default'],
    ['export { a as b }', `const a = async (event) => event.Records[0].cf.request; export { a as handler };`, 'handler'],
    ['destructured param', `export const handler = async ({ Records }) => Records[0].cf.request;`, 'handler'],
    ['wrapped', `const base = async (event) => event.Records[0].cf.request; exports.handler = middy(base);`, 'handler'],
  ])('finds %s', (_label, code, name) => {
    const { analysis } = analyse(code, { filename: 'h.js' });
    expect(analysis.handlers.map((h) => h.name)).toEqual([name]);
  });

  it('finds a handler typed with aws-lambda types', () => {
    const { analysis } = analyse(`
      import type { CloudFrontRequestHandler } from 'aws-lambda';
      import { getRequest } from './util';
      export const handler: CloudFrontRequestHandler = async (event) => getRequest(event);`);
    expect(analysis.handlers.map((h) => h.name)).toEqual(['handler']);
    expect(types(analysis.handlers[0]!.eventTypes)).toEqual(['origin-request', 'viewer-request']);
  });

  it('does not take a local helper that reads Records for a handler', () => {
    const { analysis } = analyse(`
      function getRequest(event) { return event.Records[0].cf.request; }
      exports.handler = async (event) => { const request = getRequest(event); return request; };`);
    expect(analysis.handlers.map((h) => h.name)).toEqual(['handler']);
    // the helper's parameter is still known as the event, so its result is the request
    expect(analysis.handlers[0]!.results.map((r) => analysis.classify(r))).toEqual(['request']);
  });

  it('takes an unexported CloudFront-event function for a handler, but not in a test file', () => {
    const code = `const onRequest = (event) => { const r = event.Records[0].cf.response; r.status = 200; return r; };
      registerHandler(onRequest);`;
    expect(analyse(code, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['onRequest']);
    const double = `const origin = jest.fn((event) => { const r = event.Records[0].cf.response; r.status = 200; return r; });
      test('x', async () => { await run(origin); });`;
    for (const filename of ['src/edge.test.js', 'test/edge.js', 'src/__tests__/edge.ts', 'edge.spec.mjs']) {
      expect(analyse(double, { filename }).analysis.handlers).toEqual([]);
    }
    // A project that itself lives under a folder named `tests` is not a test folder.
    const inProject = analyse(code, { cwd: '/home/ci/tests/app', filename: '/home/ci/tests/app/src/edge.js' });
    expect(inProject.analysis.handlers.map((h) => h.name)).toEqual(['onRequest']);
    const testInProject = analyse(double, { cwd: '/home/ci/tests/app', filename: '/home/ci/tests/app/test/edge.js' });
    expect(testInProject.analysis.handlers).toEqual([]);
  });

  it('does not take a function held in an options object handed to a call for a handler', () => {
    const logger = `const log = createLogger({ serializers: { event: (event) => ({ request: event.Records[0].cf.request }) } });
      const server = new Server({ onRequest(event) { return event.Records[0].cf.request; } });`;
    expect(analyse(logger, { filename: 'src/logger.js' }).analysis.handlers).toEqual([]);
    // A function the call is handed directly is still taken (wrapped before export).
    const wrapped = `const wrapped = wrap((event) => event.Records[0].cf.request);`;
    expect(analyse(wrapped, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.node.type)).toEqual(['ArrowFunctionExpression']);
    // An object of handlers that is exported is read as exports, not as options.
    const exported = `module.exports = { viewerRequest: (event) => event.Records[0].cf.request };`;
    expect(analyse(exported, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['viewerRequest']);
  });

  it('does not take a predicate held in a dispatch table (an array of object literals) for a handler', () => {
    const table = `export default [
      { matches: (evt) => evt.httpMethod !== undefined, module: './http.js' },
      { matches: (evt) => evt.Records && evt.Records[0]?.cf, module: './edge.js' },
    ];`;
    expect(analyse(table, { filename: 'src/routes.js' }).analysis.handlers).toEqual([]);
    // An array of functions is not a table of objects: a bare function in it is still looked at.
    const bare = `const steps = [(event) => event.Records[0].cf.request];
run(steps);`;
    expect(analyse(bare, { filename: 'src/steps.js' }).analysis.handlers.map((h) => h.node.type)).toEqual(['ArrowFunctionExpression']);
  });

  it('does not take an exported function that another function of the file calls for a handler', () => {
    const helper = `export function normalize(event) {
        if (event.Records) { const r = event.Records[0].cf.request; return { uri: r.uri, method: r.method }; }
        return { uri: event.path, method: event.httpMethod };
      }
      export async function handler(event) {
        const { uri } = normalize(event);
        const request = event.Records[0].cf.request;
        if (uri === '/') request.uri = '/index.html';
        return request;
      }`;
    expect(analyse(helper, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['handler']);
    // A call at the top of the module (a script trying its handler) does not make it a helper,
    // nor does a call of \`handler\` itself from another export.
    const tried = `export const rewrite = (event) => event.Records[0].cf.request;
      rewrite(sample);`;
    expect(analyse(tried, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['rewrite']);
    // Typed helpers too: a getter the file's other functions call.
    const typed = `import type { CloudFrontRequest, CloudFrontRequestEvent } from 'aws-lambda';
      export const pickRequest = (evt: CloudFrontRequestEvent): CloudFrontRequest => evt.Records[0].cf.request;
      export const pickUri = (evt: CloudFrontRequestEvent): string => pickRequest(evt).uri;
      export const viewerRequest = async (evt: CloudFrontRequestEvent) => { const r = pickRequest(evt); r.uri = pickUri(evt) + 'index.html'; return r; };`;
    expect(analyse(typed, { filename: 'src/utils.ts' }).analysis.handlers.map((h) => h.name)).toEqual(['viewerRequest']);
    const wrapped = `export async function handler(event) { return event.Records[0].cf.request; }
      export const viewerRequest = (event) => handler(event);`;
    expect(analyse(wrapped, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name).sort()).toEqual(['handler', 'viewerRequest']);
  });

  it('does not take the members of a default-exported adapter object for handlers', () => {
    for (const tail of ['export default { readEvent: toParts, writeResult: fromResult };', 'exports.default = { readEvent: toParts, writeResult: fromResult };']) {
      const code = `function toParts(event) { const req = event.Records[0].cf.request; return { verb: req.method, target: req.uri }; }
        function fromResult(result) { return { status: String(result.code), body: result.text }; }
        ${tail}`;
      expect(analyse(code, { filename: 'src/adapter.js' }).analysis.handlers, tail).toEqual([]);
    }
    // Under the key handler, or exported by name, it is still one.
    const keyed = `function main(event) { return event.Records[0].cf.request; }\nexport default { handler: main };`;
    expect(analyse(keyed, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['main']);
  });

  it('does not take an event mapper typed for CloudFront and another target for a handler', () => {
    const mapper = `import type { APIGatewayProxyEvent, CloudFrontRequestEvent } from 'aws-lambda';
      export function toInternal(event: APIGatewayProxyEvent | CloudFrontRequestEvent) {
        if ('Records' in event) { const r = event.Records[0].cf.request; return { path: r.uri, method: r.method }; }
        return { path: event.path, method: event.httpMethod };
      }`;
    expect(analyse(mapper, { filename: 'src/lib/mapper.ts' }).analysis.handlers).toEqual([]);
    // An async one, one named handler, or one typed for CloudFront alone is still a handler.
    for (const [head, name] of [
      ['export async function toInternal(event: APIGatewayProxyEvent | CloudFrontRequestEvent)', 'toInternal'],
      ['export function handler(event: APIGatewayProxyEvent | CloudFrontRequestEvent)', 'handler'],
      ['export function toInternal(event: CloudFrontRequestEvent)', 'toInternal'],
    ] as const) {
      const code = mapper.replace('export function toInternal(event: APIGatewayProxyEvent | CloudFrontRequestEvent)', head);
      expect(analyse(code, { filename: 'src/lib/mapper.ts' }).analysis.handlers.map((h) => h.name), head).toEqual([name]);
    }
  });

  it('takes a declared file\'s `handler` and default exports for handlers without parameters, not other exports', () => {
    const code = `// @lambda-edge-event origin-request
      exports.handler = async () => ({ status: '503', body: 'maintenance' });
      exports.makeHeaders = () => ({ 'cache-control': [{ value: 'no-store' }] });`;
    expect(analyse(code, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['handler']);
  });

  it('does not take methods of an exported class for handlers, but keeps those of a class the file wires itself', () => {
    const methods = `lookup(event) { return this.store.get(event.Records[0].cf.request.uri); }
        save(event) { this.store.set(event.Records[0].cf.request.uri, event.Records[0].cf.response.body); }
        onEvent = (event) => event.Records[0].cf.request;`;
    for (const exporting of [
      `class Cache { ${methods} }\nexports.Cache = Cache;`,
      `class Cache { ${methods} }\nmodule.exports = { Cache };`,
      `module.exports = class Cache { ${methods} };`,
      `export class Cache { ${methods} }`,
      `const Cache = class { ${methods} };\nexport { Cache as default };`,
      `export default class { ${methods} }`,
    ]) {
      expect(analyse(exporting, { filename: 'src/cache.js' }).analysis.handlers, exporting).toEqual([]);
    }
    // Not exported: the file instantiates it and hands a method to Lambda in a way not followed.
    const wired = `class Edge { handle(event) { return event.Records[0].cf.request; } }
      const edge = new Edge();
      exports.handler = edge.handle.bind(edge);`;
    expect(analyse(wired, { filename: 'src/edge.js' }).analysis.handlers.map((h) => h.name)).toEqual(['handler']);
  });

  it('does not take a function that builds an event for a handler, unless the file declares it one', () => {
    const builder = `function combine(request, result) {
        return { Records: [{ cf: { config: request.Records[0].cf.config, request: request.Records[0].cf.request, response: result } }] };
      }
      exports.combine = combine;
      const next = (event) => { const records = [{ cf: event.Records[0].cf }]; return { Records: records }; };
      emit(next);`;
    expect(analyse(builder, { filename: 'src/emulator.js' }).analysis.handlers).toEqual([]);
    // Typed with a CloudFront event, building the copy in a const first (a tracer's scrubber).
    const typed = `import type { CloudFrontRequestEvent } from 'aws-lambda';
      export const orderEvent = (event: CloudFrontRequestEvent) => {
        const copy: CloudFrontRequestEvent = { Records: [] };
        for (const r of event.Records) copy.Records.push({ cf: { ...r.cf } });
        return copy;
      };`;
    expect(analyse(typed, { filename: 'src/scrub.ts' }).analysis.handlers).toEqual([]);
    const declared = `// @lambda-edge-event origin-request\n${builder}`;
    expect(analyse(declared, { filename: 'src/emulator.js' }).analysis.handlers.map((h) => h.name)).toEqual(['combine']);
  });

  it.each([
    ['API Gateway', `exports.handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'x' }, body: '' });`],
    ['CloudFront Function', `function handler(event) { var r = event.request; return { statusCode: 302 }; }`],
    ['S3 event', `exports.handler = async (event) => { for (const r of event.Records) console.log(r.s3.bucket.name); };`],
    ['Express', `app.get('/', (req, res) => res.status(204).send(''));`],
  ])('finds no handler in %s code', (_label, code) => {
    const { analysis } = analyse(code, { filename: 'x.js' });
    expect(analysis.handlers).toEqual([]);
    expect(analysis.responses).toEqual([]);
  });
});

describe('event types', () => {
  const body = `exports.handler = async (event) => { const r = event.Records[0].cf.request; return r; };`;

  it('reads a file comment', () => {
    const { analysis } = analyse(`// @lambda-edge-event origin-request, viewer-request\n${body}`, { filename: 'a.js' });
    expect(types(analysis.handlers[0]!.eventTypes)).toEqual(['origin-request', 'viewer-request']);
    expect(analysis.handlers[0]!.eventTypeSource).toBe('comment');
  });

  it('lets a comment before an export apply to that handler only', () => {
    const { analysis } = analyse(
      `/** @lambda-edge-event viewer-request */
       exports.a = async (event) => event.Records[0].cf.request;
       /** @lambda-edge-event origin-response */
       exports.b = async (event) => event.Records[0].cf.response;`,
      { filename: 'a.js' },
    );
    expect(analysis.handlers.map((h) => [h.name, types(h.eventTypes)])).toEqual([
      ['a', ['viewer-request']],
      ['b', ['origin-response']],
    ]);
  });

  it('takes settings when there is no comment, and the comment over settings', () => {
    expect(types(analyse(body, { filename: 'a.js', settings: { eventType: 'viewer-request' } }).analysis.handlers[0]!.eventTypes)).toEqual([
      'viewer-request',
    ]);
    const { analysis } = analyse(`// @lambda-edge-event origin-request\n${body}`, {
      filename: 'a.js',
      settings: { eventType: ['viewer-request', 'viewer-response'] },
    });
    expect(types(analysis.handlers[0]!.eventTypes)).toEqual(['origin-request']);
  });

  it('takes exported functions of a file with an eventType setting for handlers', () => {
    const { analysis } = analyse(
      `import { getRequest } from './cf';
       export const handler = async (event) => getRequest(event);
       export const VERSION = '1';`,
      { filename: 'a.js', settings: { eventType: 'viewer-request' } },
    );
    expect(analysis.handlers.map((h) => [h.name, types(h.eventTypes), h.eventTypeSource])).toEqual([
      ['handler', ['viewer-request'], 'settings'],
    ]);
  });

  it('reports an invalid type in a comment with the allowed values', () => {
    const { problems } = analyse(`// @lambda-edge-event orgin-response\n${body}`, { filename: 'a.js' });
    expect(problems).toEqual([
      "@lambda-edge-event has the unknown event type 'orgin-response'; allowed values are 'viewer-request', 'origin-request', 'origin-response', 'viewer-response'.",
    ]);
  });

  it('infers a response event from cf.response and a request event from returning the request', () => {
    const response = analyse(`exports.handler = async (event) => { const { response } = event.Records[0].cf; return response; };`, {
      filename: 'a.js',
    }).analysis;
    expect(types(response.handlers[0]!.eventTypes)).toEqual(['origin-response', 'viewer-response']);
    expect(types(analyse(body, { filename: 'a.js' }).analysis.handlers[0]!.eventTypes)).toEqual(['origin-request', 'viewer-request']);
  });

  it('narrows inside eventType checks, switch cases and after early returns', () => {
    const { analysis } = analyse(
      `exports.handler = async (event) => {
        const cf = event.Records[0].cf;
        const type = cf.config.eventType;
        if (cf.config.eventType === 'origin-response') { MARK_A; }
        else { MARK_B; }
        switch (type) { case 'viewer-request': case 'origin-request': MARK_C; break; default: MARK_D; }
        if (type !== 'viewer-response') return cf.request;
        MARK_E;
      };`,
      { filename: 'a.js' },
    );
    const at = (name: string) => {
      const ids: TSESTree.Identifier[] = [];
      const visit = (node: unknown) => {
        if (!node || typeof node !== 'object') return;
        const n = node as TSESTree.Node;
        if (n.type === 'Identifier' && n.name === name) ids.push(n);
        for (const [key, value] of Object.entries(n)) {
          if (key === 'parent') continue;
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && 'type' in value) visit(value);
        }
      };
      visit(analysis.handlers[0]!.node);
      return types(analysis.eventTypesAt(ids[0]!));
    };
    expect(at('MARK_A')).toEqual(['origin-response']);
    expect(at('MARK_B')).toEqual(['origin-request', 'viewer-request', 'viewer-response']);
    expect(at('MARK_C')).toEqual(['origin-request', 'viewer-request']);
    expect(at('MARK_D')).toEqual(['origin-response', 'viewer-response']);
    expect(at('MARK_E')).toEqual(['viewer-response']);
  });

  it('narrows on whether the record holds a response, and then infers nothing from cf.response', () => {
    const { analysis } = analyse(
      `exports.handler = async (event) => {
        const cf = event.Records[0].cf;
        MARK_A;
        if (cf.response) { MARK_B; return cf.response; }
        MARK_C;
        if ('response' in cf) { MARK_D; } else { MARK_E; }
        if (cf.response !== undefined) { MARK_F; }
        return cf.response == null ? MARK_G : cf.request;
      };`,
      { filename: 'a.js' },
    );
    const handler = analysis.handlers[0]!;
    expect(handler.eventTypes).toBeUndefined();
    const at = (name: string) => {
      let found: TSESTree.Node | undefined;
      analysis.forEachNode(handler.node, (node) => {
        if (!found && node.type === 'Identifier' && node.name === name) found = node;
      });
      return types(analysis.eventTypesAt(found!));
    };
    expect(at('MARK_A')).toBeUndefined();
    expect(at('MARK_B')).toEqual(['origin-response', 'viewer-response']);
    expect(at('MARK_C')).toEqual(['origin-request', 'viewer-request']);
    expect(at('MARK_D')).toEqual([]);
    expect(at('MARK_E')).toEqual(['origin-request', 'viewer-request']);
    expect(at('MARK_G')).toEqual(['origin-request', 'viewer-request']);
    // A response put in a name that is never read says nothing.
    for (const unused of ['const response = event.Records[0].cf.response;', 'const { request, response } = event.Records[0].cf;']) {
      const code = `exports.handler = async (event) => { ${unused} const r = event.Records[0].cf.request; r.uri = '/x'; return r; };`;
      expect(types(analyse(code, { filename: 'a.js' }).analysis.handlers[0]!.eventTypes), unused).toEqual(['origin-request', 'viewer-request']);
    }
    // A response read that is not a condition still makes a response handler.
    const plain = analyse(`exports.handler = async (event) => { const r = event.Records[0].cf.response; if (r.status === '200') r.status = '204'; return r; };`, {
      filename: 'a.js',
    }).analysis;
    expect(types(plain.handlers[0]!.eventTypes)).toEqual(['origin-response', 'viewer-response']);
  });
});

describe('objects', () => {
  it('follows aliases, destructuring and helper parameters to the received objects', () => {
    const { analysis } = analyse(
      `function addHeaders(h) { h['x-a'] = [{ value: '1' }]; }
       exports.handler = async (event) => {
         const { Records: [{ cf }] } = event;
         const { response } = cf;
         const headers = response.headers;
         addHeaders(headers);
         const q = cf.request.querystring;
         return response;
       };`,
      { filename: 'a.js' },
    );
    const kinds = analysis.accesses.map((a) => `${a.objectKind}.${a.name}:${a.op}`);
    expect(kinds).toContain('response-headers.x-a:write');
    expect(kinds).toContain('request.querystring:read');
    expect(kinds).toContain('response.headers:read');
  });

  it('traces generated responses through variables, conditionals, helpers, spreads and callbacks', () => {
    const { analysis } = analyse(
      `const BASE = { status: '200', headers: { 'cache-control': [{ value: 'no-store' }] } };
       const notFound = () => ({ ...BASE, status: '404', body: 'missing' });
       exports.handler = (event, context, callback) => {
         const request = event.Records[0].cf.request;
         let res;
         if (request.uri === '/a') res = { status: '301', headers: { location: [{ value: '/b' }] } };
         else res = request.uri === '/c' ? notFound() : { status: '200', body: 'ok' };
         callback(null, res);
       };`,
      { filename: 'a.js' },
    );
    const statuses = analysis.responses.map((r) => analysis.staticValue(r.properties.get('status')!.value)?.text).sort();
    expect(statuses).toEqual(['200', '301', '404']);
    const notFound = analysis.responses.find((r) => r.properties.has('body') && r.properties.get('headers'));
    expect(notFound?.properties.get('headers')?.own).toBe(false);
    expect(analysis.headerEntries.map((e) => e.name).sort()).toEqual(['cache-control', 'location']);
  });

  it('does not take a returned request literal or an API Gateway result for a response', () => {
    const { analysis } = analyse(
      `exports.handler = async (event) => {
         const request = event.Records[0].cf.request;
         if (request.uri === '/x') return { ...request, uri: '/index.html' };
         return request;
       };
       exports.api = async (event) => ({ statusCode: 404, body: '' });`,
      { filename: 'a.js' },
    );
    expect(analysis.responses).toEqual([]);
  });

  it.each([
    ['a named ESM import', `import { join } from 'node:path';\nimport { readFileSync } from 'node:fs';\nconst page = readFileSync(join(import.meta.dirname, 'large-page.html'), 'utf8');`],
    ['a destructured require', `const { resolve } = require('path');\nconst fs = require('fs');\nconst page = fs.readFileSync(resolve(__dirname, 'large-page.html'), 'utf8');`],
    ['a renamed path module', `import nodepath from 'path';\nimport fs from 'fs';\nconst page = fs.readFileSync(nodepath.join(__dirname, 'large-page.html'));`],
  ])('sizes a file read through %s', (_label, prelude) => {
    const { analysis } = analyse(
      `${prelude}
       export const handler = async (event) => { event.Records[0].cf.request; return { status: '200', body: page }; };`,
      { filename: 'tests/fixtures/size/handler.mjs' },
    );
    const body = analysis.responses[0]!.properties.get('body')!.value;
    expect(analysis.staticValue(body)?.bytes).toBe(49_745);
  });

  it('does not take a local function named join for path.join', () => {
    const { analysis } = analyse(
      `const join = (...parts) => parts.join('/');
       const page = require('fs').readFileSync(join(__dirname, 'large-page.html'));
       exports.handler = async (event) => { event.Records[0].cf.request; return { status: '200', body: page }; };`,
      { filename: 'tests/fixtures/size/handler.js' },
    );
    expect(analysis.staticValue(analysis.responses[0]!.properties.get('body')!.value)).toBeUndefined();
  });

  it('evaluates static values', () => {
    const { analysis } = analyse(
      `const A = 'ab';
       const page = \`<p>\${A}</p>\` + 'x'.repeat(10) + JSON.stringify({ a: [1, true, null] });
       exports.handler = async (event) => { event.Records[0].cf.request; return { status: '200', body: page }; };`,
      { filename: 'a.js' },
    );
    const body = analysis.responses[0]!.properties.get('body')!.value;
    expect(analysis.staticValue(body)).toEqual({ text: '<p>ab</p>xxxxxxxxxx{"a":[1,true,null]}', bytes: 38 });
  });
});

describe('named facts', () => {
  it('measures a generated response: header keys (or map names) and values, the body decoded when base64', () => {
    const { analysis } = analyse(`
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { status: '200', headers: { 'x-a': [{ key: 'X-Aa', value: 'abc' }], 'x-bb': [{ value: 'de' }] }, body: 'aGVsbG8=', bodyEncoding: 'base64' };
      };`);
    const response = analysis.responses[0]!;
    // The `key` is what is sent (4 bytes here, not the map name's 3); without one, the map name.
    expect(analysis.headerBytes(response)).toEqual({ bytes: 4 + 3 + 4 + 2, partial: false });
    const body = response.properties.get('body')!.value;
    const encoding = response.properties.get('bodyEncoding')!.value;
    expect(analysis.bodyBytes(body, [encoding])).toEqual({ bytes: 5, partial: false, file: undefined });
    expect(analysis.bodyBytes(body, [])).toEqual({ bytes: 8, partial: false, file: undefined });
  });

  it('says a size is partial when a header map or the encoding is not known', () => {
    const { analysis } = analyse(`
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        return { status: '200', headers: request.uri ? { a: [{ value: 'b' }] } : {}, body: 'aGVsbG8=', bodyEncoding: request.uri };
      };`);
    const response = analysis.responses[0]!;
    expect(analysis.headerBytes(response)).toEqual({ bytes: 0, partial: true });
    const body = response.properties.get('body')!.value;
    expect(analysis.bodyBytes(body, [response.properties.get('bodyEncoding')!.value])).toEqual({ bytes: 5, partial: true, file: undefined });
  });

  it('tells which origin config a field is written on, through a const alias but not a let', () => {
    const { analysis } = analyse(`
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        const { custom } = request.origin;
        custom.port = 8080;
        request.origin.s3.path = '/a';
        let other = request.origin.custom;
        other.path = '/b';
        return request;
      };`);
    const fields = analysis.accesses.filter((a) => a.objectKind === 'origin-config' && a.op === 'write');
    const kinds = fields.map((a) => analysis.originConfigKindOf((a.node as TSESTree.MemberExpression).object));
    expect(fields.map((a) => a.name)).toEqual(['port', 'path', 'path']);
    expect(kinds).toEqual(['custom', 's3', undefined]);
  });

  it('tells a query-string object from a string, and a name later given something else', () => {
    const { analysis } = analyse(`
      const querystring = require('querystring');
      exports.handler = async (event) => {
        const request = event.Records[0].cf.request;
        const params = { a: 'b' };
        request.querystring = params;
        request.querystring = new URLSearchParams('a=b');
        request.querystring = querystring.parse('a=b');
        request.querystring = 'a=b';
        let qs = request.querystring;
        qs = querystring.parse(qs);
        const kept = request.querystring;
        return [qs.a, kept.b];
      };`);
    const written = analysis.accesses.filter((a) => a.name === 'querystring' && a.op === 'write');
    expect(written.map((a) => analysis.querystringObjectOf(a.value!))).toEqual(['literal', 'params', 'parsed', undefined]);
    const members = analysis.accesses.filter((a) => a.name === 'a' || a.name === 'b').filter((a) => a.node.type === 'MemberExpression');
    const objects = members.map((a) => (a.node as TSESTree.MemberExpression).object);
    expect(objects.map((o) => analysis.laterHoldsOther(o, 'querystring'))).toEqual([true, false]);
  });

  it("tells whether a handler depends on the viewer's request, and where its name is written", () => {
    const { analysis } = analyse(`
      // @lambda-edge-event viewer-response
      exports.fixed = async (event) => { const r = event.Records[0].cf.response; r.headers['x-a'] = [{ value: 'b' }]; return r; };
      exports.stamped = async (event) => { const r = event.Records[0].cf.response; r.headers['x-t'] = [{ value: String(Date.now()) }]; return r; };
      exports.reads = async (event) => { const { request, response } = event.Records[0].cf; response.headers['x-u'] = [{ value: request.uri }]; return response; };
      exports.passes = async (event) => { const r = event.Records[0].cf.response; send(event); return r; };
    `);
    expect(analysis.handlers.map((h) => [h.name, analysis.usesViewerRequest(h)])).toEqual([
      ['fixed', false],
      ['stamped', true],
      ['reads', true],
      ['passes', true],
    ]);
    const head = analysis.handlerHead(analysis.handlers[0]!);
    expect('type' in head && head.type).toBe('MemberExpression');
    expect('loc' in head && head.loc.start).toEqual({ line: 3, column: 6 });
  });
});
