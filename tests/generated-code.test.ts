import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { generatedCodeOf, isForeign, longLines, withoutForeignReports, type GeneratedCode } from '../src/generated-code.js';

// Every sample below is written for this test: the shapes of bundler output, not anyone's code.

function parse(text: string, sourceType: 'module' | 'script' = 'script'): TSESTree.Program {
  return tsParser.parseForESLint(text, { range: true, loc: true, tokens: true, comment: true, sourceType })
    .ast as unknown as TSESTree.Program;
}

function classify(text: string): GeneratedCode {
  return generatedCodeOf({ text, ast: parse(text) });
}

/** [start, end) from the first occurrence of `from` to just before `to` (or the end of the text). */
function between(text: string, from: string, to?: string): [number, number] {
  const start = text.indexOf(from);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = to === undefined ? text.length : text.indexOf(to, start + from.length);
  expect(end).toBeGreaterThan(start);
  return [start, end];
}

const NOT_GENERATED: GeneratedCode = { whole: false, foreign: [] };

describe('minified files', () => {
  // A one-line handler the way a minifier writes it: many tokens, a space only where one is needed.
  const minified =
    '"use strict";var a=require("./chunk.js"),b=process.env.DEBUG||"";function c(d){b&&console.log(d)}' +
    'exports.handler=async function(e){var f=e.Records[0].cf.request;c(f.uri);if(f.uri==="/"){f.uri="/index.html"}return f};\n' +
    '//# sourceMappingURL=index.js.map\n';

  it('reports a minified one-liner', () => {
    const result = classify(minified);
    expect(result.whole).toBe('minified');
    expect(result.foreign).toEqual([]);
    expect(result.why).toBe('1 packed line(s) hold 100% of the tokens');
  });

  it('reports a minified file of several packed lines (a licence banner does not matter)', () => {
    const line = (n: number) =>
      `var v${n}=function(a,b){return a&&b?a+b:a||b},w${n}=[1,2,3].map(function(x){return x*${n}}),z${n}={k:v${n}(1,2),w:w${n}};`;
    const text = `/*! banner: some library v1.0.0 | MIT */\n${line(1)}${line(2)}\n${line(3)}${line(4)}\n`;
    expect(classify(text).whole).toBe('minified');
  });

  it('longLines finds the lines `split` would give, of every length around the threshold', () => {
    const reference = (text: string, min: number) => {
      const out: Array<[number, number]> = [];
      let start = 0;
      for (const line of text.split('\n')) {
        if (line.length >= min) out.push([start, start + line.length]);
        start += line.length + 1;
      }
      return out;
    };
    // A fixed pseudo-random sequence: lines of 0–14 characters (some \r, some U+2028), threshold 0–9.
    let seed = 12345;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 500; round++) {
      const lines = Array.from({ length: next(8) }, () => 'ab\rc\u2028defghijklmn'.slice(0, next(15)));
      const text = lines.join('\n') + (next(2) ? '\n' : '');
      const min = 1 + next(9);
      expect(longLines(text, min)).toEqual(reference(text, min));
    }
    expect(longLines('', 1)).toEqual([]);
    expect(longLines('abc', 3)).toEqual([[0, 3]]);
    expect(longLines('ab\n\nabc\n', 3)).toEqual([[4, 7]]);
  });

  it('reads lines up to `\\n` only: CRLF endings and a U+2028 inside a packed line change nothing', () => {
    const line = (n: number) =>
      `var v${n}=function(a,b){return a&&b?a+b:a||b},w${n}=[1,2,3].map(function(x){return x*${n}}),z${n}={k:v${n}(1,2),w:w${n}};`;
    const lf = `${line(1)}${line(2)}\n${line(3)}${line(4)}\n`;
    expect(classify(lf).why).toBe('2 packed line(s) hold 100% of the tokens');
    expect(classify(lf.replaceAll('\n', '\r\n')).why).toBe('2 packed line(s) hold 100% of the tokens');
    // A U+2028 in a string splits no line: the two halves together are one packed line.
    const split = `${line(1)}var s="\u2028";${line(2)}\n`;
    expect(classify(split).why).toBe('1 packed line(s) hold 100% of the tokens');
  });

  it('does not report a hand-written file with one long base64 data line', () => {
    const data = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo='.repeat(40);
    const text = [
      "'use strict';",
      `const LOGO = '${data}';`,
      '',
      'exports.handler = async (event) => {',
      '  const request = event.Records[0].cf.request;',
      "  if (request.uri === '/logo.png') {",
      "    return { status: '200', body: LOGO, bodyEncoding: 'base64' };",
      '  }',
      '  return request;',
      '};',
    ].join('\n');
    expect(classify(text)).toEqual(NOT_GENERATED);
  });

  it('does not report tsc output whose only long line is an inline source map', () => {
    const map = `data:application/json;base64,${'eyJ2ZXJzaW9uIjozfQ=='.repeat(60)}`;
    const text = [
      '"use strict";',
      'Object.defineProperty(exports, "__esModule", { value: true });',
      'exports.handler = void 0;',
      'const handler = async (event) => event.Records[0].cf.request;',
      'exports.handler = handler;',
      `//# sourceMappingURL=${map}`,
    ].join('\n');
    expect(classify(text)).toEqual(NOT_GENERATED);
  });

  it('does not report hand-written code with long lines spaced as people write them', () => {
    const line = (n: number) =>
      `  if (request.headers['x-variant-${n}'] && request.headers['x-variant-${n}'][0].value === 'on') { request.uri = '/v${n}' + request.uri; }`;
    const text = ['exports.handler = async (event) => {', '  const request = event.Records[0].cf.request;', ...[1, 2, 3, 4, 5].map(line), '  return request;', '};'].join('\n');
    expect(text.split('\n')[2]!.length).toBeGreaterThan(120);
    expect(classify(text)).toEqual(NOT_GENERATED);
  });

  it('does not report a long packed line among much hand-written code', () => {
    // A lookup table on one line, then ordinary code: the packed line holds well under half the tokens.
    const table = `const TABLE=[${Array.from({ length: 60 }, (_, i) => i).join(',')}];`;
    const body = Array.from({ length: 40 }, (_, i) => `  headers['x-debug-${i}'] = [{ key: 'X-Debug-${i}', value: String(TABLE[${i}]) }];`);
    const text = [table, 'function addHeaders(headers) {', ...body, '  return headers;', '}', 'module.exports = { addHeaders };'].join('\n');
    expect(classify(text)).toEqual(NOT_GENERATED);
  });
});

describe('bundles that cannot be told apart', () => {
  it('rollup: commonjs helpers declared in the bundle', () => {
    const text = [
      "'use strict';",
      "var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : {};",
      'function createCommonjsModule(fn) {',
      '  var module = { exports: {} };',
      '  return fn(module, module.exports), module.exports;',
      '}',
      'var lib = createCommonjsModule(function (module) {',
      '  module.exports = function home() { return process.env.HOME; };',
      '});',
      'exports.handler = async (event) => event.Records[0].cf.request;',
    ].join('\n');
    expect(classify(text)).toEqual({ whole: 'bundle', why: 'rollup commonjs helpers', foreign: [] });
  });

  it('rollup: a chunk calling the helpers of another chunk of the same build', () => {
    const text = [
      "'use strict';",
      "var main = require('./main-1a2b3c.js');",
      'var semverish = main.createCommonjsModule(function (module, exports) {',
      '  exports.debug = process.env.NODE_DEBUG;',
      '});',
      'exports.semverish = semverish;',
    ].join('\n');
    expect(classify(text).whole).toBe('bundle');
  });

  it('webpack: a module table with numeric ids only', () => {
    const text = [
      '(() => {',
      '  var __webpack_modules__ = {',
      '    12: (module) => { module.exports = process.env.DEBUG; },',
      '    34: (module, exports, __webpack_require__) => { exports.handler = async (e) => __webpack_require__(12) && e; },',
      '  };',
      '  function __webpack_require__(id) {',
      '    var module = { exports: {} };',
      '    __webpack_modules__[id](module, module.exports, __webpack_require__);',
      '    return module.exports;',
      '  }',
      '  module.exports = __webpack_require__(34);',
      '})();',
    ].join('\n');
    expect(classify(text)).toEqual({ whole: 'bundle', why: 'webpack runtime (__webpack_require__) with no module markers', foreign: [] });
  });

  it('ncc: __nccwpck_require__', () => {
    const text = [
      'var __modules = { 7: (m) => { m.exports = process.env.HOME; } };',
      'function __nccwpck_require__(id) { var m = { exports: {} }; __modules[id](m); return m.exports; }',
      'exports.handler = async (event) => (__nccwpck_require__(7), event.Records[0].cf.request);',
    ].join('\n');
    expect(classify(text)).toEqual({ whole: 'bundle', why: 'ncc runtime (__nccwpck_require__)', foreign: [] });
  });

  it('esbuild: helpers with no section comments', () => {
    const text = [
      'var __getOwnPropNames = Object.getOwnPropertyNames;',
      'var __commonJS = (cb, mod) => function require() {',
      '  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;',
      '};',
      'var require_lib = __commonJS({ "lib.js"(exports) { exports.level = process.env.LOG_LEVEL; } });',
      'exports.handler = async (event) => (require_lib(), event.Records[0].cf.request);',
    ].join('\n');
    expect(classify(text)).toEqual({ whole: 'bundle', why: 'esbuild helpers (__commonJS/__toESM) with no module markers', foreign: [] });
  });

  it('esbuild: its runtime prelude under minified names, reformatted, with no comments left', () => {
    const text = [
      'import { createRequire as topLevelCreateRequire } from "module";',
      'const require = topLevelCreateRequire(import.meta.url);',
      'var a = Object.create;',
      'var b = Object.defineProperty;',
      'var c = Object.getOwnPropertyDescriptor;',
      'var d = Object.getOwnPropertyNames;',
      'var e = Object.getPrototypeOf,',
      '  f = Object.prototype.hasOwnProperty;',
      'var g = (m, x) => () => (x || m((x = { exports: {} }).exports, x), x.exports);',
      'var h = g((q, r) => { r.exports = typeof process.env == "object" && process.env.DEBUG_FLAG; });',
      'var k = async (ev) => ev.Records[0].cf.request;',
      'export { k as handler };',
    ].join('\n');
    expect(generatedCodeOf({ text, ast: parse(text, 'module') })).toEqual({
      whole: 'bundle',
      why: 'esbuild runtime prelude (6 members of Object) with no module markers',
      foreign: [],
    });
  });

  it('esbuild prelude: hand-written code taking a few members of Object is not a bundle', () => {
    for (const text of [
      'const defineProperty = Object.defineProperty;\nconst keys = Object.getOwnPropertyNames;\nconst hasOwn = Object.prototype.hasOwnProperty;\nexports.handler = async (e) => e.Records[0].cf.request;',
      // Four members, but not set at the top of the file: inside a function, or past the first statements.
      'function setup() { var a = Object.create, b = Object.defineProperty, c = Object.getPrototypeOf, d = Object.getOwnPropertyNames; return [a, b, c, d]; }',
      [...Array.from({ length: 12 }, (_, i) => `const v${i} = ${i};`), 'var a = Object.create, b = Object.defineProperty, c = Object.getPrototypeOf, d = Object.getOwnPropertyNames;'].join('\n'),
      // Other objects' members of the same names.
      'var a = Reflect.defineProperty, b = Reflect.getPrototypeOf, c = Reflect.getOwnPropertyDescriptor, d = Other.create;',
    ]) {
      expect(classify(text), text).toEqual(NOT_GENERATED);
    }
  });

  it('parcel: its runtime helpers', () => {
    const text = [
      'function $parcel$interopDefault(a) { return a && a.__esModule ? a.default : a; }',
      "var $a1 = $parcel$interopDefault(require('./dep.js'));",
      'exports.handler = async (event) => $a1(event);',
    ].join('\n');
    expect(classify(text).whole).toBe('bundle');
  });
});

describe('bundles with marked third-party sections', () => {
  it('esbuild: each node_modules section runs to the next section comment', () => {
    const text = [
      'var __defProp = Object.defineProperty;',
      '',
      '// node_modules/tiny-flag/index.js',
      'var flag = process.env.FLAG === "1"; // src/fake.js',  // after code: not a section boundary
      '',
      '// node_modules/@scope/tiny-home/lib/home.js',
      'function home() {',
      '  // src/inner.js',  // path-like, but indented: inside a module, not a section boundary
      '  return process.env.HOME;',
      '}',
      '',
      '// src/handler.js',
      'var handler = async (event) => {',
      '  // src/notes.md',  // path-like, but indented: an ordinary comment, not a section boundary
      '  return flag ? home() : event.Records[0].cf.request;',
      '};',
      '',
      '// ../../node_modules/.pnpm/tiny-tail@1.0.0/node_modules/tiny-tail/index.js',
      'var tail = process.env.TAIL;',
      'export { handler, tail };',
      '',
    ].join('\n');
    const result = generatedCodeOf({ text, ast: parse(text, 'module') });
    expect(result.whole).toBe(false);
    expect(result.why).toBe('esbuild section comments');
    // The two adjacent node_modules sections merge into one range; the last runs to the end.
    expect(result.foreign).toEqual([
      between(text, '// node_modules/tiny-flag/index.js', '// src/handler.js'),
      between(text, '// ../../node_modules/.pnpm/'),
    ]);
    expect(isForeign(result, text.indexOf('process.env.HOME'))).toBe(true);
    expect(isForeign(result, text.indexOf('process.env.TAIL'))).toBe(true);
    expect(isForeign(result, text.indexOf('event.Records'))).toBe(false);
  });

  it('esbuild IIFE: sections indented by two spaces', () => {
    const text = [
      '"use strict";',
      '(() => {',
      '  // node_modules/tiny-flag/index.js',
      '  var flag = process.env.FLAG;',
      '',
      '  // src/handler.ts',
      '  globalThis.handler = async (event) => flag ? null : event.Records[0].cf.request;',
      '})();',
    ].join('\n');
    expect(classify(text).foreign).toEqual([between(text, '// node_modules/tiny-flag/index.js', '// src/handler.ts')]);
  });

  it('esbuild: rollup helpers inside a node_modules section do not make the whole file a bundle', () => {
    const text = [
      '// node_modules/prebuilt-lib/dist/index.js',
      "var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : {};",
      'var level = process.env.LEVEL;',
      '',
      '// src/handler.js',
      'exports.handler = async (event) => event.Records[0].cf.request;',
    ].join('\n');
    expect(classify(text)).toEqual({
      whole: false,
      why: 'esbuild section comments',
      foreign: [between(text, '// node_modules/prebuilt-lib', '// src/handler.js')],
    });
  });

  it('webpack: module-table entries keyed by a node_modules path', () => {
    const text = [
      '(() => {',
      '/******/ var __webpack_modules__ = ({',
      '/***/ "./node_modules/tiny-flag/index.js":',
      '/***/ ((module) => {',
      'module.exports = process.env.FLAG;',
      '/***/ }),',
      '/***/ "./src/handler.js":',
      '/***/ ((module, exports, __webpack_require__) => {',
      'const flag = __webpack_require__("./node_modules/tiny-flag/index.js");',
      'exports.handler = async (event) => flag ? null : event.Records[0].cf.request;',
      '/***/ }),',
      '/***/ "../node_modules/other/lib.js":',
      '/***/ (function(module) { module.exports = process.env.OTHER; })',
      '/******/ });',
      '/******/ function __webpack_require__(id) { var m = { exports: {} }; __webpack_modules__[id](m, m.exports, __webpack_require__); return m.exports; }',
      '/******/ module.exports = __webpack_require__("./src/handler.js");',
      '})();',
    ].join('\n');
    const first = text.indexOf('"./node_modules/tiny-flag/index.js"');
    const firstEnd = text.indexOf('})', text.indexOf('module.exports = process.env.FLAG')) + 2;
    const second = text.indexOf('"../node_modules/other/lib.js"');
    const secondEnd = text.indexOf('process.env.OTHER; })') + 'process.env.OTHER; })'.length;
    const result = classify(text);
    expect(result).toEqual({ whole: false, why: 'webpack module table keyed by path', foreign: [[first, firstEnd], [second, secondEnd]] });
    expect(isForeign(result, text.indexOf('event.Records'))).toBe(false);
  });

  it('webpack: a path-keyed table of the project\'s own modules only has nothing foreign', () => {
    const text = [
      'var __webpack_modules__ = ({',
      '  "./src/handler.js": ((module) => { module.exports = async (event) => event.Records[0].cf.request; }),',
      '});',
      'function __webpack_require__(id) { var m = { exports: {} }; __webpack_modules__[id](m); return m.exports; }',
      'module.exports = __webpack_require__("./src/handler.js");',
    ].join('\n');
    expect(classify(text)).toEqual({ whole: false, why: 'webpack module table keyed by path', foreign: [] });
  });
});

describe('the pattern files of the real-code suite', () => {
  const dir = path.join(import.meta.dirname, 'realworld', 'patterns');
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');

  it('bundle-minified-one-line.js is minified', () => {
    expect(classify(read('bundle-minified-one-line.js')).whole).toBe('minified');
  });

  it('bundle-esbuild-node-modules-section.js: the logger section is foreign, the handler is not', () => {
    const text = read('bundle-esbuild-node-modules-section.js');
    expect(classify(text)).toEqual({
      whole: false,
      why: 'esbuild section comments',
      foreign: [between(text, '// node_modules/tiny-logger/index.js', '// src/edge.js')],
    });
  });

  it('bundle-rollup-no-markers.js is rollup output by its interop helper', () => {
    expect(classify(read('bundle-rollup-no-markers.js'))).toEqual({
      whole: 'bundle',
      why: 'rollup interop helpers (_interopDefaultLegacy/_interopNamespace)',
      foreign: [],
    });
  });

  it('bundle-rollup-esm-renamed.mjs is rollup output by its renames of merged modules', () => {
    const text = read('bundle-rollup-esm-renamed.mjs');
    expect(generatedCodeOf({ text, ast: parse(text, 'module') })).toEqual({
      whole: 'bundle',
      why: 'rollup renamed 3 top-level names (name$1)',
      foreign: [],
    });
  });
});

describe('rollup bundles of ES modules', () => {
  it('takes an ESM bundle with exported renamed declarations for a bundle', () => {
    const text = [
      'var state = {}; var state$1 = {}; function get$2(k) { return state$1[k]; }',
      'let cache$1 = new Map();',
      'export const handler$1 = async (event) => event.Records[0].cf.request;',
      'export { handler$1 as handler };',
    ].join('\n');
    expect(generatedCodeOf({ text, ast: parse(text, 'module') }).why).toBe('rollup renamed 4 top-level names (name$1)');
  });

  it('does not take hand-written code with a few $-names, jQuery, templates or Babel/tsc interop for a bundle', () => {
    for (const text of [
      'const price$1 = 1; const price$2 = 2;\nexports.handler = async (event) => event.Records[0].cf.request;',
      'function f() { var a$1 = 1, b$1 = 2, c$1 = 3; return a$1 + b$1 + c$1; }\nexports.handler = async (e) => e.Records[0].cf.request;',
      "const $ = require('jquery'); const $el = $('#x');\nconst msg = `${$el.text()}$1`;",
      'function _interopRequireDefault(obj) { return obj && obj.__esModule ? obj : { default: obj }; }\nvar _fs = _interopRequireDefault(require("fs"));',
      'var __importDefault = (this && this.__importDefault) || function (mod) { return mod; };\nconst interop = "_interopDefaultLegacy";',
    ]) {
      expect(classify(text), text).toEqual(NOT_GENERATED);
    }
  });
});

describe('hand-written code is never generated', () => {
  it.each([
    [
      'a Lambda@Edge handler',
      [
        "'use strict';",
        '// node_modules/ is not deployed with this function, so nothing is required from it.',
        'exports.handler = async (event) => {',
        '  const request = event.Records[0].cf.request;',
        "  request.headers['x-forwarded-host'] = [{ key: 'X-Forwarded-Host', value: request.headers.host[0].value }];",
        '  return request;',
        '};',
      ].join('\n'),
    ],
    [
      'tsc output with helpers and a source map comment',
      [
        '"use strict";',
        'var __importDefault = (this && this.__importDefault) || function (mod) {',
        '    return (mod && mod.__esModule) ? mod : { "default": mod };',
        '};',
        'Object.defineProperty(exports, "__esModule", { value: true });',
        'exports.handler = void 0;',
        'const querystring_1 = __importDefault(require("querystring"));',
        'const handler = async (event) => {',
        '    const request = event.Records[0].cf.request;',
        '    request.querystring = querystring_1.default.stringify({ a: "1" });',
        '    return request;',
        '};',
        'exports.handler = handler;',
        '//# sourceMappingURL=index.js.map',
      ].join('\n'),
    ],
    [
      'a CloudFront Function',
      [
        'function handler(event) {',
        '    var request = event.request;',
        "    if (!request.uri.includes('.')) request.uri += '/index.html';",
        '    return request;',
        '}',
      ].join('\n'),
    ],
    [
      'a trailing path comment after code',
      'var level = process.env.LEVEL; // node_modules/tiny-logger/index.js reads the same variable\nmodule.exports = level;\n',
    ],
  ])('%s', (_name, text) => {
    expect(classify(text)).toEqual(NOT_GENERATED);
  });
});

describe('the API', () => {
  it('is memoised per AST', () => {
    const text = '// node_modules/a/index.js\nvar a = 1;\n// src/b.js\nvar b = 2;\n';
    const ast = parse(text);
    const first = generatedCodeOf({ text, ast });
    expect(generatedCodeOf({ text, ast })).toBe(first);
    expect(first.foreign).toEqual([between(text, '// node_modules/a/index.js', '// src/b.js')]);
  });

  it('works on ESLint\'s own SourceCode (default parser, as a rule gets it)', () => {
    const seen: GeneratedCode[] = [];
    const linter = new Linter({ configType: 'flat' });
    const text = '// node_modules/a/index.js\nvar a = process.env.A;\n\n// src/b.js\nexport const b = a;\n';
    linter.verify(text, {
      plugins: {
        probe: {
          rules: {
            probe: {
              create(context) {
                seen.push(generatedCodeOf(context.sourceCode as unknown as { text: string; ast: TSESTree.Program }));
                return {};
              },
            },
          },
        },
      },
      rules: { 'probe/probe': 'error' },
    });
    expect(seen).toEqual([{ whole: false, why: 'esbuild section comments', foreign: [between(text, '// node_modules/a/index.js', '// src/b.js')] }]);
  });

  it('withoutForeignReports drops reports inside foreign sections only (by node and by loc)', () => {
    const text = [
      '// node_modules/tiny-flag/index.js',
      'var flag = process.env.FLAG;',
      '',
      '// src/handler.js',
      'export const handler = async (event) => (process.env.MODE, flag ? null : event.Records[0].cf.request);',
      '',
    ].join('\n');
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(text, {
      plugins: {
        probe: {
          rules: {
            env: {
              meta: { messages: { env: 'env read' } },
              create(raw) {
                const context = withoutForeignReports(
                  raw as unknown as Parameters<typeof withoutForeignReports>[0],
                  generatedCodeOf(raw.sourceCode as unknown as { text: string; ast: TSESTree.Program }),
                );
                return {
                  'MemberExpression[object.name="process"]'(node: TSESTree.MemberExpression) {
                    context.report({ node, messageId: 'env' });
                    context.report({ loc: node.loc, messageId: 'env' });
                  },
                };
              },
            },
          },
        },
      },
      rules: { 'probe/env': 'error' },
    });
    expect(messages.map((m) => [m.line, m.column])).toEqual([
      [5, 42],
      [5, 42],
    ]);
  });

  it('does not throw on an AST without tokens or comments', () => {
    const text = 'var __webpack_require__ = 1;';
    const ast = { type: 'Program', body: [], range: [0, text.length] } as unknown as TSESTree.Program;
    expect(generatedCodeOf({ text, ast })).toEqual({ whole: 'bundle', why: 'webpack runtime (__webpack_require__) with no module markers', foreign: [] });
  });
});
