// A seeded generator of HCL native-syntax files for the conformance and fuzz tests: bodies with
// blocks and attributes, every kind of expression, templates and heredocs; and broken variants
// (cut at an offset, a byte replaced or inserted).

import { mulberry32 } from '../reliability/generators.js';

/** The seeded PRNG the program fuzzers use, so every run sees the same files. */
export const random = mulberry32;

const NAMES = ['a', 'b', 'name', 'tags', 'count', 'in', 'for', 'if', 'true', 'x-y', '_z', 'éa'];
const STRINGS = ['plain', 'a b', 'esc \\" \\\\ \\n \\t', '\\u00e9', '$${lit}', '%%{lit}', '', 'x/y:z'];
const NUMBERS = ['0', '1', '42', '1.5', '1e3', '2.5E-2', '10e+1'];
const FUNCTIONS = ['format', 'timestamp', 'object', 'list', 'merge', 'provider::aws::arn_parse', 'core::max'];

export class HclGenerator {
  constructor(private readonly next: () => number) {}

  private int(n: number): number {
    return Math.floor(this.next() * n);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  file(): string {
    return this.body(0, '');
  }

  private body(depth: number, indent: string): string {
    const lines: string[] = [];
    const count = this.int(depth === 0 ? 5 : 4);
    const used = new Set<string>();
    for (let i = 0; i < count; i++) {
      if (depth < 3 && this.next() < 0.4) lines.push(this.block(depth, indent));
      else {
        let name = this.pick(NAMES);
        // Mostly unique names (a repeated attribute is an error in both parsers, which is tested too).
        if (used.has(name) && this.next() < 0.9) name = `${name}${i}`;
        used.add(name);
        lines.push(`${indent}${name} = ${this.expression(2, indent, false)}`);
      }
      if (this.next() < 0.15) lines.push(`${indent}${this.pick(['# note', '// note', '/* note */'])}`);
    }
    return lines.map((line) => `${line}\n`).join('');
  }

  private block(depth: number, indent: string): string {
    const labels = Array.from({ length: this.int(3) }, () => (this.next() < 0.8 ? `"${this.pick(STRINGS)}"` : this.pick(NAMES)));
    const head = `${indent}${this.pick(['resource', 'data', 'locals', 'dynamic', 'content', 'b'])}${labels.map((l) => ` ${l}`).join('')}`;
    const form = this.next();
    if (form < 0.15) return `${head} {}`;
    if (form < 0.3) return `${head} { ${this.pick(NAMES)} = ${this.expression(1, indent, true)} }`;
    return `${head} {\n${this.body(depth + 1, `${indent}  `)}${indent}}`;
  }

  /** An expression; `inline` keeps it on one line (inside strings, one-line blocks). */
  expression(depth: number, indent: string, inline: boolean): string {
    const r = this.next();
    if (depth <= 0 || r < 0.25) return this.term(inline);
    if (r < 0.4) return `${this.expression(depth - 1, indent, inline)} ${this.pick(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'])} ${this.expression(depth - 1, indent, inline)}`;
    if (r < 0.45) return `${this.pick(['!', '-'])}${this.expression(depth - 1, indent, inline)}`;
    if (r < 0.5) return `${this.expression(depth - 1, indent, inline)} ? ${this.expression(depth - 1, indent, inline)} : ${this.expression(depth - 1, indent, inline)}`;
    if (r < 0.55) return `(${this.expression(depth - 1, indent, inline)})`;
    if (r < 0.65) return this.call(depth, indent, inline);
    if (r < 0.73) return this.tuple(depth, indent, inline);
    if (r < 0.83) return this.object(depth, indent, inline);
    if (r < 0.9) return this.forExpression(depth, indent, inline);
    if (r < 0.95) return this.template(depth, indent);
    return inline ? this.template(depth, indent) : this.heredoc(indent);
  }

  private term(inline: boolean): string {
    const r = this.next();
    if (r < 0.2) return this.pick(NUMBERS);
    if (r < 0.3) return this.pick(['true', 'false', 'null']);
    if (r < 0.55) return `"${this.pick(STRINGS)}"`;
    if (r < 0.9) return this.traversal();
    return inline ? `"${this.pick(STRINGS)}"` : this.heredoc('');
  }

  private traversal(): string {
    let out = this.pick(['var', 'local', 'aws_lambda_function', 'each', 'count', 'path']);
    const steps = 1 + this.int(3);
    for (let i = 0; i < steps; i++) out += this.pick(['.name', '.qualified_arn', '[0]', '["k"]', '.0', '.*', '[*]', '.arn']);
    return out;
  }

  private call(depth: number, indent: string, inline: boolean): string {
    const args = Array.from({ length: this.int(4) }, () => this.expression(depth - 1, indent, inline));
    const expand = args.length > 0 && this.next() < 0.15 ? '...' : '';
    const trailing = args.length > 0 && !expand && this.next() < 0.15 ? ',' : '';
    return `${this.pick(FUNCTIONS)}(${args.join(', ')}${expand}${trailing})`;
  }

  private tuple(depth: number, indent: string, inline: boolean): string {
    const items = Array.from({ length: this.int(4) }, () => this.expression(depth - 1, indent, inline));
    if (!inline && this.next() < 0.3) return `[\n${items.map((i) => `${indent}    ${i},\n`).join('')}${indent}  ]`;
    return `[${items.join(', ')}${items.length && this.next() < 0.2 ? ',' : ''}]`;
  }

  private object(depth: number, indent: string, inline: boolean): string {
    const keys = new Set<string>();
    const items = Array.from({ length: this.int(4) }, (_, i) => {
      let key = this.next() < 0.7 ? this.pick(NAMES) : this.next() < 0.5 ? `"${this.pick(STRINGS)}"` : `(${this.traversal()})`;
      if (keys.has(key)) key = `k${i}`;
      keys.add(key);
      return `${key} ${this.next() < 0.8 ? '=' : ':'} ${this.expression(depth - 1, indent, inline)}`;
    });
    if (!inline && this.next() < 0.5) return `{\n${items.map((i) => `${indent}    ${i}\n`).join('')}${indent}  }`;
    return `{ ${items.join(', ')} }`;
  }

  private forExpression(depth: number, indent: string, inline: boolean): string {
    const vars = this.next() < 0.5 ? 'k, v' : 'v';
    const cond = this.next() < 0.3 ? ` if ${this.expression(depth - 1, indent, inline)}` : '';
    const collection = this.expression(depth - 1, indent, inline);
    if (this.next() < 0.5) return `[for ${vars} in ${collection} : ${this.expression(depth - 1, indent, inline)}${cond}]`;
    const group = this.next() < 0.2 ? '...' : '';
    const body = `for ${vars} in ${collection} : ${this.expression(depth - 1, indent, inline)} => ${this.expression(depth - 1, indent, inline)}${group}${cond}`;
    return !inline && this.next() < 0.5 ? `{\n${indent}    ${body}\n${indent}  }` : `{${body}}`;
  }

  private template(depth: number, indent: string): string {
    const parts = Array.from({ length: 1 + this.int(3) }, () => {
      const r = this.next();
      if (r < 0.4) return this.pick(STRINGS);
      if (r < 0.75) return `\${${this.next() < 0.2 ? '~' : ''} ${this.expression(depth - 1, indent, true)} ${this.next() < 0.2 ? '~' : ''}}`;
      if (r < 0.9) return `%{ if ${this.traversal()} }yes%{ else }no%{ endif }`;
      return `%{ for x in ${this.traversal()} }\${x}%{ endfor }`;
    });
    return `"${parts.join('')}"`;
  }

  private heredoc(indent: string): string {
    const indented = this.next() < 0.5;
    const pad = indented ? `${indent}    ` : '';
    const lines = Array.from({ length: this.int(3) }, () => `${pad}${this.pick(['text', 'a "quoted" \\ line', '${var.x}', '%{ if a }b%{ endif }', ''])}`);
    return `<<${indented ? '-' : ''}EOT\n${lines.map((l) => `${l}\n`).join('')}${indented ? `${indent}  ` : ''}EOT`;
  }
}

/** A broken variant of a file: cut short, one byte replaced, or one byte inserted. */
export function breakFile(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const junk = ['{', '}', '(', ')', '[', ']', '"', '=', '\n', ',', '$', '%', '~', '<', '.', '*', '#', '/', 'é', '\\', '\u0000'];
  const char = junk[Math.floor(next() * junk.length)]!;
  const mode = next();
  if (mode < 0.4) return text.slice(0, at);
  if (mode < 0.7) return text.slice(0, at) + char + text.slice(at + 1);
  return text.slice(0, at) + char + text.slice(at);
}
