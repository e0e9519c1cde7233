// scripts/ascii-dist.mjs (run by `npm run build`): the emitted JavaScript is ASCII, and
// escaping changed no text a user sees.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import sourcePlugin from '../../src/index.js';
// @ts-expect-error: a plain .mjs script without types
import { escapeNonAscii, jsFiles as listJsFiles } from '../../scripts/ascii-dist.mjs';

const escape = escapeNonAscii as (text: string, file?: string) => string;
const jsFiles = listJsFiles as (dir: string) => string[];
const dist = path.join(import.meta.dirname, '../../dist');

/** The value of a JavaScript expression (the test's own literals, never user code). */
const evaluate = (expression: string): unknown => new Function(`return (${expression});`)();

describe('escapeNonAscii', () => {
  it('writes every character above U+007F as \\uXXXX and leaves ASCII alone', () => {
    expect(escape("const a = 'x … y — z'; // naïve\n")).toBe("const a = 'x \\u2026 y \\u2014 z'; // na\\u00efve\n");
    expect(escape('plain ascii `${x}` /re/g')).toBe('plain ascii `${x}` /re/g');
  });

  it('keeps the value of strings, templates and regular expressions, astral characters included', () => {
    for (const source of ["'a…b'", '`wrap(…) ${1 + 1}`', "'😀'", "'é'"]) {
      const escaped = escape(source);
      expect(escaped).toMatch(/^[\0-\x7f]*$/);
      expect(evaluate(escaped)).toBe(evaluate(source));
    }
    const pattern = evaluate(escape('/^[…—]+$/u')) as RegExp;
    expect(pattern.test('…—…')).toBe(true);
    expect(pattern.test('-')).toBe(false);
    const astral = evaluate(escape('/^😀$/u')) as RegExp;
    expect(astral.test('😀')).toBe(true);
  });

  it('refuses a non-ASCII character escaped by a backslash, naming the file and line', () => {
    expect(() => escape("const a = 1;\nconst b = '\\…';", 'dist/x.js')).toThrow(/^dist\/x\.js:2: a backslash escapes the non-ASCII character U\+2026/);
    // An escaped backslash before it is not an escape of the character.
    expect(escape("'\\\\…'")).toBe("'\\\\\\u2026'");
  });
});

describe('the built plugin', () => {
  const files = jsFiles(dist);

  it('emits only ASCII JavaScript', () => {
    expect(files.length).toBeGreaterThan(50);
    const nonAscii = files.filter((file) => /[^\0-\x7f]/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(dist, file));
    expect(nonAscii).toEqual([]);
  });

  it('has the same rule metadata (messages, descriptions, schemas) and configs as the source', async () => {
    const built = (await import(pathToFileURL(path.join(dist, 'src/index.js')).href)).default as typeof sourcePlugin;
    expect(Object.keys(built.rules)).toEqual(Object.keys(sourcePlugin.rules));
    for (const [name, rule] of Object.entries(sourcePlugin.rules)) {
      expect(built.rules[name as keyof typeof built.rules].meta, name).toEqual(rule.meta);
    }
    // Some message does hold a non-ASCII character, so the comparison covers escaped text.
    const messages = Object.values(built.rules).flatMap((rule) => Object.values(rule.meta?.messages ?? {}));
    expect(messages.some((message) => /[^\0-\x7f]/.test(message))).toBe(true);
    // Configs name the plugin itself (a cycle): compare them with each plugin written as its namespace.
    const shape = (configs: object): unknown =>
      JSON.parse(JSON.stringify(configs, (key, value: unknown) => (key === 'plugins' && value && typeof value === 'object' ? Object.keys(value) : value)));
    expect(shape(built.configs)).toEqual(shape(sourcePlugin.configs));
    expect(Object.keys(built.configs).length).toBeGreaterThan(2);
  });
});
