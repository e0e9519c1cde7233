/**
 * Bad input never throws: invalid settings, rule options, `@lambda-edge-event` typos, hostile
 * file reads and adversarial text for every regular expression of the plugin. Each problem is
 * reported once, with the setting or comment named and the allowed values listed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import regexp from 'eslint-plugin-regexp';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rules } from '../../rules/index.js';
import { EVENT_TYPES } from '../../src/event-types.js';
import plugin from '../../src/index.js';
import { clearInfrastructureCache, getInfrastructureMap } from '../../src/infra/index.js';
import { allRulesLevels } from './harness.js';
import { makeTempProject, removeTempProjects } from './temp.js';

// Every file the plugin stats or reads, to prove what it never touches.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const spied = { ...actual, statSync: vi.fn(actual.statSync), readFileSync: vi.fn(actual.readFileSync) };
  return { ...spied, default: spied };
});

const ALLOWED = EVENT_TYPES.map((t) => `'${t}'`).join(', ');
const HANDLER = [
  'export const handler = async (event) => {',
  '  const response = event.Records[0].cf.response;',
  "  response.headers['x-a'] = [{ key: 'X-A', value: '1' }];",
  '  return response;',
  '};',
].join('\n');

afterAll(() => removeTempProjects());

let fileCounter = 0;
/** A fresh file name per lint: settings problems are reported in the first file that meets them. */
function freshFile(dir = process.cwd()): string {
  return path.join(dir, `bad-input-${++fileCounter}.js`);
}

function lintAll(code: string, options: { settings?: unknown; filename?: string; cwd?: string } = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: options.cwd ?? process.cwd() });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.{js,ts}'],
        plugins: { 'lambda-edge': plugin as never },
        languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
        settings: { 'lambda-edge': options.settings } as Record<string, unknown>,
        rules: allRulesLevels(),
      },
    ],
    { filename: options.filename ?? freshFile(options.cwd) },
  );
}

function plugMessages(messages: Linter.LintMessage[]): Linter.LintMessage[] {
  return messages.filter((m) => m.ruleId?.startsWith('lambda-edge/'));
}

describe('invalid settings: one clear message per file, never a throw', () => {
  const cases: Array<[string, unknown, RegExp[]]> = [
    ["settings['lambda-edge'] = 'x'", 'x', [/settings\['lambda-edge'\] must be an object/, /eventType: 'origin-response'/, /got 'x'/]],
    ["settings['lambda-edge'] = []", [], [/settings\['lambda-edge'\] must be an object/, /got an array/]],
    ["settings['lambda-edge'] = 42", 42, [/settings\['lambda-edge'\] must be an object/, /got 42/]],
    ['{ eventType: "origin" }', { eventType: 'origin', infrastructure: false }, [/settings\['lambda-edge'\]\.eventType/, /'origin'/, new RegExp(escape(ALLOWED))]],
    ['{ eventType: [] }', { eventType: [], infrastructure: false }, [/settings\['lambda-edge'\]\.eventType has no value/, new RegExp(escape(ALLOWED))]],
    ['{ eventType: 7 }', { eventType: 7, infrastructure: false }, [/settings\['lambda-edge'\]\.eventType/, /7/, new RegExp(escape(ALLOWED))]],
    ['{ eventTyp: ... }', { eventTyp: 'origin-response', infrastructure: false }, [/settings\['lambda-edge'\]\.eventTyp is not a known setting/, /eventType, infrastructure and handlers/]],
    ["{ infrastructure: 'yes' }", { infrastructure: 'yes' }, [/settings\['lambda-edge'\]\.infrastructure must be false/, /list of file paths or globs/, /got 'yes'/]],
    ['{ infrastructure: [1] }', { infrastructure: [1] }, [/settings\['lambda-edge'\]\.infrastructure/, /got an array/]],
    ["{ handlers: 'x' }", { handlers: 'x', infrastructure: false }, [/settings\['lambda-edge'\]\.handlers must be an object/, /got 'x'/]],
    ['{ handlers: { file: { handler: ["nope"] } } }', { handlers: { 'a.js': { handler: ['nope'] } } }, [/settings\['lambda-edge'\]\.handlers\["a\.js"\]\.handler/, /'nope'/, new RegExp(escape(ALLOWED))]],
  ];

  for (const [name, settings, expected] of cases) {
    it(name, () => {
      let messages: Linter.LintMessage[] = [];
      expect(() => (messages = lintAll(HANDLER, { settings }))).not.toThrow();
      const config = plugMessages(messages).filter((m) => /settings\['lambda-edge'\]/.test(m.message));
      // Once per file, although every rule is enabled.
      expect(config, JSON.stringify(messages, null, 1)).toHaveLength(1);
      for (const pattern of expected) expect(config[0]!.message).toMatch(pattern);
      expect(config[0]!.line).toBe(1);
    });
  }

  it('a settings problem is reported once in every Lambda@Edge file, where the setting matters', () => {
    const settings = { eventType: 'origin-respons', infrastructure: false };
    const first = plugMessages(lintAll(HANDLER, { settings })).filter((m) => /eventType/.test(m.message));
    const second = plugMessages(lintAll(HANDLER, { settings })).filter((m) => /eventType/.test(m.message));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
  });

  it('files with no Lambda@Edge code get a settings problem only in the first file of the run', () => {
    const settings = { eventType: 'viewer-requst', infrastructure: false };
    const first = plugMessages(lintAll('const a = 1;\n', { settings })).filter((m) => /eventType/.test(m.message));
    const second = plugMessages(lintAll('const b = 2;\n', { settings })).filter((m) => /eventType/.test(m.message));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });

  it('a file that is not Lambda@Edge code still gets the settings problem', () => {
    const messages = plugMessages(lintAll('const x = 1;\n', { settings: { eventType: 'nope', infrastructure: false } }));
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toMatch(/eventType has the invalid value 'nope'/);
  });
});

describe('invalid rule options: ESLint names the rule, the value and what is expected', () => {
  const linter = new Linter({ configType: 'flat' });
  const verifyWith = (rule: string, options: unknown[]) => () =>
    linter.verify(
      'x',
      [{ files: ['**/*.js'], plugins: { 'lambda-edge': plugin as never }, rules: { [`lambda-edge/${rule}`]: ['error', ...options] as never } }],
      { filename: 'a.js' },
    );

  // Read at run time: rules added later are covered.
  for (const [name, rule] of Object.entries(rules)) {
    const schema = (Array.isArray(rule.meta.schema) ? rule.meta.schema : []) as Array<Record<string, unknown>>;
    if (schema.length === 0) {
      it(`${name}: takes no options`, () => {
        expect(verifyWith(name, [{ bogus: true }])).toThrow(new RegExp(`lambda-edge/${name}[\\s\\S]*should NOT have more than 0 items`));
      });
      continue;
    }
    const first = schema[0]!;
    const properties = (first.properties ?? {}) as Record<string, { type?: string }>;
    it(`${name}: an unknown option is named, with the known ones`, () => {
      expect(verifyWith(name, [{ bogusOption: 1 }])).toThrow(
        new RegExp(`lambda-edge/${name}[\\s\\S]*Unexpected property "bogusOption"\\. Expected properties: ${Object.keys(properties).map((p) => `"${p}"`).join(', ')}`),
      );
    });
    for (const [prop, spec] of Object.entries(properties)) {
      it(`${name}: a wrong type for ${prop} names the value and the expected type`, () => {
        const wrong = spec.type === 'string' ? 12345 : 'wrong-type-value';
        // ESLint's message names the value and the expected type, not the option's name.
        expect(verifyWith(name, [{ [prop]: wrong }])).toThrow(
          new RegExp(`lambda-edge/${name}[\\s\\S]*Value ${escape(JSON.stringify(wrong))} should be ${spec.type ?? ''}`),
        );
      });
    }
  }
});

describe('@lambda-edge-event with a typo', () => {
  it('is reported once per file with the allowed values, although every rule is enabled', () => {
    const code = `// @lambda-edge-event orign-response\n${HANDLER}`;
    const messages = plugMessages(lintAll(code, { settings: { infrastructure: false } }));
    const typo = messages.filter((m) => m.message.includes('orign-response'));
    expect(typo).toHaveLength(1);
    expect(typo[0]!.message).toBe(`@lambda-edge-event has the unknown event type 'orign-response'; allowed values are ${ALLOWED}.`);
    expect(typo[0]!.line).toBe(1);
  });

  it('an empty tag says an event type is needed', () => {
    const messages = plugMessages(lintAll(`/* @lambda-edge-event */\n${HANDLER}`, { settings: { infrastructure: false } }));
    const empty = messages.filter((m) => m.message.startsWith('@lambda-edge-event'));
    expect(empty.map((m) => m.message)).toEqual([`@lambda-edge-event needs an event type; allowed values are ${ALLOWED}.`]);
  });

  // Regression (found by the node_modules sweep): a comment that mentions the tag in prose,
  // "(an invalid `@lambda-edge-event`, an invalid setting)", was read as a tag with the
  // event types '`', 'an', 'invalid', ... and reported.
  it('a mention of the tag in prose is not a tag', () => {
    const code = [
      '/**',
      ' * Reports configuration problems (an invalid `@lambda-edge-event`, an invalid setting) once.',
      ' */',
      '// A configuration problem (bad @lambda-edge-event, bad settings) is reported by one rule only.',
      HANDLER,
    ].join('\n');
    const messages = plugMessages(lintAll(code, { settings: { infrastructure: false } }));
    expect(messages.filter((m) => m.message.includes('@lambda-edge-event'))).toEqual([]);
  });

  it('the tag is read at the start of a comment or of a JSDoc line, in every comment style', () => {
    for (const tag of [
      '// @lambda-edge-event orign-response',
      '/* @lambda-edge-event orign-response */',
      '/** @lambda-edge-event orign-response */',
      '/**\n * The handler.\n * @lambda-edge-event orign-response\n */',
      '/*\n   @lambda-edge-event orign-response\n*/',
    ]) {
      const messages = plugMessages(lintAll(`${tag}\n${HANDLER}`, { settings: { infrastructure: false } }));
      expect(messages.filter((m) => m.message.includes("'orign-response'")), tag).toHaveLength(1);
    }
  });

  it('two tags, each with a typo, give one message each', () => {
    const code = `// @lambda-edge-event viewer-reqest\n${HANDLER}\n// @lambda-edge-event origin_request\nexport const other = async (event) => event.Records[0].cf.request;\n`;
    const messages = plugMessages(lintAll(code, { settings: { infrastructure: false } })).filter((m) => m.message.startsWith('@lambda-edge-event'));
    expect(messages.map((m) => m.line)).toEqual([1, 7]);
  });
});

describe('file reads in the code under lint', () => {
  const statSync = vi.mocked(fs.statSync);
  const readFileSync = vi.mocked(fs.readFileSync);
  beforeEach(() => {
    statSync.mockClear();
    readFileSync.mockClear();
  });
  const touched = (file: string) =>
    [...statSync.mock.calls, ...readFileSync.mock.calls].filter((call) => typeof call[0] === 'string' && path.resolve(call[0]) === file);

  it('a readFileSync outside the project root is never stat-ed or read', () => {
    const root = makeTempProject({ 'edge/handler.js': '', 'edge/inside.html': 'x'.repeat(50_000) });
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'node:path';",
      '// @lambda-edge-event viewer-request',
      // Control: a file inside the project is read and sized, so the analysis did run.
      "export const inside = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, 'inside.html'), 'utf8') });",
      "export const handler = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, '../../../../../../../../etc/passwd'), 'utf8') });",
      "export const other = async (event) => ({ status: '200', body: readFileSync('/etc/passwd', 'utf8') });",
      "export const third = async (event) => ({ status: '200', body: readFileSync(new URL('../../../../../../../../etc/hostname', import.meta.url)) });",
    ].join('\n');
    const messages = plugMessages(lintAll(code, { cwd: root, filename: path.join(root, 'edge/handler.js'), settings: { infrastructure: false } }));
    const size = messages.filter((m) => m.ruleId === 'lambda-edge/max-generated-response-size');
    if (rules['max-generated-response-size']) {
      expect(size.map((m) => m.line)).toEqual([4]);
      expect(size[0]!.message).toContain('50,000 bytes');
    }
    expect(touched('/etc/passwd')).toEqual([]);
    expect(touched('/etc/hostname')).toEqual([]);
  });

  it('a symbolic link inside the project that points outside it is not followed', () => {
    const root = makeTempProject({ 'edge/handler.js': '' });
    const outside = makeTempProject({ 'secret.html': 'x'.repeat(50_000) });
    fs.symlinkSync(path.join(outside, 'secret.html'), path.join(root, 'edge/link.html'));
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'node:path';",
      '// @lambda-edge-event viewer-request',
      "export const handler = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, 'link.html'), 'utf8') });",
    ].join('\n');
    const messages = plugMessages(lintAll(code, { cwd: root, filename: path.join(root, 'edge/handler.js'), settings: { infrastructure: false } }));
    expect(messages.filter((m) => m.ruleId === 'lambda-edge/max-generated-response-size')).toEqual([]);
    expect(readFileSync.mock.calls.filter((c) => typeof c[0] === 'string' && c[0].includes('link.html'))).toEqual([]);
  });

  it('a 100 MB (sparse) file is sized by stat, not read', () => {
    const size = 100 * 1024 * 1024;
    const root = makeTempProject({ 'edge/handler.js': '', 'edge/big.html': '' });
    const big = path.join(root, 'edge/big.html');
    fs.truncateSync(big, size);
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'node:path';",
      '// @lambda-edge-event viewer-request',
      "export const handler = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, 'big.html'), 'utf8') });",
    ].join('\n');
    global.gc?.();
    const before = process.memoryUsage();
    const messages = plugMessages(lintAll(code, { cwd: root, filename: path.join(root, 'edge/handler.js'), settings: { infrastructure: false } }));
    const after = process.memoryUsage();
    expect(readFileSync.mock.calls.filter((c) => c[0] === big)).toEqual([]);
    expect(statSync.mock.calls.some((c) => c[0] === big)).toBe(true);
    expect(after.rss + after.external - (before.rss + before.external)).toBeLessThan(50 * 1024 * 1024);
    if (rules['max-generated-response-size']) {
      const size = messages.filter((m) => m.ruleId === 'lambda-edge/max-generated-response-size');
      expect(size).toHaveLength(1);
      expect(size[0]!.message).toContain(`${(100 * 1024 * 1024).toLocaleString('en-US')} bytes`);
      expect(size[0]!.message).toContain(`read from ${path.join('edge', 'big.html')}`);
    }
  });

  it('a device or a folder passed to readFileSync is neither read nor reported', () => {
    const root = makeTempProject({ 'edge/handler.js': '', 'edge/folder/x': '' });
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'node:path';",
      '// @lambda-edge-event viewer-request',
      "export const a = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, 'folder')) });",
      "export const b = async (event) => ({ status: '200', body: readFileSync(path.join(__dirname, 'missing.html')) });",
    ].join('\n');
    const messages = plugMessages(lintAll(code, { cwd: root, filename: path.join(root, 'edge/handler.js'), settings: { infrastructure: false } }));
    expect(messages.filter((m) => m.ruleId === 'lambda-edge/max-generated-response-size')).toEqual([]);
    expect(readFileSync.mock.calls.filter((c) => typeof c[0] === 'string' && c[0].includes('folder'))).toEqual([]);
  });
});

/** Escapes text for use inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const SUPER_LINEAR_RULES = {
  'regexp/no-super-linear-backtracking': 'error',
  'regexp/no-super-linear-move': 'error',
} as const;

describe('regular expressions stay linear on any input', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const sources = ['src', 'rules', 'bin']
    .flatMap((dir) => listTs(path.join(root, dir)))
    .filter((file) => !file.endsWith('.d.ts'));
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    // Regular expressions built at run time cannot be checked here: keep them out of the code.
    expect(text.match(/new RegExp\(|\bRegExp\(/g) ?? [], `${file} builds a RegExp at run time`).toEqual([]);
  }

  it('reads the sources of src/, rules/ and bin/', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  // Super-linear backtracking and moves are found statically by eslint-plugin-regexp, here and
  // in the self-lint: a wall-clock bound on adversarial input was a timed test, and timed tests
  // fail on a loaded machine without any change to the code.
  it('no regular expression in src/, rules/ or bin/ can backtrack or move super-linearly', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { regexp }, rules: SUPER_LINEAR_RULES },
    ];
    const problems = sources.flatMap((file) =>
      linter
        .verify(fs.readFileSync(file, 'utf8'), config, { filename: file })
        .map((m) => `${path.relative(root, file)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('the static check does report a quadratic pattern', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { regexp }, rules: SUPER_LINEAR_RULES }];
    const messages = linter.verify("export const trim = (s: string) => s.replace(/^\\/+|\\/+$/g, '');\n", config, { filename: 'x.ts' });
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['regexp/no-super-linear-move', 1, 52]]);
  });
});

describe('hostile infrastructure files (what tests/infra does not already cover)', () => {
  const GOOD = {
    'serverless.yml': 'service: good\nfunctions:\n  ok:\n    handler: edge/ok.handler\n    events:\n      - cloudFront:\n          eventType: viewer-request\n          origin: https://example.com\n',
    'edge/ok.js': 'exports.handler = async (e) => e.Records[0].cf.request;\n',
  };
  const DEPTH = 20_000;
  const discover = (files: Record<string, string>) => {
    const root = makeTempProject({ ...GOOD, ...files });
    clearInfrastructureCache();
    let map: ReturnType<typeof getInfrastructureMap> | undefined;
    expect(() => (map = getInfrastructureMap({ cwd: root, infrastructure: undefined, handlers: undefined }))).not.toThrow();
    const bindings = map!.bindings.map((b) => `${path.relative(root, b.file)}#${b.exportName} ${b.eventTypes.join('+')}`);
    return { root, bindings, problems: map!.problems.map((p) => p.message) };
  };

  it('deeply nested YAML (a CloudFormation template)', () => {
    const { bindings, problems } = discover({
      'deep.yaml': `AWSTemplateFormatVersion: '2010-09-09'\n# AWS::CloudFront::Distribution\nResources: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`,
    });
    expect(bindings).toEqual(['edge/ok.js#handler viewer-request']);
    for (const p of problems) expect(p).toMatch(/^deep\.yaml/);
  });

  it('deeply nested JSON (a CloudFormation template)', () => {
    const { bindings, problems } = discover({
      'deep.json': `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`,
    });
    expect(bindings).toEqual(['edge/ok.js#handler viewer-request']);
    for (const p of problems) expect(p).toMatch(/^deep\.json/);
  });

  it('deeply nested Terraform', () => {
    const { bindings, problems } = discover({
      'main.tf': `locals {\n  a = ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n}\nresource "aws_cloudfront_distribution" "d" {}\n`,
    });
    expect(bindings).toEqual(['edge/ok.js#handler viewer-request']);
    for (const p of problems) expect(p).toMatch(/^main\.tf/);
  });

  // TypeScript's recursive parser overflows the stack on ~1,000 nested parentheses: the CDK
  // reader turns that into one problem naming the file, and the other files are still read.
  it('deeply nested CDK code: one problem naming the file, the rest still found', () => {
    const { bindings, problems } = discover({
      'infra/app.ts': `import * as cdk from 'aws-cdk-lib';\nimport * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\nconst x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`,
    });
    expect(bindings).toEqual(['edge/ok.js#handler viewer-request']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^infra\/app\.ts/);
  });

  it('deeply nested CDK code never throws out of discovery', () => {
    const { problems } = discover({
      'infra/app.ts': `import * as cdk from 'aws-cdk-lib';\nimport * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\nconst x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`,
    });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('a huge infrastructure file is sized, named and skipped', () => {
    const { bindings, problems } = discover({
      'serverless.yml': `${GOOD['serverless.yml']}${'# padding\n'.repeat(600_000)}`,
      'huge.tf': `resource "aws_cloudfront_distribution" "d" {}\n${'# padding\n'.repeat(600_000)}`,
    });
    expect(bindings).toEqual([]);
    expect(problems).toEqual([
      expect.stringMatching(/^huge\.tf: is 6 MB, larger than infrastructure code is expected to be; not read\.$/),
      expect.stringMatching(/^serverless\.yml: is 6 MB, larger than infrastructure code is expected to be; not read\.$/),
    ]);
  });
});

function listTs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('messages name the file and the setting, and say what to do', () => {
  it('a comment that disagrees with the infrastructure names both, once per file', () => {
    const root = makeTempProject({
      'serverless.yml': 'service: s\nfunctions:\n  ok:\n    handler: edge/ok.handler\n    events:\n      - cloudFront:\n          eventType: viewer-request\n          origin: https://example.com\n',
      'edge/ok.js': '',
    });
    clearInfrastructureCache();
    const code = '// @lambda-edge-event origin-response\nexports.handler = async (event) => event.Records[0].cf.response;\n';
    const messages = plugMessages(lintAll(code, { cwd: root, filename: path.join(root, 'edge/ok.js'), settings: {} }));
    const disagree = messages.filter((m) => m.message.includes('Make them agree'));
    expect(disagree).toHaveLength(1);
    expect(disagree[0]!.message).toBe(
      "The @lambda-edge-event comment says origin-response, but serverless.yml:7 attaches 'handler' to viewer-request; the comment wins. Make them agree.",
    );
  });

  it('an infrastructure glob that matches nothing names the glob and the folder', () => {
    const root = makeTempProject({ 'edge/ok.js': '' });
    clearInfrastructureCache();
    const map = getInfrastructureMap({ cwd: root, infrastructure: ['infra/*.yml'], handlers: undefined });
    expect(map.problems.map((p) => p.message)).toEqual([
      `settings['lambda-edge'].infrastructure entry 'infra/*.yml' matches no file under ${root}.`,
    ]);
  });
});
