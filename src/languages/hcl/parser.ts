import type * as AST from './ast.js';
import { Lexer, LexError, type Token, type TokenType } from './lexer.js';

/**
 * A recursive-descent parser of HCL2's native syntax (what Terraform's `.tf` files are written
 * in), following HashiCorp's specification: bodies of attributes and blocks, expressions with
 * HCL's precedence, templates and heredocs. It is synchronous, pure JavaScript, reads every
 * token once (no backtracking), and stops at the first syntax error, which it reports with a
 * line and column. Nesting deeper than `MAX_DEPTH` is a syntax error, so no input can overflow
 * the stack.
 */

/** Deeper nesting than this is a syntax error; each bracket, call, template or block counts about two levels (its own and its expression's). */
export const MAX_DEPTH = 512;

export interface HclSyntaxError {
  message: string;
  /** Offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type HclParseResult = { ok: true; ast: AST.ConfigFile } | { ok: false; error: HclSyntaxError };

/** Parses HCL native syntax; never throws. */
export function parseHcl(text: string): HclParseResult {
  const parser = new Parser(text);
  try {
    return { ok: true, ast: parser.parseFile() };
  } catch (error) {
    if (error instanceof ParseError || error instanceof LexError) {
      const { line, column } = parser.lines.position(error.offset);
      return { ok: false, error: { message: error.message, offset: error.offset, line, column } };
    }
    throw error;
  }
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Offsets to 1-based lines and columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): AST.Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

const BINARY_PRECEDENCE: Partial<Record<TokenType, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

type Flat =
  | AST.TemplateLiteral
  | AST.TemplateInterpolation
  | { type: 'Directive'; keyword: string; start: number; end: number; directive: DirectiveInfo };

interface DirectiveInfo {
  test?: AST.Expression;
  keyVariable?: AST.Identifier | null;
  valueVariable?: AST.Identifier;
  collection?: AST.Expression;
}

type NodeFields<N extends AST.HclNode> = Omit<N, 'type' | 'range' | 'loc'>;

class Parser {
  readonly lines: LineIndex;
  private readonly lexer: Lexer;
  private pos = 0;
  private depth = 0;
  /** Whether newlines are tokens (bodies, objects) or whitespace (inside brackets). */
  private readonly newlines: boolean[] = [true];

  constructor(readonly text: string) {
    this.lexer = new Lexer(text);
    this.lines = new LineIndex(text);
  }

  parseFile(): AST.ConfigFile {
    const body = this.parseBody('eof', 0);
    const comments = [...this.lexer.comments.values()]
      .sort((a, b) => a.start - b.start)
      .map((c) => this.node<AST.Comment>(c.kind, c.start, c.end, { value: c.value }));
    return this.node<AST.ConfigFile>('ConfigFile', 0, this.text.length, { body, comments });
  }

  // ---- tokens -------------------------------------------------------------------------------

  private peek(): Token {
    let token = this.lexer.tokenAt(this.pos);
    if (!this.newlines[this.newlines.length - 1]) {
      while (token.type === 'newline') token = this.lexer.tokenAt(token.end);
    }
    return token;
  }

  /** The token after `token`, skipping newlines when `skipNewlines` or newlines are not significant. */
  private after(token: Token, skipNewlines = false): Token {
    let next = this.lexer.tokenAt(token.end);
    if (skipNewlines || !this.newlines[this.newlines.length - 1]) {
      while (next.type === 'newline') next = this.lexer.tokenAt(next.end);
    }
    return next;
  }

  private next(): Token {
    const token = this.peek();
    this.pos = token.end;
    return token;
  }

  private is(type: TokenType, text?: string): boolean {
    const token = this.peek();
    return token.type === type && (text === undefined || token.text === text);
  }

  private expect(type: TokenType, what: string): Token {
    const token = this.peek();
    if (token.type !== type) this.fail(`${what}, but found ${describe(token)}.`, token.start);
    return this.next();
  }

  private fail(message: string, offset: number): never {
    throw new ParseError(message, offset);
  }

  private withNewlines<T>(significant: boolean, read: () => T): T {
    this.newlines.push(significant);
    try {
      return read();
    } finally {
      this.newlines.pop();
    }
  }

  private enter(offset: number): void {
    if (++this.depth > MAX_DEPTH) this.fail(`Nesting too deep: more than ${MAX_DEPTH} levels.`, offset);
  }

  private node<N extends AST.HclNode>(type: N['type'], start: number, end: number, fields: NodeFields<N>): N {
    // The fields object is fresh at every call site: completing it is cheaper than copying it.
    const node = fields as unknown as Record<string, unknown>;
    node.type = type;
    node.range = [start, end];
    node.loc = { start: this.lines.position(start), end: this.lines.position(end) };
    return node as unknown as N;
  }

  // ---- bodies -------------------------------------------------------------------------------

  private parseBody(end: 'eof' | '}', start: number): AST.Body {
    const items: (AST.Attribute | AST.Block)[] = [];
    const seen = new Map<string, AST.Attribute>();
    for (;;) {
      const token = this.peek();
      if (token.type === 'newline') {
        this.next();
        continue;
      }
      if (token.type === end) break;
      if (token.type === 'eof') {
        this.fail('Unclosed configuration block: there is no closing brace for this block before the end of the file.', start - 1);
      }
      if (token.type !== 'ident') {
        this.fail(`Argument or block definition required: an argument name or block type is expected here, not ${describe(token)}.`, token.start);
      }
      const item = this.after(token).type === '=' ? this.parseAttribute(seen) : this.parseBlock();
      this.endOfItem(item.type === 'Attribute' ? 'argument' : 'block definition');
      items.push(item);
    }
    const bodyEnd = items.length > 0 ? items[items.length - 1]!.range[1] : start;
    return this.node<AST.Body>('Body', items.length > 0 ? items[0]!.range[0] : start, bodyEnd, { items });
  }

  private endOfItem(what: string): void {
    const token = this.peek();
    if (token.type !== 'newline' && token.type !== 'eof') {
      this.fail(`Missing newline after ${what}: expected a newline, but found ${describe(token)}.`, token.start);
    }
  }

  private parseAttribute(seen: Map<string, AST.Attribute>): AST.Attribute {
    const nameToken = this.next();
    const name = this.identifier(nameToken);
    const previous = seen.get(name.name);
    if (previous) {
      this.fail(`Attribute redefined: the argument "${name.name}" was already set at line ${previous.loc.start.line}.`, nameToken.start);
    }
    this.next(); // '='
    const value = this.parseExpression();
    const attribute = this.node<AST.Attribute>('Attribute', nameToken.start, value.range[1], { name, value });
    seen.set(name.name, attribute);
    return attribute;
  }

  private parseBlock(): AST.Block {
    const typeToken = this.next();
    this.enter(typeToken.start);
    const blockType = this.identifier(typeToken);
    const labels = this.parseLabels();
    const open = this.expect('{', 'Invalid block definition: a quoted label or an opening brace ("{") is expected here');
    const body = this.is('newline') ? this.parseBody('}', open.end) : this.parseSingleLineBody(open);
    const close = this.expect('}', 'Unclosed block: a closing brace ("}") is expected');
    this.depth--;
    return this.node<AST.Block>('Block', typeToken.start, close.end, { blockType, labels, body });
  }

  private parseLabels(): AST.BlockLabel[] {
    const labels: AST.BlockLabel[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'ident') {
        this.next();
        labels.push(this.node<AST.BlockLabel>('BlockLabel', token.start, token.end, { value: token.text, quoted: false }));
      } else if (token.type === 'quote') {
        labels.push(this.parseQuotedLabel());
      } else {
        return labels;
      }
    }
  }

  private parseQuotedLabel(): AST.BlockLabel {
    const template = this.parseQuotedTemplate();
    const parts = template.parts;
    if (parts.some((part) => part.type !== 'TemplateLiteral')) {
      this.fail('Invalid block label: template sequences (${…}, %{…}) are not allowed in a block label.', template.range[0]);
    }
    const value = parts.map((part) => (part as AST.TemplateLiteral).value).join('');
    return this.node<AST.BlockLabel>('BlockLabel', template.range[0], template.range[1], { value, quoted: true });
  }

  /** `{ name = value }` on one line, or `{}`. */
  private parseSingleLineBody(open: Token): AST.Body {
    if (this.is('}')) return this.node<AST.Body>('Body', open.end, open.end, { items: [] });
    const token = this.peek();
    if (token.type !== 'ident' || this.after(token).type !== '=') {
      this.fail('Invalid single-argument block definition: a single-line block can hold only one argument (name = value); put a newline after "{" for more.', token.start);
    }
    const attribute = this.parseAttribute(new Map());
    if (!this.is('}')) {
      this.fail('Invalid single-argument block definition: a single-line block can hold only one argument; expected "}".', this.peek().start);
    }
    return this.node<AST.Body>('Body', attribute.range[0], attribute.range[1], { items: [attribute] });
  }

  private identifier(token: Token): AST.Identifier {
    return this.node<AST.Identifier>('Identifier', token.start, token.end, { name: token.text });
  }

  // ---- expressions --------------------------------------------------------------------------

  parseExpression(): AST.Expression {
    const start = this.peek().start;
    this.enter(start);
    const test = this.parseBinary(1);
    let result = test;
    if (this.is('?')) {
      this.next();
      const consequent = this.parseExpression();
      this.expect(':', 'Missing false expression in conditional: expected ":"');
      const alternate = this.parseExpression();
      result = this.node<AST.Conditional>('Conditional', test.range[0], alternate.range[1], { test, consequent, alternate });
    }
    this.depth--;
    return result;
  }

  /** Precedence climbing: loops for operators of one level, recurses only to a higher level. */
  private parseBinary(level: number): AST.Expression {
    if (level > 6) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      if (BINARY_PRECEDENCE[token.type] !== level) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      const operator = token.type as AST.BinaryOperator;
      left = this.node<AST.Binary>('Binary', left.range[0], right.range[1], { operator, left, right });
    }
  }

  private parseUnary(): AST.Expression {
    const token = this.peek();
    if (token.type !== '!' && token.type !== '-') return this.parsePostfix(this.parseTerm());
    this.next();
    this.enter(token.start);
    const argument = this.parseUnary();
    this.depth--;
    return this.node<AST.Unary>('Unary', token.start, argument.range[1], { operator: token.type, argument });
  }

  private parsePostfix(term: AST.Expression): AST.Expression {
    let object = term;
    // Inside an attribute-only splat (`a.*.b`), until a `[`: a second `.*` is an error.
    let attributeSplat = false;
    for (;;) {
      const token = this.peek();
      if (token.type === '.') {
        if (attributeSplat && this.after(token).type === '*') {
          this.fail('Nested splat expression not allowed: a splat (*) cannot be used inside another attribute-only splat (write [*] for the outer one).', this.after(token).start);
        }
        object = this.parseDot(object);
        attributeSplat ||= object.type === 'Splat';
      } else if (token.type === '[') {
        object = this.parseBracket(object);
        attributeSplat = false;
      } else return object;
    }
  }

  private parseDot(object: AST.Expression): AST.Expression {
    this.next();
    const token = this.next();
    const start = object.range[0];
    if (token.type === 'ident') {
      return this.node<AST.GetAttr>('GetAttr', start, token.end, { object, name: this.identifier(token) });
    }
    if (token.type === '*') return this.node<AST.Splat>('Splat', start, token.end, { object, full: false });
    if (token.type === 'number') {
      if (!/^[0-9]+$/.test(token.text)) {
        this.fail(`Invalid legacy index syntax: write [${token.text.replace('.', '][')}] instead of .${token.text}.`, token.start);
      }
      const key = this.node<AST.Literal>('Literal', token.start, token.end, { value: Number(token.text), raw: token.text });
      return this.node<AST.Index>('Index', start, token.end, { object, key, legacy: true });
    }
    return this.fail(`Invalid attribute name: an attribute name is required after a dot, not ${describe(token)}.`, token.start);
  }

  private parseBracket(object: AST.Expression): AST.Expression {
    const open = this.next();
    return this.withNewlines(false, () => {
      if (this.is('*')) {
        this.next();
        const close = this.expect(']', 'Invalid splat: expected "]" after "[*"');
        return this.node<AST.Splat>('Splat', object.range[0], close.end, { object, full: true });
      }
      this.enter(open.start);
      const key = this.parseExpression();
      this.depth--;
      const close = this.expect(']', 'Missing close bracket on index: expected "]"');
      return this.node<AST.Index>('Index', object.range[0], close.end, { object, key, legacy: false });
    });
  }

  private parseTerm(): AST.Expression {
    const token = this.peek();
    switch (token.type) {
      case 'number':
        this.next();
        return this.node<AST.Literal>('Literal', token.start, token.end, { value: Number(token.text), raw: token.text });
      case 'ident':
        return this.parseIdentTerm(token);
      case 'quote':
        return this.parseQuotedTemplate();
      case 'heredoc':
        return this.parseHeredoc();
      case '(':
        return this.parseParenthesized();
      case '[':
        return this.after(token, true).text === 'for' ? this.parseFor('tuple') : this.parseTuple();
      case '{':
        return this.after(token, true).text === 'for' ? this.parseFor('object') : this.parseObject();
      default:
        return this.fail(`Invalid expression: expected the start of an expression, but found ${describe(token)}.`, token.start);
    }
  }

  private parseIdentTerm(token: Token): AST.Expression {
    const following = this.after(token);
    if (following.type === '(' || following.type === '::') return this.parseCall();
    this.next();
    const { start, end, text } = token;
    if (text === 'true' || text === 'false') {
      return this.node<AST.Literal>('Literal', start, end, { value: text === 'true', raw: text });
    }
    if (text === 'null') return this.node<AST.Literal>('Literal', start, end, { value: null, raw: text });
    return this.node<AST.Variable>('Variable', start, end, { name: text });
  }

  private parseCall(): AST.FunctionCall {
    const first = this.next();
    const namespace: string[] = [];
    let nameToken = first;
    while (this.is('::')) {
      this.next();
      namespace.push(nameToken.text);
      nameToken = this.expect('ident', 'Invalid function name: a name is expected after "::"');
    }
    this.expect('(', 'Invalid function call: expected "(" after the function name');
    this.enter(first.start);
    const call = this.withNewlines(false, () => this.parseArguments(first, nameToken, namespace));
    this.depth--;
    return call;
  }

  private parseArguments(first: Token, nameToken: Token, namespace: string[]): AST.FunctionCall {
    const args: AST.Expression[] = [];
    let expandFinal = false;
    while (!this.is(')')) {
      args.push(this.parseExpression());
      const separator = this.peek();
      if (separator.type === ')') break;
      if (separator.type === '...') {
        this.next();
        expandFinal = true;
        if (!this.is(')')) this.fail('Missing closing parenthesis: only the last argument can be expanded with "...".', this.peek().start);
        break;
      }
      if (separator.type !== ',') this.fail(`Missing argument separator: expected "," or ")", but found ${describe(separator)}.`, separator.start);
      this.next();
    }
    const close = this.next();
    const name = this.identifier(nameToken);
    return this.node<AST.FunctionCall>('FunctionCall', first.start, close.end, { name, namespace, args, expandFinal });
  }

  private parseParenthesized(): AST.Parenthesized {
    const open = this.next();
    this.enter(open.start);
    const result = this.withNewlines(false, () => {
      const expression = this.parseExpression();
      const close = this.expect(')', 'Unbalanced parentheses: expected ")"');
      return this.node<AST.Parenthesized>('Parenthesized', open.start, close.end, { expression });
    });
    this.depth--;
    return result;
  }

  private parseTuple(): AST.Tuple {
    const open = this.next();
    this.enter(open.start);
    const result = this.withNewlines(false, () => {
      const elements: AST.Expression[] = [];
      while (!this.is(']')) {
        elements.push(this.parseExpression());
        if (this.is(']')) break;
        this.expect(',', 'Missing item separator: expected "," or "]"');
      }
      const close = this.next();
      return this.node<AST.Tuple>('Tuple', open.start, close.end, { elements });
    });
    this.depth--;
    return result;
  }

  private parseObject(): AST.ObjectExpression {
    const open = this.next();
    this.enter(open.start);
    const result = this.withNewlines(true, () => {
      const items: AST.ObjectItem[] = [];
      for (;;) {
        while (this.is('newline')) this.next();
        if (this.is('}')) break;
        items.push(this.parseObjectItem());
        const separator = this.peek();
        if (separator.type === '}') break;
        if (separator.type !== ',' && separator.type !== 'newline') {
          this.fail(`Missing attribute separator: expected a newline or comma after an object item, but found ${describe(separator)}.`, separator.start);
        }
        this.next();
      }
      const close = this.next();
      return this.node<AST.ObjectExpression>('Object', open.start, close.end, { items });
    });
    this.depth--;
    return result;
  }

  private parseObjectItem(): AST.ObjectItem {
    const key = this.parseExpression();
    const token = this.peek();
    if (token.type !== '=' && token.type !== ':') {
      this.fail(`Missing key/value separator: expected "=" or ":" after an object key, but found ${describe(token)}.`, token.start);
    }
    this.next();
    const value = this.parseExpression();
    return this.node<AST.ObjectItem>('ObjectItem', key.range[0], value.range[1], { key, value });
  }

  private parseFor(kind: 'tuple' | 'object'): AST.ForExpression {
    const open = this.next();
    this.enter(open.start);
    const result = this.withNewlines(false, () => this.parseForBody(kind, open));
    this.depth--;
    return result;
  }

  private parseForBody(kind: 'tuple' | 'object', open: Token): AST.ForExpression {
    this.next(); // 'for'
    const { keyVariable, valueVariable } = this.parseForVariables();
    const collection = this.parseExpression();
    this.expect(':', 'Invalid for expression: expected ":" after the collection');
    let key: AST.Expression | null = null;
    if (kind === 'object') {
      key = this.parseExpression();
      this.expect('=>', 'Invalid for expression: an object for expression needs "key => value"');
    }
    const value = this.parseExpression();
    let grouping = false;
    if (kind === 'object' && this.is('...')) {
      this.next();
      grouping = true;
    }
    let condition: AST.Expression | null = null;
    if (this.is('ident', 'if')) {
      this.next();
      condition = this.parseExpression();
    }
    const close = this.expect(kind === 'tuple' ? ']' : '}', `Invalid for expression: expected "${kind === 'tuple' ? ']' : '}'}"`);
    const fields = { kind, keyVariable, valueVariable, collection, key, value, condition, grouping };
    return this.node<AST.ForExpression>('For', open.start, close.end, fields);
  }

  private parseForVariables(): { keyVariable: AST.Identifier | null; valueVariable: AST.Identifier } {
    const first = this.identifier(this.expect('ident', 'Invalid for expression: a variable name is expected after "for"'));
    let keyVariable: AST.Identifier | null = null;
    let valueVariable = first;
    if (this.is(',')) {
      this.next();
      keyVariable = first;
      valueVariable = this.identifier(this.expect('ident', 'Invalid for expression: a second variable name is expected after ","'));
    }
    if (!this.is('ident', 'in')) this.fail(`Invalid for expression: expected "in", but found ${describe(this.peek())}.`, this.peek().start);
    this.next();
    return { keyVariable, valueVariable };
  }

  // ---- templates ----------------------------------------------------------------------------

  private parseQuotedTemplate(): AST.Template {
    const open = this.next();
    this.enter(open.start);
    const { flat, end } = new TemplateScanner(this, open.start, open.end, null).scan();
    this.pos = end;
    const parts = this.foldTemplate(flat);
    this.depth--;
    return this.node<AST.Template>('Template', open.start, end, { parts, heredoc: null });
  }

  private parseHeredoc(): AST.Template {
    const open = this.next();
    this.enter(open.start);
    const heredoc = { marker: open.text, indented: open.indented === true };
    const { flat, end } = new TemplateScanner(this, open.start, open.end, heredoc.marker).scan();
    this.pos = end;
    const parts = this.foldTemplate(flat);
    this.depth--;
    return this.node<AST.Template>('Template', open.start, end, { parts, heredoc });
  }

  /** Parses `${ expr }` from `offset` (just after `${` or `${~`); returns the node and the offset after `}`. */
  interpolation(start: number, offset: number, stripLeft: boolean): { node: AST.TemplateInterpolation; end: number } {
    this.pos = offset;
    return this.withNewlines(false, () => {
      const expression = this.parseExpression();
      const close = this.peek();
      if (close.type !== '}' && close.type !== '~}') {
        this.fail(`Extra characters after interpolation expression: expected "}", but found ${describe(close)}.`, close.start);
      }
      const stripRight = close.type === '~}';
      const fields = { expression, stripLeft, stripRight };
      return { node: this.node<AST.TemplateInterpolation>('TemplateInterpolation', start, close.end, fields), end: close.end };
    });
  }

  /** Parses `%{ keyword … }` from `offset` (just after `%{` or `%{~`). */
  directive(start: number, offset: number): { flat: Flat; end: number } {
    this.pos = offset;
    return this.withNewlines(false, () => {
      const keyword = this.peek();
      const directive: DirectiveInfo = {};
      if (keyword.type !== 'ident' || !['if', 'else', 'endif', 'for', 'endfor'].includes(keyword.text)) {
        this.fail(`Invalid template directive: expected if, else, endif, for or endfor after "%{", but found ${describe(keyword)}.`, keyword.start);
      }
      this.next();
      if (keyword.text === 'if') directive.test = this.parseExpression();
      if (keyword.text === 'for') {
        Object.assign(directive, this.parseForVariables());
        directive.collection = this.parseExpression();
      }
      const close = this.peek();
      if (close.type !== '}' && close.type !== '~}') {
        this.fail(`Invalid template directive: expected "}", but found ${describe(close)}.`, close.start);
      }
      return { flat: { type: 'Directive', keyword: keyword.text, start, end: close.end, directive }, end: close.end };
    });
  }

  literal(start: number, end: number, value: string): AST.TemplateLiteral {
    return this.node<AST.TemplateLiteral>('TemplateLiteral', start, end, { value });
  }

  failAt(message: string, offset: number): never {
    return this.fail(message, offset);
  }

  /** Turns the flat sequence (with if/else/endif/for/endfor markers) into nested TemplateIf/TemplateFor. */
  private foldTemplate(flat: Flat[]): AST.TemplatePart[] {
    const state = { index: 0 };
    const parts = this.foldUntil(flat, state, []);
    if (state.index < flat.length) {
      const stray = flat[state.index] as Flat & { type: 'Directive' };
      this.fail(`Unexpected "%{ ${stray.keyword} }": it has no opening directive.`, stray.start);
    }
    return parts;
  }

  private foldUntil(flat: Flat[], state: { index: number }, stops: string[]): AST.TemplatePart[] {
    const parts: AST.TemplatePart[] = [];
    while (state.index < flat.length) {
      const item = flat[state.index]!;
      if (item.type !== 'Directive') {
        parts.push(item);
        state.index++;
        continue;
      }
      if (stops.includes(item.keyword) || (item.keyword !== 'if' && item.keyword !== 'for')) return parts;
      state.index++;
      this.enter(item.start);
      parts.push(item.keyword === 'if' ? this.foldIf(flat, state, item) : this.foldFor(flat, state, item));
      this.depth--;
    }
    return parts;
  }

  private closing(flat: Flat[], state: { index: number }, opener: Flat & { type: 'Directive' }, keywords: string[]): Flat & { type: 'Directive' } {
    const item = flat[state.index];
    if (item?.type !== 'Directive' || !keywords.includes(item.keyword)) {
      const where = item ? (item.type === 'Directive' ? item.start : item.range[0]) : opener.start;
      this.fail(`Unterminated template directive: "%{ ${opener.keyword} }" has no matching "%{ ${keywords.at(-1)} }".`, where);
    }
    state.index++;
    return item;
  }

  private foldIf(flat: Flat[], state: { index: number }, opener: Flat & { type: 'Directive' }): AST.TemplateIf {
    const consequent = this.foldUntil(flat, state, ['else', 'endif']);
    let end = this.closing(flat, state, opener, ['else', 'endif']);
    let alternate: AST.TemplatePart[] | null = null;
    if (end.keyword === 'else') {
      alternate = this.foldUntil(flat, state, ['endif']);
      end = this.closing(flat, state, opener, ['endif']);
    }
    const test = opener.directive.test!;
    return this.node<AST.TemplateIf>('TemplateIf', opener.start, end.end, { test, consequent, alternate });
  }

  private foldFor(flat: Flat[], state: { index: number }, opener: Flat & { type: 'Directive' }): AST.TemplateFor {
    const body = this.foldUntil(flat, state, ['endfor']);
    const end = this.closing(flat, state, opener, ['endfor']);
    const { keyVariable = null, valueVariable, collection } = opener.directive;
    const fields = { keyVariable, valueVariable: valueVariable!, collection: collection!, body };
    return this.node<AST.TemplateFor>('TemplateFor', opener.start, end.end, fields);
  }
}

/** Reads the characters of a quoted string (`marker` null) or a heredoc body into flat parts. */
class TemplateScanner {
  private readonly text: string;
  private readonly flat: Flat[] = [];
  private buffer = '';
  private literalStart: number;
  private i: number;

  constructor(
    private readonly parser: Parser,
    /** Where the template starts (its quote or `<<`), for errors. */
    private readonly open: number,
    start: number,
    private readonly marker: string | null,
  ) {
    this.text = parser.text;
    this.i = start;
    this.literalStart = start;
  }

  scan(): { flat: Flat[]; end: number } {
    const end = this.marker === null ? this.scanQuoted() : this.scanHeredoc();
    return { flat: this.flat, end };
  }

  private scanQuoted(): number {
    const text = this.text;
    for (;;) {
      const c = text[this.i];
      if (c === undefined || c === '\n' || (c === '\r' && text[this.i + 1] === '\n')) {
        this.parser.failAt('Unterminated template string: a quoted string must end on the line it starts (use a heredoc for text over several lines).', this.open);
      }
      if (c === '"') {
        this.flush(this.i);
        return this.i + 1;
      }
      if (c === '\\') this.escape();
      else if (!this.sequence()) this.take(1);
    }
  }

  private scanHeredoc(): number {
    const text = this.text;
    let lineStart = true;
    for (;;) {
      if (lineStart) {
        const end = this.closingMarker();
        if (end !== undefined) {
          this.flush(this.i);
          return end;
        }
      }
      const c = text[this.i];
      if (c === undefined) {
        this.parser.failAt(`Unterminated template string: the heredoc has no closing "${this.marker}" line.`, this.open);
      }
      lineStart = c === '\n';
      if (!this.sequence()) this.take(1);
      else lineStart = false;
    }
  }

  /** At a line start: the offset after the closing marker when this line is it. */
  private closingMarker(): number | undefined {
    const text = this.text;
    let j = this.i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (!text.startsWith(this.marker!, j)) return undefined;
    const after = j + this.marker!.length;
    let k = after;
    while (text[k] === ' ' || text[k] === '\t') k++;
    const next = text[k];
    // HashiCorp's scanner needs a newline after the marker: a heredoc cannot end the file.
    if (next === '\n' || (next === '\r' && text[k + 1] === '\n')) return after;
    return undefined;
  }

  /** `${`, `%{` and their `$${`/`%%{` escapes; false when the text here is none of them. */
  private sequence(): boolean {
    const text = this.text;
    const i = this.i;
    if ((text[i] === '$' || text[i] === '%') && text[i + 1] === text[i] && text[i + 2] === '{') {
      this.buffer += `${text[i]}{`;
      this.i += 3;
      return true;
    }
    if ((text[i] !== '$' && text[i] !== '%') || text[i + 1] !== '{') return false;
    this.flush(i);
    const strip = text[i + 2] === '~';
    const from = i + 2 + (strip ? 1 : 0);
    if (text[i] === '$') {
      const { node, end } = this.parser.interpolation(i, from, strip);
      this.flat.push(node);
      this.i = end;
    } else {
      const { flat, end } = this.parser.directive(i, from);
      this.flat.push(flat);
      this.i = end;
    }
    this.literalStart = this.i;
    return true;
  }

  private escape(): void {
    const text = this.text;
    const c = text[this.i + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (c !== undefined && c in simple) {
      this.buffer += simple[c];
      this.i += 2;
      return;
    }
    const width = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = text.slice(this.i + 2, this.i + 2 + width);
    const code = width > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : -1;
    if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      this.parser.failAt('Invalid escape sequence: a backslash must be followed by n, r, t, ", \\, uNNNN or UNNNNNNNN.', this.i);
    }
    this.buffer += String.fromCodePoint(code);
    this.i += 2 + width;
  }

  private take(count: number): void {
    this.buffer += this.text.slice(this.i, this.i + count);
    this.i += count;
  }

  private flush(end: number): void {
    if (end > this.literalStart) this.flat.push(this.parser.literal(this.literalStart, end, this.buffer));
    this.buffer = '';
    this.literalStart = end;
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'eof':
      return 'the end of the file';
    case 'newline':
      return 'the end of the line';
    case 'ident':
      return `"${token.text}"`;
    case 'number':
      return `the number ${token.text}`;
    case 'quote':
      return 'a quoted string';
    case 'heredoc':
      return 'a heredoc';
    default:
      return `"${token.type}"`;
  }
}
