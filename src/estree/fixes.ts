import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * `text` as a JavaScript string literal in `quote` (`'`, `"` or a backtick): backslashes, the
 * quote, line breaks and (in a template) `${` escaped, so the literal means exactly `text`.
 */
export function stringLiteral(text: string, quote: "'" | '"' | '`' = "'"): string {
  let escaped = text.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  if (quote === '`') escaped = escaped.replace(/\$\{/g, '\\${');
  else escaped = escaped.replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${quote}${escaped}${quote}`;
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
