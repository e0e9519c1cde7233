import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from './nodes.js';

/** Characters a literal cannot hold as they are, and lone surrogates (a file cannot hold those). */
const LITERAL_SPECIAL = /[\\'"`\u0000-\u001f\u007f\u2028\u2029]|\$\{|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/**
 * JavaScript source for a string literal whose value is `text`, in the given quotes (a backtick
 * makes a template literal without expressions). Backslashes, the quote, `${` in a template,
 * line terminators, other control characters and lone surrogates are escaped, so the literal
 * parses and its value is exactly `text`, whatever `text` holds.
 */
export function stringLiteral(text: string, quote: "'" | '"' | '`' = "'"): string {
  const body = text.replace(LITERAL_SPECIAL, (c) => {
    if (c === '${') return quote === '`' ? '\\${' : c;
    if (c === quote) return `\\${c}`;
    if (c === "'" || c === '"' || c === '`') return c;
    return NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `${quote}${body}${quote}`;
}

/** `text` as a string literal in the quote character the source text `like` starts with. */
export function stringLiteralLike(text: string, like: string): string {
  const first = like[0];
  return stringLiteral(text, first === '"' || first === '`' ? first : "'");
}

/** Removes a property of an object literal with the comma that separates it. */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
): TSESLint.RuleFix {
  const before = sourceCode.getTokenBefore(property);
  if (before && before.value === ',') return fixer.removeRange([before.range[0], property.range[1]]);
  const after = sourceCode.getTokenAfter(property);
  if (after && after.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  return fixer.remove(property);
}

/** Inserts `text` as a new property after `property`, on its own line when the property is on one. */
export function insertPropertyAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property,
  text: string,
): TSESLint.RuleFix {
  const line = sourceCode.lines[property.loc.start.line - 1] ?? '';
  const before = line.slice(0, property.loc.start.column);
  return fixer.insertTextAfter(property, /^\s*$/.test(before) ? `,\n${before}${text}` : `, ${text}`);
}

/** Inserts `text` as a new statement after `statement`, with its indentation. */
export function insertStatementAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const indent = /^\s*/.exec(sourceCode.lines[statement.loc.start.line - 1] ?? '')![0];
  return fixer.insertTextAfter(statement, `\n${indent}${text}`);
}

/**
 * Does `fn` use `await` as a name where making it `async` would make it a keyword? In a
 * script, `await` is an ordinary identifier, but inside an async function it is reserved in the
 * parameters and body, arrow functions included; only a nested `function` (its own name too,
 * when it is an expression) frees it again. A nested function declaration's name still
 * belongs to the outer function. Class bodies count as the outer function's, which is
 * stricter than the language and keeps the check simple.
 */
function usesAwaitAsName(fn: FunctionNode, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): boolean {
  const stack: TSESTree.Node[] = [fn];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'await') return true;
    if (node !== fn && node.type !== AST_NODE_TYPES.ArrowFunctionExpression && isFunctionNode(node)) {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id) stack.push(node.id);
      continue;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(child) ? child : [child]) {
        if (c && typeof (c as TSESTree.Node).type === 'string') stack.push(c as TSESTree.Node);
      }
    }
  }
  return false;
}

/**
 * Where `async` goes to make `fn` async: before the function, or before the key of a method
 * (`{ async handler() {} }`, `class { static async handler() {} }`). None for getters, setters
 * and constructors, which cannot be async, nor where `fn` uses `await` as a name (the code
 * would no longer parse).
 */
export function asyncInsertionPoint(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node | TSESTree.Token | undefined {
  if (usesAwaitAsName(fn, sourceCode.visitorKeys)) return undefined;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    if (parent.kind !== 'init') return undefined;
    return parent.method ? parent : fn;
  }
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
    parent.value === fn
  ) {
    if (parent.kind !== 'method') return undefined;
    return parent.computed ? (sourceCode.getTokenBefore(parent.key) ?? undefined) : parent.key;
  }
  return fn;
}

/**
 * A fix that renames the property of `obj.name` (a plain, non-computed member) to `to`, or
 * undefined for any other form (`obj['name']`, a destructuring pattern), where a rename would
 * have to rewrite more than the name.
 */
export function renameMember(node: TSESTree.Node, to: string): TSESLint.ReportFixFunction | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const property = node.property;
  return (fixer) => fixer.replaceText(property, to);
}
