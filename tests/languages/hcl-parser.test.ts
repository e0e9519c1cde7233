import { describe, expect, it } from 'vitest';
import {
  type Attribute,
  type Block,
  type ConfigFile,
  type Expression,
  findBlocks,
  parseHcl,
  readAttribute,
  staticValue,
} from '../../src/languages/hcl/index.js';

function parse(text: string): ConfigFile {
  const result = parseHcl(text);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column}: ${result.error.message}`);
  return result.ast;
}

function error(text: string): string {
  const result = parseHcl(text);
  return result.ok ? 'accepted' : `${result.error.line}:${result.error.column}: ${result.error.message}`;
}

function value(text: string): Expression {
  return (parse(`a = ${text}\n`).body.items[0] as Attribute).value;
}

describe('HCL parser: bodies', () => {
  it('blocks with quoted and bare labels, attributes, positions', () => {
    const ast = parse('resource "aws_lambda_function" edge {\n  handler = "index.handler"\n}\n');
    const block = ast.body.items[0] as Block;
    expect(block.type).toBe('Block');
    expect(block.blockType.name).toBe('resource');
    expect(block.labels.map((l) => [l.value, l.quoted])).toEqual([['aws_lambda_function', true], ['edge', false]]);
    expect(block.loc).toEqual({ start: { line: 1, column: 1 }, end: { line: 3, column: 2 } });
    const attr = block.body.items[0] as Attribute;
    expect(attr.name.name).toBe('handler');
    expect(attr.loc).toEqual({ start: { line: 2, column: 3 }, end: { line: 2, column: 28 } });
    expect(attr.value.range).toEqual([50, 65]);
    expect(staticValue(attr.value)).toBe('index.handler');
  });

  it('single-line and empty blocks, an attribute named in, a BOM and CRLF', () => {
    const ast = parse('\uFEFFb { in = "QUERY" }\r\nc {}\r\nd = 1');
    expect(ast.body.items.map((i) => i.type)).toEqual(['Block', 'Block', 'Attribute']);
    const b = ast.body.items[0] as Block;
    expect(readAttribute(b.body, 'in')?.value).toBe('QUERY');
    expect(ast.body.items[2]!.loc.start).toEqual({ line: 3, column: 1 });
  });

  it('comments of the three kinds, a line comment ending an attribute', () => {
    const ast = parse('# one\na = 1 // two\n/* three\n */ b = 2 # four');
    expect(ast.comments.map((c) => [c.type, c.value, c.loc.start.line])).toEqual([
      ['LineComment', ' one', 1],
      ['LineComment', ' two', 2],
      ['BlockComment', ' three\n ', 3],
      ['LineComment', ' four', 4],
    ]);
    expect(ast.body.items.map((i) => (i as Attribute).name.name)).toEqual(['a', 'b']);
  });

  it('finds blocks by type and labels', () => {
    const ast = parse('resource "a" "x" {}\nresource "b" "y" {}\nresource "a" "z" {}\n');
    expect(findBlocks(ast.body, 'resource', 'a').map((b) => b.labels[1]!.value)).toEqual(['x', 'z']);
  });
});

describe('HCL parser: expressions', () => {
  it('what codemirror-lang-hcl rejected: calls in objects, timestamp(), object({...}) types', () => {
    const tags = value('{ Name = format("%s-edge", var.name) }');
    expect(tags.type).toBe('Object');
    expect(tags.type === 'Object' && tags.items[0]!.value.type).toBe('FunctionCall');
    expect(value('timestamp()').type).toBe('FunctionCall');
    const type = value('object({ a = list(string), b = optional(bool, true) })');
    expect(type.type === 'FunctionCall' && type.args[0]!.type).toBe('Object');
  });

  it('numbers with exponents, bools, null, negatives', () => {
    expect(staticValue(value('1.5e3'))).toBe(1500);
    expect(staticValue(value('[1, -2, true, null, "x"]'))).toEqual([1, -2, true, null, 'x']);
    expect(staticValue(value('{ a = 1, "b": 2\n c = 3 }'))).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('operator precedence: * over +, + over comparison, && over ||, conditional lowest', () => {
    const e = value('a || b && c == d + e * f ? g : h');
    expect(e.type).toBe('Conditional');
    if (e.type !== 'Conditional' || e.test.type !== 'Binary') throw new Error('shape');
    expect(e.test.operator).toBe('||');
    const and = e.test.right;
    expect(and.type === 'Binary' && and.operator).toBe('&&');
    const sum = value('1 - 2 - 3');
    // left-associative: (1 - 2) - 3
    expect(sum.type === 'Binary' && sum.left.type === 'Binary' && sum.left.range).toEqual([4, 9]);
  });

  it('traversals: attributes, index, legacy index, both splats', () => {
    const e = value('aws_lambda_function.f[0].qualified_arn');
    expect(e.type).toBe('GetAttr');
    const legacy = value('a.0.b');
    expect(legacy.type === 'GetAttr' && legacy.object.type === 'Index' && legacy.object.legacy).toBe(true);
    const splat = value('a.*.b');
    expect(splat.type === 'GetAttr' && splat.object.type === 'Splat' && !splat.object.full).toBe(true);
    const full = value('a[*].b');
    expect(full.type === 'GetAttr' && full.object.type === 'Splat' && full.object.full).toBe(true);
  });

  it('calls: expansion and provider namespaces', () => {
    const e = value('f(a, b...)');
    expect(e.type === 'FunctionCall' && [e.args.length, e.expandFinal]).toEqual([2, true]);
    const ns = value('provider::aws::arn_parse(x)');
    expect(ns.type === 'FunctionCall' && [ns.namespace, ns.name.name]).toEqual([['provider', 'aws'], 'arn_parse']);
  });

  it('for expressions for tuples and objects, with if and grouping, over several lines', () => {
    const t = value('[for k, v in var.m : upper(v) if k != "a"]');
    expect(t.type === 'For' && [t.kind, t.keyVariable?.name, t.valueVariable.name, t.condition?.type]).toEqual([
      'tuple',
      'k',
      'v',
      'Binary',
    ]);
    const o = value('{\n  for k, v in var.m : k => v...\n}');
    expect(o.type === 'For' && [o.kind, o.grouping, o.key?.type]).toEqual(['object', true, 'Variable']);
  });

  it('templates: escapes, interpolation, directives, heredocs', () => {
    expect(staticValue(value('"a\\n\\"b\\" \\u00e9 $${x} %%{y}"'))).toBe('a\n"b" é ${x} %{y}');
    const t = value('"s-${var.x}-%{ if a }yes%{ else }no%{ endif }"');
    expect(t.type === 'Template' && t.parts.map((p) => p.type)).toEqual(['TemplateLiteral', 'TemplateInterpolation', 'TemplateLiteral', 'TemplateIf']);
    expect(staticValue(t)).toBeUndefined();
    const h = parse('a = <<-EOT\n    one\n      two\n    EOT\nb = 1\n');
    expect(staticValue((h.body.items[0] as Attribute).value)).toBe('one\n  two\n');
    expect(h.body.items[1]!.loc.start.line).toBe(5);
    const plain = value('<<EOF\nx ${y}\nEOF');
    expect(plain.type === 'Template' && plain.heredoc).toEqual({ marker: 'EOF', indented: false });
  });
});

describe('HCL parser: errors', () => {
  it('the first syntax error, with line and column', () => {
    expect(error('a = \n')).toBe('1:5: Invalid expression: expected the start of an expression, but found the end of the line.');
    expect(error('a = 1\nb {\n  c = 1 }\n')).toBe('3:9: Missing newline after argument: expected a newline, but found "}".');
    expect(error('a = "x\n"')).toMatch(/^1:5: Unterminated template string/);
    expect(error('a = 1\na = 2\n')).toBe('2:1: Attribute redefined: the argument "a" was already set at line 1.');
    expect(error('a = {\n  b = 1 c = 2\n}\n')).toMatch(/^2:9: Missing attribute separator/);
    expect(error('a = x.0.1\n')).toMatch(/^1:7: Invalid legacy index syntax/);
    expect(error('a = "%{ if x }"\n')).toMatch(/^1:6: Unterminated template directive/);
    expect(error('resource "a${b}" "c" {}\n')).toMatch(/^1:10: Invalid block label/);
    expect(error('a = <<EOF\nx\n')).toMatch(/^1:5: Unterminated template string: the heredoc/);
    expect(error('a = 1 @ 2\n')).toMatch(/^1:7: Invalid character/);
    expect(error('a = "\\q"\n')).toMatch(/^1:6: Invalid escape sequence/);
    expect(error('}\n')).toMatch(/^1:1: Argument or block definition required/);
    expect(error('a = f(b..., c)\n')).toMatch(/^1:11: Missing closing parenthesis/);
  });

  it('deep nesting is a parse error, not a stack overflow', () => {
    for (const [open, close] of [['[', ']'], ['(', ')'], ['f(', ')'], ['{a=', '}'], ['"${', '}"'], ['!', ''], ['a ? b : ', 'c']]) {
      const result = parseHcl(`a = ${open!.repeat(20_000)}1${close!.repeat(20_000)}\n`);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/^Nesting too deep/);
    }
    const blocks = parseHcl(`${'b {\n'.repeat(5000)}${'}\n'.repeat(5000)}`);
    expect(!blocks.ok && blocks.error.message).toMatch(/^Nesting too deep/);
  });

  it('long flat sequences parse without recursion', () => {
    const many = parse(`a = ${Array(20_000).fill('1').join(' + ')}\nb = [${Array(20_000).fill('x').join(', ')}]\n`);
    expect(many.body.items).toHaveLength(2);
  });
});
