import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { configsOf, severityOf } from '../src/configs.js';
import plugin from '../src/index.js';

const root = path.join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(path.join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

describe('plugin shape', () => {
  it('has meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'lambda-edge' });
  });

  it('registers exactly the rules in rules/, sorted', () => {
    expect(Object.keys(rules)).toEqual(ruleFiles);
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
  });

  it('builds named flat configs that refer to the plugin itself', () => {
    for (const name of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[name];
      expect(config.name).toBe(`lambda-edge/${name}`);
      expect(config.plugins?.['lambda-edge']).toBe(plugin);
    }
  });

  it('configs match each rule\'s meta.docs.recommended', () => {
    for (const name of ['recommended', 'strict', 'all'] as const) {
      const expected = Object.fromEntries(
        ruleFiles
          .filter((rule) => configsOf(plugin.rules[rule]!).includes(name))
          .map((rule) => [`lambda-edge/${rule}`, severityOf(plugin.rules[rule]!)]),
      );
      expect(plugin.configs[name].rules).toEqual(expected);
    }
    // A numeric status is a warning (documented as a string, not documented to fail).
    expect(plugin.configs.recommended.rules?.['lambda-edge/no-numeric-status']).toBe('warn');
    expect(plugin.configs.recommended.rules?.['lambda-edge/no-body-with-204']).toBe('error');
    // every rule in all; strict contains recommended
    expect(Object.keys(plugin.configs.all.rules ?? {})).toHaveLength(ruleFiles.length);
    for (const rule of Object.keys(plugin.configs.recommended.rules ?? {})) {
      expect(plugin.configs.strict.rules).toHaveProperty(rule);
    }
  });

  it('configs are accepted by defineConfig', () => {
    const config = defineConfig([plugin.configs.recommended, { files: ['edge/**'], extends: [plugin.configs.strict] }]);
    expect(config.length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = plugin.rules[name]!;

  it('has a docs URL on the main branch (a ref that exists) naming a page that exists, a description and a type', () => {
    // Not a version tag: v0.1.0 was never tagged, so those links were dead (docs/releasing.md).
    expect(rule.meta.docs?.url).toBe(`https://github.com/lambda-edge-lint/eslint-plugin-lambda-edge/blob/main/docs/rules/${name}.md`);
    const docPath = new URL(rule.meta.docs!.url!).pathname.replace(/^\/lambda-edge-lint\/eslint-plugin-lambda-edge\/blob\/main\//, '');
    expect(existsSync(path.join(root, docPath)), docPath).toBe(true);
    expect(rule.meta.docs?.description).toMatch(/^(Enforce|Require|Disallow|Prefer) /);
    expect(['problem', 'suggestion', 'layout']).toContain(rule.meta.type);
  });

  it('reports configuration problems only if it is valid-configuration (the one rule that does)', () => {
    // No other rule carries the message: a rule that could report one would report it under
    // its own id, where a "disable this rule" comment would silence configuration problems.
    if (name === 'valid-configuration') expect(Object.keys(rule.meta.messages)).toEqual(['invalidConfig']);
    else expect(rule.meta.messages).not.toHaveProperty('invalidConfig');
  });

  it('has tests and docs with the required sections', () => {
    expect(existsSync(path.join(root, 'tests', 'rules', `${name}.test.ts`))).toBe(true);
    const doc = readFileSync(path.join(root, 'docs', 'rules', `${name}.md`), 'utf8');
    for (const section of ['## Why', '## Examples', '### ❌ Incorrect', '### ✅ Correct', '## When Not To Use It']) {
      expect(doc, `${name}.md needs "${section}"`).toContain(section);
    }
  });

  it('is listed in the README with a link to its docs', () => {
    expect(readme).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

describe('rule creation (the per-file cost ESLint pays for every rule)', () => {
  /** The listener names each rule returns from create() for one file. */
  function listenersFor(code: string, filename = 'file.js', settings: Record<string, unknown> = {}) {
    const seen: Record<string, string[]> = {};
    const probe = {
      meta: { type: 'problem' as const, schema: [] },
      create(context: unknown) {
        for (const [name, rule] of Object.entries(rules)) {
          seen[name] = Object.keys(rule.create(context as never));
        }
        return {};
      },
    };
    new Linter({ configType: 'flat' }).verify(
      code,
      [{ plugins: { probe: { rules: { probe } } }, rules: { 'probe/probe': 'error' }, settings: { 'lambda-edge': { infrastructure: false, ...settings } } }],
      filename,
    );
    return seen;
  }

  it('attaches no listener at all to a file without Lambda@Edge code', () => {
    const seen = listenersFor("import express from 'express';\nexport const app = express().get('/', (req, res) => res.set('X-A', '1').send('ok'));\n");
    expect(Object.keys(seen)).toEqual(ruleFiles);
    for (const name of ruleFiles) expect(seen[name], name).toEqual([]);
  });

  it('attaches its listeners to a handler file (the infra-* rules to infrastructure files only, valid-configuration to a problem)', () => {
    const seen = listenersFor("exports.handler = async (event) => event.Records[0].cf.request;\n");
    for (const name of ruleFiles) {
      if (name.startsWith('infra-') || name === 'valid-configuration') expect(seen[name], name).toEqual([]);
      else expect(seen[name], name).toContain('Program');
    }
  });

  it('attaches the infra-* rules to a CDK file with a distribution', () => {
    const seen = listenersFor(
      "const fn = new lambda.Function(this, 'F', {});\nnew cloudfront.Distribution(this, 'D', { defaultBehavior: { edgeLambdas: [{ functionVersion: fn.currentVersion, eventType: cloudfront.LambdaEdgeEventType.VIEWER_REQUEST }] } });\n",
    );
    // infra-unresolved, like valid-configuration, listens only where discovery recorded a problem in the file.
    for (const name of ruleFiles.filter((n) => n.startsWith('infra-') && n !== 'infra-unresolved')) expect(seen[name], name).toEqual(['Program']);
    expect(seen['infra-unresolved']).toEqual([]);
  });

  it('still reports an invalid setting in a file without Lambda@Edge code', () => {
    const seen = listenersFor('export const x = 1;\n', 'other.js', { eventType: 'origin-requset' });
    // Only valid-configuration reports it: no code rule claims a configuration problem.
    expect(Object.entries(seen).filter(([, listeners]) => listeners.includes('Program')).map(([name]) => name)).toEqual(['valid-configuration']);
  });
});
