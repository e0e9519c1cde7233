import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import type { FunctionNode } from '../../src/estree/nodes.js';
import { type PathDomain, followPaths } from '../../src/estree/path-flow.js';

/** A state: the names of the functions called so far on some path reaching here (`exit()` never returns). */
type Calls = ReadonlySet<string>;

const domain: PathDomain<Calls> = {
  join: (a, b) => new Set([...a, ...b]),
  equals: (a, b) => a.size === b.size && [...a].every((x) => b.has(x)),
  call(node, state) {
    if (node.callee.type !== AST_NODE_TYPES.Identifier) return state;
    if (node.callee.name === 'exit') return undefined;
    return new Set([...state, node.callee.name]);
  },
  createFunction: (_fn, state) => new Set([...state, 'fn']),
};

/** The ends of the first function in `code`: `line:kind {calls}`, kind `return` or `end`. */
function ends(code: string, budget?: number): string[] | undefined {
  const ast = parse(code, { loc: true, range: true, ecmaVersion: 'latest', sourceType: 'module' }) as TSESTree.Program;
  const fn = ast.body.find((s) => s.type === AST_NODE_TYPES.FunctionDeclaration) as FunctionNode;
  const found = followPaths<Calls>(fn, new Set(), domain, visitorKeys, budget);
  return found?.map((e) => `${e.node ? `${e.node.loc.start.line}:return` : 'end'} {${[...e.state].sort().join(',')}}`);
}

describe('followPaths', () => {
  it('joins both branches of if/else and of short-circuits', () => {
    expect(ends(`function f() {\n  if (t()) a(); else b();\n  x && c();\n}`)).toEqual(['end {a,b,c,t}']);
  });

  it('keeps each return with the state of its own path', () => {
    expect(ends(`function f() {\n  if (t()) return a();\n  b();\n}`)).toEqual(['2:return {a,t}', 'end {b,t}']);
  });

  it('does not fall off after an endless loop, a throw, or a call that never returns', () => {
    expect(ends(`function f() {\n  for (;;) { if (t()) return a(); }\n}`)).toEqual(['2:return {a,t}']);
    expect(ends(`function f() {\n  while (true) { if (t()) break; }\n  b();\n}`)).toEqual(['end {b,t}']);
    expect(ends(`function f() {\n  if (t()) throw e();\n  exit();\n}`)).toEqual([]);
  });

  it('a do-while whose body always returns never leaves through its test', () => {
    expect(ends(`function f() {\n  do { return a(); } while (t());\n}`)).toEqual(['2:return {a}']);
  });

  it('iterates loops until the states stop growing', () => {
    expect(ends(`function f() {\n  for (const x of xs) { if (t()) b(); else a(); }\n}`)).toEqual(['end {a,b,t}']);
    expect(ends(`function f() {\n  for (const x of xs) { return a(); }\n}`)).toEqual(['2:return {a}', 'end {}']);
  });

  it('follows switch fall-through, break and a missing default', () => {
    const code = `function f() {\n  switch (k) {\n    case 1: a();\n    case 2: b(); break;\n    default: return c();\n  }\n}`;
    expect(ends(code)).toEqual(['5:return {c}', 'end {a,b}']);
    expect(ends(`function f() {\n  switch (k) {\n    case 1: return a();\n  }\n}`)).toEqual(['3:return {a}', 'end {}']);
  });

  it('starts a catch at any point of the try that can throw', () => {
    expect(ends(`function f() {\n  try { a(); b(); } catch { return c(); }\n}`)).toEqual(['2:return {a,c}', 'end {a,b}']);
  });

  it('runs finally on every way out of the try', () => {
    expect(ends(`function f() {\n  try { return a(); } finally { b(); }\n}`)).toEqual(['2:return {a,b}']);
    // The return in finally wins, also over a throw from `a()`.
    expect(ends(`function f() {\n  try { return a(); } finally { return b(); }\n}`)).toEqual(['2:return {a,b}', '2:return {b}']);
  });

  it('follows labels, labelled break and continue', () => {
    expect(ends(`function f() {\n  out: { if (t()) break out; return a(); }\n  b();\n}`)).toEqual(['2:return {a,t}', 'end {b,t}']);
    const nested = `function f() {\n  outer: for (const x of xs) {\n    for (const y of ys) { if (t()) continue outer; a(); }\n  }\n}`;
    expect(ends(nested)).toEqual(['end {a,t}']);
  });

  it('may skip the rest of an optional chain, and sees nested functions created, not run', () => {
    expect(ends(`function f() {\n  o?.m(a());\n  setTimeout(() => b());\n}`)).toEqual(['end {a,fn,setTimeout}']);
  });

  it('gives up (undefined) past its step budget', () => {
    expect(ends(`function f() {\n  a(); b(); c();\n}`, 3)).toBeUndefined();
  });
});
