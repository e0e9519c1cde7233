/**
 * The syntax tree of HCL2's native syntax (the `.tf` language), as read by `parseHcl`.
 *
 * Every node has a `type` (ESLint's `nodeTypeKey`), a `range` (`[start, end)` UTF-16 offsets
 * into the text given to the parser) and a `loc` with 1-based lines and 1-based columns (the
 * HCL language declares `lineStart: 1, columnStart: 1`, the positions HashiCorp's own
 * diagnostics print).
 */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: [number, number];
  loc: SourceLocation;
}

/** The whole file: its top-level body and every comment in it. */
export interface ConfigFile extends NodeBase {
  type: 'ConfigFile';
  body: Body;
  comments: Comment[];
}

/** A sequence of attributes and blocks: a file's top level or the inside of a block's braces. */
export interface Body extends NodeBase {
  type: 'Body';
  items: (Attribute | Block)[];
}

/** `name = expression` in a body. */
export interface Attribute extends NodeBase {
  type: 'Attribute';
  name: Identifier;
  value: Expression;
}

/** `type "label" label { … }`: a block type, zero or more labels and a body. */
export interface Block extends NodeBase {
  type: 'Block';
  blockType: Identifier;
  labels: BlockLabel[];
  body: Body;
}

/** One label of a block, quoted (`"aws_lambda_function"`) or bare (`aws_lambda_function`). */
export interface BlockLabel extends NodeBase {
  type: 'BlockLabel';
  /** The label's text, escapes resolved. */
  value: string;
  quoted: boolean;
}

/** A name: an attribute's, a block type, a `.name` of an attribute access. */
export interface Identifier extends NodeBase {
  type: 'Identifier';
  name: string;
}

/** A `#`/`//` line comment or a `/* … *\/` block comment; `value` excludes the delimiters. */
export interface Comment extends NodeBase {
  type: 'LineComment' | 'BlockComment';
  value: string;
}

/** `42`, `1.5e3`, `true`, `false`, `null`. Strings are `Template`s. */
export interface Literal extends NodeBase {
  type: 'Literal';
  value: number | boolean | null;
  raw: string;
}

/** A quoted string `"…"` or a heredoc `<<EOF`/`<<-EOF`: literal text, interpolations and directives. */
export interface Template extends NodeBase {
  type: 'Template';
  parts: TemplatePart[];
  /** Set for heredocs: the marker and whether it is the indented `<<-` form. */
  heredoc: { marker: string; indented: boolean } | null;
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

/** Literal text of a template; `value` has escapes (`\n`, `$${`, `%%{`) resolved. */
export interface TemplateLiteral extends NodeBase {
  type: 'TemplateLiteral';
  value: string;
}

/** `${ expression }` (with `~` strip markers when `stripLeft`/`stripRight`). */
export interface TemplateInterpolation extends NodeBase {
  type: 'TemplateInterpolation';
  expression: Expression;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if test }…%{ else }…%{ endif }`. */
export interface TemplateIf extends NodeBase {
  type: 'TemplateIf';
  test: Expression;
  consequent: TemplatePart[];
  alternate: TemplatePart[] | null;
}

/** `%{ for key, value in collection }…%{ endfor }`. */
export interface TemplateFor extends NodeBase {
  type: 'TemplateFor';
  keyVariable: Identifier | null;
  valueVariable: Identifier;
  collection: Expression;
  body: TemplatePart[];
}

/** The root of a reference: `var` in `var.name`, `aws_lambda_function` in `aws_lambda_function.f.arn`. */
export interface Variable extends NodeBase {
  type: 'Variable';
  name: string;
}

/** `object.name`. */
export interface GetAttr extends NodeBase {
  type: 'GetAttr';
  object: Expression;
  name: Identifier;
}

/** `object[key]`, or the legacy `object.0` (`legacy: true`, `key` a number Literal). */
export interface Index extends NodeBase {
  type: 'Index';
  object: Expression;
  key: Expression;
  legacy: boolean;
}

/**
 * `object.*` (`full: false`, attribute splat) or `object[*]` (`full: true`). The accesses that
 * follow a splat (`.arn` in `aws_lambda_function.f[*].arn`) are GetAttr/Index nodes around it.
 */
export interface Splat extends NodeBase {
  type: 'Splat';
  object: Expression;
  full: boolean;
}

/** `name(args)`, `provider::aws::arn_parse(x)`; `expandFinal` for `f(list...)`. */
export interface FunctionCall extends NodeBase {
  type: 'FunctionCall';
  name: Identifier;
  /** `['provider', 'aws']` for `provider::aws::arn_parse`; empty for a plain call. */
  namespace: string[];
  args: Expression[];
  expandFinal: boolean;
}

/** `[a, b, c]`. */
export interface Tuple extends NodeBase {
  type: 'Tuple';
  elements: Expression[];
}

/** `{ key = value, key: value }`. */
export interface ObjectExpression extends NodeBase {
  type: 'Object';
  items: ObjectItem[];
}

/** One `key = value` of an object; a bare-name key is a `Variable` node (Terraform reads it as a string). */
export interface ObjectItem extends NodeBase {
  type: 'ObjectItem';
  key: Expression;
  value: Expression;
}

/** `[for k, v in coll : value if test]` (`kind: 'tuple'`) or `{for k, v in coll : key => value... if test}`. */
export interface ForExpression extends NodeBase {
  type: 'For';
  kind: 'tuple' | 'object';
  keyVariable: Identifier | null;
  valueVariable: Identifier;
  collection: Expression;
  /** The `key =>` expression of an object `for`; null for a tuple `for`. */
  key: Expression | null;
  value: Expression;
  condition: Expression | null;
  /** `...` after the value: group values by key. */
  grouping: boolean;
}

/** `test ? consequent : alternate`. */
export interface Conditional extends NodeBase {
  type: 'Conditional';
  test: Expression;
  consequent: Expression;
  alternate: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** `left operator right`. */
export interface Binary extends NodeBase {
  type: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

/** `!argument` or `-argument`. */
export interface Unary extends NodeBase {
  type: 'Unary';
  operator: '!' | '-';
  argument: Expression;
}

/** `( expression )`. */
export interface Parenthesized extends NodeBase {
  type: 'Parenthesized';
  expression: Expression;
}

export type Expression =
  | Literal
  | Template
  | Variable
  | GetAttr
  | Index
  | Splat
  | FunctionCall
  | Tuple
  | ObjectExpression
  | ForExpression
  | Conditional
  | Binary
  | Unary
  | Parenthesized;

export type HclNode =
  | ConfigFile
  | Body
  | Attribute
  | Block
  | BlockLabel
  | Identifier
  | Comment
  | Expression
  | ObjectItem
  | TemplatePart;

/** The child keys of each node type, in source order: what ESLint and `walk` traverse. */
export const visitorKeys: Readonly<Record<HclNode['type'], readonly string[]>> = {
  ConfigFile: ['body'],
  Body: ['items'],
  Attribute: ['name', 'value'],
  Block: ['blockType', 'labels', 'body'],
  BlockLabel: [],
  Identifier: [],
  LineComment: [],
  BlockComment: [],
  Literal: [],
  Template: ['parts'],
  TemplateLiteral: [],
  TemplateInterpolation: ['expression'],
  TemplateIf: ['test', 'consequent', 'alternate'],
  TemplateFor: ['keyVariable', 'valueVariable', 'collection', 'body'],
  Variable: [],
  GetAttr: ['object', 'name'],
  Index: ['object', 'key'],
  Splat: ['object'],
  FunctionCall: ['name', 'args'],
  Tuple: ['elements'],
  Object: ['items'],
  ObjectItem: ['key', 'value'],
  For: ['keyVariable', 'valueVariable', 'collection', 'key', 'value', 'condition'],
  Conditional: ['test', 'consequent', 'alternate'],
  Binary: ['left', 'right'],
  Unary: ['argument'],
  Parenthesized: ['expression'],
};

type NodeRecord = Record<string, HclNode | HclNode[] | null | undefined>;

/** The child nodes of a node, in source order (by `visitorKeys`). */
export function childNodes(node: HclNode): HclNode[] {
  const children: HclNode[] = [];
  for (const key of visitorKeys[node.type]) {
    const child = (node as unknown as NodeRecord)[key];
    if (Array.isArray(child)) children.push(...child);
    else if (child) children.push(child);
  }
  return children;
}
