/**
 * The token scanner of the HCL parser. It is a pure function of (text, offset): the parser asks
 * for the token at an offset only when it is in expression mode, and reads template text
 * (quoted strings, heredocs) itself, character by character.
 */

export type TokenType =
  | 'ident'
  | 'number'
  | 'quote'
  | 'heredoc'
  | 'newline'
  | 'eof'
  | '{'
  | '}'
  | '~}'
  | '['
  | ']'
  | '('
  | ')'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '&&'
  | '||'
  | '!'
  | '?'
  | ':'
  | '::'
  | ','
  | '.'
  | '...'
  | '=>';

export interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** The identifier or number text; the heredoc marker. */
  text: string;
  /** Heredocs: the `<<-` form. */
  indented?: boolean;
}

export interface CommentToken {
  kind: 'LineComment' | 'BlockComment';
  start: number;
  end: number;
  value: string;
}

/** A scan error: where and what. */
export class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const PUNCTUATION: readonly TokenType[] = [
  '...', '=>', '==', '!=', '<=', '>=', '&&', '||', '::', '~}',
  '{', '}', '[', ']', '(', ')', '=', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', ',', '.',
];

/** The punctuation tokens by first character, longest first. */
const PUNCTUATION_BY_CHAR = new Map<string, TokenType[]>();
for (const p of PUNCTUATION) PUNCTUATION_BY_CHAR.set(p[0]!, [...(PUNCTUATION_BY_CHAR.get(p[0]!) ?? []), p]);

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}\-]/u;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}\-]*)(\r?\n)/uy;

export class Lexer {
  /** Comments seen, by start offset (a position may be scanned more than once). */
  readonly comments = new Map<number, CommentToken>();
  private cacheAt = -1;
  private cached: Token | undefined;

  constructor(readonly text: string) {}

  /** The token at or after `offset` (whitespace and comments skipped; a line comment ends in a newline token). */
  tokenAt(offset: number): Token {
    if (offset === this.cacheAt && this.cached) return this.cached;
    const token = this.scan(offset);
    this.cacheAt = offset;
    this.cached = token;
    return token;
  }

  private scan(offset: number): Token {
    const text = this.text;
    let i = this.skipSpace(offset);
    while (i < text.length) {
      const c = text[i]!;
      if (c === '#' || (c === '/' && text[i + 1] === '/')) return this.lineComment(i, c === '#' ? 1 : 2);
      if (c === '/' && text[i + 1] === '*') {
        i = this.skipSpace(this.blockComment(i));
        continue;
      }
      return this.token(i);
    }
    return { type: 'eof', start: text.length, end: text.length, text: '' };
  }

  private skipSpace(from: number): number {
    let i = from;
    const text = this.text;
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || (c === '\r' && text[i + 1] !== '\n')) i++;
      else if (c === '\uFEFF' && i === 0) i++;
      else break;
    }
    return i;
  }

  private lineComment(start: number, markerLength: number): Token {
    const text = this.text;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const contentEnd = text[end - 1] === '\r' ? end - 1 : end;
    this.comments.set(start, { kind: 'LineComment', start, end: contentEnd, value: text.slice(start + markerLength, contentEnd) });
    if (end === text.length) return { type: 'eof', start: end, end, text: '' };
    return { type: 'newline', start: contentEnd, end: end + 1, text: '' };
  }

  /** Records a block comment and returns the offset after it. */
  private blockComment(start: number): number {
    const end = this.text.indexOf('*/', start + 2);
    if (end < 0) throw new LexError('Unterminated comment: a /* comment has no closing */.', start);
    this.comments.set(start, { kind: 'BlockComment', start, end: end + 2, value: this.text.slice(start + 2, end) });
    return end + 2;
  }

  private token(i: number): Token {
    const text = this.text;
    const c = text[i]!;
    if (c === '\n') return { type: 'newline', start: i, end: i + 1, text: '' };
    if (c === '\r') return { type: 'newline', start: i, end: i + 2, text: '' };
    if (c === '"') return { type: 'quote', start: i, end: i + 1, text: '' };
    if (c >= '0' && c <= '9') return this.number(i);
    const ident = this.identifier(i);
    if (ident) return ident;
    if (c === '<' && text[i + 1] === '<') return this.heredoc(i);
    for (const p of PUNCTUATION_BY_CHAR.get(c) ?? []) {
      if (text.startsWith(p, i)) return { type: p, start: i, end: i + p.length, text: p };
    }
    const code = text.codePointAt(i)!;
    throw new LexError(`Invalid character: ${JSON.stringify(String.fromCodePoint(code))} cannot appear here.`, i);
  }

  private number(i: number): Token {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(this.text)!;
    return { type: 'number', start: i, end: i + m[0].length, text: m[0] };
  }

  private identifier(i: number): Token | undefined {
    const text = this.text;
    const code = text.charCodeAt(i);
    if (code < 128 && !(isAsciiIdentChar(code) && code !== 45 && !(code >= 48 && code <= 57))) return undefined;
    const first = String.fromCodePoint(text.codePointAt(i)!);
    if (!ID_START.test(first)) return undefined;
    let end = i + first.length;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (isAsciiIdentChar(code)) {
        end++;
        continue;
      }
      if (code < 128) break;
      const ch = String.fromCodePoint(text.codePointAt(end)!);
      if (!ID_CONTINUE.test(ch)) break;
      end += ch.length;
    }
    return { type: 'ident', start: i, end, text: text.slice(i, end) };
  }

  private heredoc(i: number): Token {
    HEREDOC.lastIndex = i;
    const m = HEREDOC.exec(this.text);
    if (!m) throw new LexError('Invalid heredoc: expected <<MARKER or <<-MARKER followed by a newline.', i);
    return { type: 'heredoc', start: i, end: i + m[0].length, text: m[2]!, indented: m[1] === '-' };
  }
}

function isAsciiIdentChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 45
  );
}
