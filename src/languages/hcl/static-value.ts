import type * as AST from './ast.js';

/**
 * Reading what a Terraform file states literally, for rules and discovery: the value of an
 * attribute when it is a literal (string, number, bool, null), a template without
 * interpolations or directives, a negative number, or a tuple/object made only of those. Anything
 * that needs evaluation (references, calls, operators, `${…}`) has no static value.
 */

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

const MAX_DEPTH = 64;

/** The static value of an expression, or undefined when it needs evaluation. */
export function staticValue(expression: AST.Expression, depth = 0): StaticValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expression.type) {
    case 'Literal':
      return expression.value;
    case 'Template':
      return staticTemplate(expression);
    case 'Parenthesized':
      return staticValue(expression.expression, depth + 1);
    case 'Unary':
      return negated(expression, depth);
    case 'Tuple':
      return staticTuple(expression, depth);
    case 'Object':
      return staticObject(expression, depth);
    default:
      return undefined;
  }
}

function negated(expression: AST.Unary, depth: number): StaticValue | undefined {
  const value = staticValue(expression.argument, depth + 1);
  if (expression.operator === '-' && typeof value === 'number') return -value;
  if (expression.operator === '!' && typeof value === 'boolean') return !value;
  return undefined;
}

function staticTuple(tuple: AST.Tuple, depth: number): StaticValue[] | undefined {
  const values: StaticValue[] = [];
  for (const element of tuple.elements) {
    const value = staticValue(element, depth + 1);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return values;
}

function staticObject(object: AST.ObjectExpression, depth: number): { [key: string]: StaticValue } | undefined {
  const result: { [key: string]: StaticValue } = {};
  for (const item of object.items) {
    const key = objectKey(item.key);
    const value = staticValue(item.value, depth + 1);
    if (key === undefined || value === undefined) return undefined;
    result[key] = value;
  }
  return result;
}

/** A plain template's text (heredoc `<<-` indentation removed); undefined with `${…}` or `%{…}`. */
export function staticTemplate(template: AST.Template): string | undefined {
  let text = '';
  for (const part of template.parts) {
    if (part.type !== 'TemplateLiteral') return undefined;
    text += part.value;
  }
  return template.heredoc?.indented ? dedent(text) : text;
}

function dedent(text: string): string {
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (indent === Infinity || indent === 0) return text;
  // Lines of only spaces are left as they are, as HashiCorp's parser does.
  return lines.map((line) => (line.trim() === '' ? line : line.slice(indent))).join('\n');
}

/** An object key as Terraform reads it: a bare name, a plain string, a number; else undefined. */
export function objectKey(key: AST.Expression): string | undefined {
  if (key.type === 'Variable') return key.name;
  if (key.type === 'Parenthesized') return undefined;
  const value = staticValue(key);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The attribute of that name directly in a body. */
export function findAttribute(body: AST.Body, name: string): AST.Attribute | undefined {
  for (const item of body.items) {
    if (item.type === 'Attribute' && item.name.name === name) return item;
  }
  return undefined;
}

/** The blocks of that type directly in a body, whose first labels are `labels`. */
export function findBlocks(body: AST.Body, type: string, ...labels: string[]): AST.Block[] {
  return body.items.filter(
    (item): item is AST.Block =>
      item.type === 'Block' && item.blockType.name === type && labels.every((label, i) => item.labels[i]?.value === label),
  );
}

export interface StaticAttribute {
  attribute: AST.Attribute;
  /** The attribute's value, undefined when it is not static. */
  value: StaticValue | undefined;
  /** Where to report: the value expression. */
  loc: AST.SourceLocation;
  range: [number, number];
}

/** An attribute of a body and its static value, with the value's position. */
export function readAttribute(body: AST.Body, name: string): StaticAttribute | undefined {
  const attribute = findAttribute(body, name);
  if (!attribute) return undefined;
  return { attribute, value: staticValue(attribute.value), loc: attribute.value.loc, range: attribute.value.range };
}

/** The items of an object expression with static keys, each with its key and value nodes. */
export function objectEntries(expression: AST.Expression): { key: string; item: AST.ObjectItem }[] | undefined {
  if (expression.type !== 'Object') return undefined;
  const entries: { key: string; item: AST.ObjectItem }[] = [];
  for (const item of expression.items) {
    const key = objectKey(item.key);
    if (key !== undefined) entries.push({ key, item });
  }
  return entries;
}
