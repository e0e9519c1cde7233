import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';
import { Linter as Linter9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import { type TraversableSource, forEachValueNode, walk } from '../../src/estree/walk.js';

/** Each node as `Type@start-end`, so two sequences compare by position and order. */
const label = (node: TSESTree.Node): string => `${node.type}@${node.range[0]}-${node.range[1]}`;

interface Visits {
  walked: string[];
  fromSteps: string[];
  fallback: string[];
}

/** Lints `code` with a rule that visits the file three ways: `walk`, ESLint's recorded steps, and without steps. */
function visits(code: string, typescript: boolean, major: 9 | 10): Visits {
  const result: Visits = { walked: [], fromSteps: [], fallback: [] };
  const rule: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode as unknown as TraversableSource;
      walk(sourceCode.ast, sourceCode.visitorKeys, (node) => result.walked.push(label(node)));
      forEachValueNode(sourceCode, (node) => result.fromSteps.push(label(node)));
      forEachValueNode({ ast: sourceCode.ast, visitorKeys: sourceCode.visitorKeys }, (node) => result.fallback.push(label(node)));
      return {};
    },
  };
  const linter = major === 10 ? new Linter({ configType: 'flat' }) : (new Linter9({ configType: 'flat' }) as unknown as Linter);
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        plugins: { t: { rules: { visit: rule as unknown as NonNullable<ESLint.Plugin['rules']>[string] } } },
        rules: { 't/visit': 'error' },
        ...(typescript ? { languageOptions: { parser: tsParser as Linter.Parser } } : {}),
      },
    ],
    typescript ? 'file.ts' : 'file.js',
  );
  expect(messages).toEqual([]);
  return result;
}

const TS_CODE = `
import type { CloudFrontRequestEvent } from 'aws-lambda';
import fs = require('fs');
interface Keys { [Symbol.iterator](): void; [k.name]: string }
type Alias = { [other.key]: number };
declare function declared(x: { [a.b]: string }): void;
enum Color { Red = 'r'.length, Blue = Math.max(1, 2) }
namespace Space { export const inner = obj.prop; }
class Handler<T extends object> extends Base<T> implements Shape, Other<T> {
  constructor(private readonly dep: Dep) { super(); }
  @decorate() method(this: Handler<T>, value: T): T { return value; }
}
export const handler = async (event: CloudFrontRequestEvent): Promise<{ [x.y]: string }> => {
  const request = event.Records[0].cf.request as { [k.y]: string } & typeof event.Records;
  const typed = <Record<string, string>>request;
  const held = call<{ [q.r]: number }>(request.uri satisfies string);
  for (const name in request.headers) held[name] = request.headers[name]!;
  return request;
};
`;

const JS_CODE = `
'use strict';
const { a, b: [c] } = require('x');
exports.handler = (event, context, callback) => {
  const request = event.Records[0].cf.request;
  if ('host' in request.headers) delete request.headers.host;
  label: for (const k of Object.keys(request.headers)) { if (k) continue label; }
  class Local { #p = 1; static { this.x = 2; } get v() { return this.#p; } }
  callback(null, new Local().v ? request : { status: \`\${404}\`, headers: {} });
};
`;

describe.each([10, 9] as const)('forEachValueNode (ESLint %i)', (major) => {
  it('visits what walk visits, in the same order, in TypeScript code with types around value nodes', () => {
    const { walked, fromSteps, fallback } = visits(TS_CODE, true, major);
    expect(fromSteps).toEqual(walked);
    expect(fallback).toEqual(walked);
    // The fixture does hold value-looking nodes inside types, which both skip:
    const inTypes = ['k.name', 'other.key', 'a.b', 'x.y', 'k.y', 'q.r'].map((text) => TS_CODE.indexOf(text));
    for (const start of inTypes) expect(walked.some((l) => l.startsWith(`MemberExpression@${start}-`))).toBe(false);
    // … and value nodes inside TypeScript-only constructs, which both visit:
    for (const text of ["'r'.length", 'Math.max', 'obj.prop', 'event.Records', 'request.uri']) {
      expect(walked.some((l) => l.startsWith(`MemberExpression@${TS_CODE.indexOf(text)}-`))).toBe(true);
    }
    // Type-only declarations are visited themselves, not their insides.
    expect(walked.filter((l) => l.startsWith('TSInterfaceDeclaration@'))).toHaveLength(1);
    expect(walked.filter((l) => l.startsWith('TSTypeAliasDeclaration@'))).toHaveLength(1);
    expect(walked.some((l) => l.startsWith('TSTypeReference@'))).toBe(false);
  });

  it('visits what walk visits in JavaScript code', () => {
    const { walked, fromSteps, fallback } = visits(JS_CODE, false, major);
    expect(walked.length).toBeGreaterThan(100);
    expect(fromSteps).toEqual(walked);
    expect(fallback).toEqual(walked);
  });
});
