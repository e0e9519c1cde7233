import { LineIndex } from './context.js';
import { loadCompiler } from './lazy.js';
import { type YamlResult, locatedData } from './yaml-data.js';
import type { ts as TsNamespace } from 'ts-morph';

/** `serverless.ts`, the TypeScript form of a Serverless service (`@serverless/typescript`). */
export const SERVERLESS_TS_FILE = /^serverless\.[cm]?ts$/;

/** Where a piece of the file is written: character offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where each container, key and value of the read data is written, for the `infra-*` rules,
 * which report on the exact key or value: containers by object, entries by container and key
 * (an array's by index). `container` says the entry's value was read as a map or list.
 */
export interface ServerlessTsSpans {
  containers: WeakMap<object, Span>;
  entries: WeakMap<object, Map<string, { key: Span; value: Span; container: boolean }>>;
}

/**
 * Reads a `serverless.ts` statically, never running it: the object literal it exports
 * (`module.exports = x`, `export default x`, `export = x`, `x` a `const` of the file) as
 * plain data, with the line of every object, array and key, so the Serverless reader treats
 * it like serverless.yml. Strings, numbers, booleans, arrays, objects, `const` names and
 * spreads of the file's object literals are read; any other expression (a call, an import,
 * a computed template) becomes the text `${<expression>}`, which the reader reports as an
 * unresolved variable where it matters. Undefined when the file exports no object literal.
 */
export function readServerlessTs(path: string, text: string): YamlResult | undefined {
  return readServerlessTsWithSpans(path, text)?.result;
}

/** `readServerlessTs`, with the span of every container, key and value it read. */
export function readServerlessTsWithSpans(path: string, text: string): { result: YamlResult; spans: ServerlessTsSpans } | undefined {
  const { ts, parse } = loadCompiler();
  const spans: ServerlessTsSpans = { containers: new WeakMap(), entries: new WeakMap() };
  const spanOf = (node: TsNamespace.Node): Span => ({ start: node.getStart(sf), end: node.getEnd() });
  const isContainer = (value: unknown) => typeof value === 'object' && value !== null;
  const entry = (container: object, key: string, value: { key: Span; value: Span; container: boolean }) => {
    let map = spans.entries.get(container);
    if (!map) spans.entries.set(container, (map = new Map()));
    map.set(key, value);
  };
  const sf = parse(path, text);
  const lines = new LineIndex(text);
  const containerLines = new WeakMap<object, number>();
  const keyLines = new WeakMap<object, Map<string, number>>();
  const lineOf = (node: TsNamespace.Node) => lines.line(node.getStart(sf));
  const syntax = (sf as unknown as { parseDiagnostics?: Array<{ start?: number; messageText: unknown }> }).parseDiagnostics ?? [];
  if (syntax.length > 0) {
    const first = syntax[0]!;
    const message = typeof first.messageText === 'string' ? first.messageText : 'syntax error';
    return { result: { error: `does not parse as TypeScript (${message}); its functions are not read.`, ...(first.start !== undefined ? { line: lines.line(first.start) } : {}) }, spans };
  }

  const constants = new Map<string, TsNamespace.Expression>();
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
  }
  const unwrap = (expr: TsNamespace.Expression): TsNamespace.Expression => {
    while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr)) {
      expr = expr.expression;
    }
    return expr;
  };
  const seen = new Set<string>();
  const convert = (raw: TsNamespace.Expression, depth: number): unknown => {
    const expr = unwrap(raw);
    if (depth > 60) return '${too deep}';
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
    if (ts.isNumericLiteral(expr)) return Number(expr.text);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) return -Number(expr.operand.text);
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (expr.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isIdentifier(expr)) {
      const init = constants.get(expr.text);
      if (init && !seen.has(expr.text)) {
        seen.add(expr.text);
        try {
          return convert(init, depth + 1);
        } finally {
          seen.delete(expr.text);
        }
      }
      return expr.text === 'undefined' ? undefined : `\${${expr.text}}`;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      const out: unknown[] = [];
      containerLines.set(out, lineOf(expr));
      spans.containers.set(out, spanOf(expr));
      for (const element of expr.elements) {
        if (ts.isSpreadElement(element)) {
          const spread = convert(element.expression, depth + 1);
          if (!Array.isArray(spread)) continue;
          const spreadEntries = spans.entries.get(spread);
          spread.forEach((item, i) => {
            const at = spreadEntries?.get(String(i)) ?? { key: spanOf(element), value: spanOf(element), container: isContainer(item) };
            entry(out, String(out.length), at);
            out.push(item);
          });
        } else {
          const item = convert(element, depth + 1);
          entry(out, String(out.length), { key: spanOf(element), value: spanOf(element), container: isContainer(item) });
          out.push(item);
        }
      }
      return out;
    }
    if (ts.isObjectLiteralExpression(expr)) {
      const out: Record<string, unknown> = {};
      const keys = new Map<string, number>();
      containerLines.set(out, lineOf(expr));
      spans.containers.set(out, spanOf(expr));
      keyLines.set(out, keys);
      for (const prop of expr.properties) {
        if (ts.isSpreadAssignment(prop)) {
          const spread = convert(prop.expression, depth + 1);
          if (spread && typeof spread === 'object' && !Array.isArray(spread)) {
            const spreadKeys = keyLines.get(spread);
            const spreadEntries = spans.entries.get(spread);
            for (const [k, v] of Object.entries(spread)) {
              out[k] = v;
              keys.set(k, spreadKeys?.get(k) ?? lineOf(prop));
              entry(out, k, spreadEntries?.get(k) ?? { key: spanOf(prop), value: spanOf(prop), container: isContainer(v) });
            }
          }
          continue;
        }
        const name = prop.name;
        const key =
          name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))
            ? name.text
            : name && ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)
              ? name.expression.text
              : undefined;
        if (key === undefined) continue;
        let valueNode: TsNamespace.Node;
        if (ts.isPropertyAssignment(prop)) out[key] = convert((valueNode = prop.initializer), depth + 1);
        else if (ts.isShorthandPropertyAssignment(prop)) out[key] = convert((valueNode = prop.name), depth + 1);
        else continue;
        keys.set(key, lineOf(prop));
        entry(out, key, { key: spanOf(name), value: spanOf(valueNode), container: isContainer(out[key]) });
      }
      return out;
    }
    return `\${${expr.getText(sf).replace(/\s+/g, ' ').slice(0, 60)}}`;
  };

  let exported: TsNamespace.Expression | undefined;
  for (const statement of sf.statements) {
    if (ts.isExportAssignment(statement)) exported = statement.expression;
    else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      statement.expression.left.getText(sf) === 'module.exports'
    ) {
      exported = statement.expression.right;
    }
  }
  if (!exported) return undefined;
  const value = convert(exported, 0);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return { result: { data: locatedData(value, keyLines, containerLines) }, spans };
}
