/**
 * Header keys spelled with escapes (issue 15): `lowercase-header-keys` must write a key whose
 * value is the lowercased value of the old one, whatever escapes the old one was written with,
 * and the literal it writes must parse. Checked on random names and random spellings of them,
 * with a fixed seed, plus `stringLiteralSource` on its own.
 */
import * as path from 'node:path';
import * as espree from 'espree';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/lowercase-header-keys.js';
import { stringLiteralSource } from '../../src/ast.js';

const SEED = 20261201;
const QUOTES = ["'", '"', '`'] as const;

/** The value of the single string literal or expression-free template in `code`. */
function literalValue(code: string): unknown {
  const program = espree.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as {
    body: Array<{ expression: { type: string; value?: unknown; quasis?: Array<{ value: { cooked: string } }> } }>;
  };
  const expr = program.body[0]!.expression;
  return expr.type === 'TemplateLiteral' ? expr.quasis![0]!.value.cooked : expr.value;
}

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyText = fc.string({ unit: fc.oneof(codeUnit, fc.constantFrom('\\', "'", '"', '`', '${', '\n', '\r', '\u2028', 'A', 'Z')), maxLength: 12 });

/** One character of a header name, spelled raw or as one of the escapes a string allows. */
function spell(char: string, how: number): string {
  const code = char.charCodeAt(0);
  switch (how) {
    case 0:
      return char;
    case 1:
      return `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
    case 2:
      return `\\u{${code.toString(16)}}`;
    case 3:
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : char;
    default:
      // An identity escape: `\N` is `N`. Not for letters with an escape of their own.
      return /[A-Za-z]/.test(char) && !/[bfnrtvux]/i.test(char) ? `\\${char}` : char;
  }
}

const nameChar = fc.constantFrom(...'ABCNUXabnux-_09\n'.split(''));
const spelledKey = fc
  .tuple(fc.array(fc.tuple(nameChar, fc.nat(4)), { minLength: 1, maxLength: 8 }), fc.constantFrom(...QUOTES))
  .map(([chars, quote]) => {
    const value = chars.map(([c]) => c).join('');
    const body = chars.map(([c, how]) => spell(c, how).replace('\n', '\\n')).join('');
    return { value, source: `${quote}${body}${quote}` };
  })
  .filter(({ value }) => value !== value.toLowerCase());

/** A file name outside any tests/ folder (nothing is read from it: discovery is off). */
const ROOT = path.resolve(import.meta.dirname, '../..');
const linter = new Linter({ configType: 'flat', cwd: ROOT });
const config: Linter.Config[] = [
  {
    files: ['**/*.js'],
    plugins: { le: { rules: { 'lowercase-header-keys': rule as never } } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
    settings: { 'lambda-edge': { infrastructure: false } },
    rules: { 'le/lowercase-header-keys': 'error' },
  },
];
const filename = path.join(ROOT, 'handler.js');

describe('header keys written with escapes', () => {
  it('stringLiteralSource writes a literal that parses and holds exactly the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...QUOTES), (text, quote) => {
        const source = stringLiteralSource(text, quote);
        expect(source.startsWith(quote) && source.endsWith(quote)).toBe(true);
        expect(literalValue(`(${source})`)).toBe(text);
        // Nothing a file cannot hold: no lone surrogate, no raw line terminator.
        expect(source).not.toMatch(/[\n\r\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the fix of a written key (a write, an object key) holds the lowercased value', () => {
    fc.assert(
      fc.property(spelledKey, fc.boolean(), ({ value, source }, asObjectKey) => {
        // A template cannot be a plain object key; it can be a computed one.
        const objectKey = source.startsWith('`') ? `[${source}]` : source;
        const code = asObjectKey
          ? `// @lambda-edge-event origin-response\nexports.handler = async (event) => ({ status: '200', headers: { ${objectKey}: [{ value: '1' }] } });`
          : `exports.handler = async (event) => {\n  const response = event.Records[0].cf.response;\n  response.headers[${source}] = [{ value: '1' }];\n  return response;\n};`;
        const messages = linter.verify(code, config, { filename });
        expect(messages.map((m) => m.messageId)).toEqual([asObjectKey ? 'mixedCaseKey' : 'mixedCaseWrite']);
        const fix = messages[0]!.fix!;
        expect(code.slice(fix.range[0], fix.range[1])).toBe(source);
        expect(literalValue(`(${fix.text})`)).toBe(value.toLowerCase());
        const fixed = linter.verifyAndFix(code, config, { filename });
        expect(fixed.fixed).toBe(true);
        expect(fixed.messages).toEqual([]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
