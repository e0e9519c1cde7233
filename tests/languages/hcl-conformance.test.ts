// The HCL parser against HashiCorp's (hashicorp/hcl compiled to WebAssembly, @cdktn/hcl2json, a
// devDependency) on generated files, valid and broken, from a fixed seed: the same files accepted
// and rejected, and for accepted files the same block types, labels, attribute names and literal
// values. The real-corpus run is scripts/hcl-conformance.mjs (docs/infrastructure.md).
import { parse as hashicorp } from '@cdktn/hcl2json';
import { describe, expect, it } from 'vitest';
import { parseHcl, staticValue } from '../../src/languages/hcl/index.js';
// @ts-expect-error -- a plain ES module shared with the conformance script, no types
import { firstDifference, oracle, shapeOfBody } from '../../scripts/hcl-shape.mjs';
import { HclGenerator, breakFile, random } from './hcl-generator.js';

const SEED = 14;
const FILES = 400;

interface Verdict {
  ok: boolean;
  shape?: unknown;
  message?: string;
}

describe('HCL parser vs HashiCorp (generated corpus)', () => {
  it(`agrees on ${FILES} files, half of them broken`, async () => {
    const next = random(SEED);
    const generator = new HclGenerator(next);
    const disagreements: string[] = [];
    const counts = { accepted: 0, rejected: 0, compared: 0 };
    for (let i = 0; i < FILES; i++) {
      const valid = generator.file();
      const text = i % 2 === 1 ? breakFile(valid, next) : valid;
      const ours = parseHcl(text);
      const theirs = (await oracle(hashicorp, 'main.tf', text)) as Verdict;
      if (ours.ok !== theirs.ok) {
        const why = ours.ok ? `HashiCorp: ${theirs.message}` : `ours: ${ours.error.line}:${ours.error.column} ${ours.error.message}`;
        disagreements.push(`${JSON.stringify(text)} → ${why}`);
        continue;
      }
      counts[ours.ok ? 'accepted' : 'rejected']++;
      if (ours.ok && theirs.shape !== undefined) {
        counts.compared++;
        const difference = firstDifference(shapeOfBody(ours.ast.body, staticValue), theirs.shape) as string | undefined;
        if (difference) disagreements.push(`${JSON.stringify(text)} → structure ${difference}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The corpus exercises both sides: many files of each verdict, most accepted ones compared.
    expect(counts.accepted).toBeGreaterThan(FILES / 4);
    expect(counts.rejected).toBeGreaterThan(FILES / 4);
    expect(counts.compared).toBeGreaterThan(counts.accepted / 2);
  }, 120_000);

  it('the comparison itself notices a different value and a missing attribute', () => {
    const ast = parseHcl('a = 1\nb "x" {\n  c = "s"\n}\n');
    if (!ast.ok) throw new Error('parse');
    const shape = shapeOfBody(ast.ast.body, staticValue);
    expect(shape).toEqual({ a: 1, b: { x: [{ c: 's' }] } });
    expect(firstDifference(shape, { a: 2, b: { x: [{ c: 's' }] } })).toBe('.a: 1 ≠ 2');
    expect(firstDifference(shape, { a: 1, b: { x: [{}] } })).toBe('.b.x[0].c: present on one side only');
    expect(firstDifference(shape, { a: '<expr>', b: { x: [{ c: 's' }] } })).toBeUndefined();
  });
});
