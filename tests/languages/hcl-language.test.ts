// The HCL language the plugin ships (`language: 'lambda-edge/hcl'`), run by ESLint 9 and 10:
// a rule written against the HCL tree reports on a main.tf line and column, a broken file is one
// fatal parsing error at its line, and eslint-disable comments work.
import * as eslint10 from 'eslint';
import * as eslint9 from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import type { Attribute, Block, HclNode } from '../../src/languages/hcl/index.js';
import { HclSourceCode, hclLanguage, parseHcl, staticValue } from '../../src/languages/hcl/index.js';
import plugin from '../../src/index.js';

const majors = { 9: eslint9, 10: eslint10 } as unknown as Record<9 | 10, typeof eslint10>;

/** A test rule: reports `timeout` attributes over 5, on the value. */
const maxTimeout = {
  meta: { type: 'problem', messages: { tooLong: 'timeout {{value}} is over 5 s.' }, schema: [] },
  create(context: { report(d: unknown): void; sourceCode: HclSourceCode }) {
    return {
      Attribute(node: Attribute) {
        const value = staticValue(node.value);
        if (node.name.name === 'timeout' && typeof value === 'number' && value > 5) {
          context.report({ node: node.value, messageId: 'tooLong', data: { value: String(value) } });
        }
      },
      'Block:exit'(node: Block) {
        const parent = context.sourceCode.getParent(node) as HclNode | undefined;
        if (node.blockType.name === 'orphan' && parent?.type === 'Body') {
          context.report({ node: node.blockType, messageId: 'tooLong', data: { value: 'orphan' } });
        }
      },
    };
  },
};

function lint(major: 9 | 10, text: string, linterOptions?: Record<string, unknown>) {
  const linter = new majors[major].Linter({ configType: 'flat' });
  return linter.verify(
    text,
    [
      {
        files: ['**/*.tf'],
        plugins: { 'lambda-edge': plugin as never, test: { rules: { 'max-timeout': maxTimeout as never } } },
        language: 'lambda-edge/hcl',
        rules: { 'test/max-timeout': 'error' },
        ...(linterOptions ? { linterOptions } : {}),
      },
    ],
    'main.tf',
  );
}

const MAIN_TF = [
  'resource "aws_lambda_function" "edge" {',
  '  function_name = "edge"',
  '  timeout       = 30',
  '  memory_size   = 128',
  '  tags = { Name = format("%s-edge", var.name) }',
  '}',
  '',
].join('\n');

describe.each([9, 10] as const)('HCL language on ESLint %i', (major) => {
  it('runs a rule on the HCL tree and reports at the attribute value', () => {
    const messages = lint(major, MAIN_TF);
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message])).toEqual([
      ['test/max-timeout', 3, 19, 3, 21, 'timeout 30 is over 5 s.'],
    ]);
  });

  it('no finding when the value is within bounds', () => {
    expect(lint(major, MAIN_TF.replace('= 30', '= 5'))).toEqual([]);
  });

  it('a broken main.tf is one fatal parsing error at its line and column', () => {
    const broken = MAIN_TF.replace('  memory_size   = 128', '  memory_size   = 128 +');
    const messages = lint(major, broken);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      ruleId: null,
      fatal: true,
      severity: 2,
      line: 4,
      column: 24,
      message: 'Parsing error: Invalid expression: expected the start of an expression, but found the end of the line.',
    });
  });

  it('honours eslint-disable-line, eslint-disable-next-line and block disables', () => {
    expect(lint(major, MAIN_TF.replace('= 30', '= 30 # eslint-disable-line test/max-timeout'))).toEqual([]);
    expect(lint(major, MAIN_TF.replace('  timeout', '  // eslint-disable-next-line test/max-timeout\n  timeout'))).toEqual([]);
    expect(lint(major, `/* eslint-disable test/max-timeout */\n${MAIN_TF}`)).toEqual([]);
    expect(lint(major, `/* eslint test/max-timeout: "off" */\n${MAIN_TF}`)).toEqual([]);
    // a disable on another line does not hide this one
    const other = lint(major, MAIN_TF.replace('= 128', '= 128 # eslint-disable-line test/max-timeout'));
    expect(other.map((m) => [m.ruleId, m.line])).toEqual([
      ['test/max-timeout', 3],
      [null, 4],
    ]);
    // ESLint's own report of the directive that disabled nothing: it was read from the HCL comment.
    expect(other[1]!.message).toMatch(/^Unused eslint-disable directive \(no problems were reported from 'test\/max-timeout'\)/);
  });

  it('takes only ESLint directives for inline configuration: an ordinary comment is no directive', () => {
    const commented = `# The edge function, in us-east-1.\n// timeout: the origin is slow\n/* see the runbook */\n${MAIN_TF.replace('= 30', '= 3')}`;
    expect(lint(major, commented, { noInlineConfig: true })).toEqual([]);
    expect(lint(major, commented)).toEqual([]);
    // A directive under noInlineConfig is still one: ESLint says it has no effect, and the finding stays.
    const directed = lint(major, MAIN_TF.replace('= 30', '= 30 # eslint-disable-line test/max-timeout'), { noInlineConfig: true });
    expect(directed.map((m) => [m.ruleId, m.line])).toEqual([
      ['test/max-timeout', 3],
      [null, 3],
    ]);
    expect(directed[1]!.message).toMatch(/has no effect because you have 'noInlineConfig'/);
  });

  it('gives rules parents while traversing', () => {
    const messages = lint(major, 'orphan {}\n');
    expect(messages.map((m) => [m.line, m.column, m.endColumn])).toEqual([[1, 1, 7]]);
  });

  it('rejects language options it does not have', () => {
    const linter = new majors[major].Linter({ configType: 'flat' });
    const config = [{ files: ['**/*.tf'], plugins: { 'lambda-edge': plugin as never }, language: 'lambda-edge/hcl', languageOptions: { x: 1 } }];
    expect(() => linter.verify('a = 1\n', config as never, 'main.tf')).toThrow(/no options; unexpected key "x"/);
  });
});

describe('HclSourceCode', () => {
  it('positions, text, lines, comments and ancestors', () => {
    const text = 'a = 1 # one\nb {\n  c = [2]\n}\n';
    const result = parseHcl(text);
    if (!result.ok) throw new Error(result.error.message);
    const code = hclLanguage.createSourceCode({ body: text, path: 'main.tf' }, result);
    expect(code.lines).toEqual(['a = 1 # one', 'b {', '  c = [2]', '}', '']);
    expect(code.comments.map((c) => code.getText(c))).toEqual(['# one']);
    const c = ((result.ast.body.items[1] as Block).body.items[0] as Attribute).value;
    expect(code.getText(c)).toBe('[2]');
    expect(code.getLoc(c)).toEqual({ start: { line: 3, column: 7 }, end: { line: 3, column: 10 } });
    expect(code.getRange(c)).toEqual([22, 25]);
    expect(code.getAncestors(c).map((n) => (n as HclNode).type)).toEqual(['ConfigFile', 'Body', 'Block', 'Body', 'Attribute']);
    const steps = [...code.traverse()].map((s) => `${(s as { phase: number }).phase}:${((s as { target: HclNode }).target).type}`);
    expect(steps.slice(0, 6)).toEqual(['1:ConfigFile', '1:Body', '1:Attribute', '1:Identifier', '2:Identifier', '1:Literal']);
    expect(steps.at(-1)).toBe('2:ConfigFile');
  });

  it('parse returns ok:false with one error instead of throwing', () => {
    expect(hclLanguage.parse({ body: 'a = [1,\n', path: 'x.tf' })).toEqual({
      ok: false,
      errors: [{ message: 'Invalid expression: expected the start of an expression, but found the end of the file.', line: 2, column: 1 }],
    });
  });
});
