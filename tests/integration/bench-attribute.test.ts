import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * bench/attribute.mjs splits a callgrind dump into V8 subsystems by self cost. The dump below
 * is written in callgrind's format (name compression, relative and `*` positions, a call
 * whose inclusive cost must not be counted as the caller's own).
 */
const DUMP = `# callgrind format
version: 1
positions: line
events: Ir
summary: 1111

ob=(1) /usr/bin/node
fl=(1) ???
fn=(1) v8::internal::compiler::PipelineImpl::OptimizeGraph(v8::internal::compiler::Linkage*)
0 500
cfn=(2) v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace)
calls=1 0
0 9000
fn=(2)
0 300
+2 100
fn=(3) Builtins_LoadIC_Megamorphic
* 60
fn=(4) Builtins_ArrayPrototypePush
0 40
fn=(5) 0x000000000c0ffee0
0 70
fn=(6) uv_run
-1 41
`;

describe('bench/attribute.mjs', () => {
  it('counts each function once, by self cost, into its subsystem', async () => {
    const { attribute } = (await import(pathToFileURL(path.join(repoRoot, 'bench', 'attribute.mjs')).href)) as { attribute: (text: string) => Record<string, number> };
    expect(attribute(DUMP)).toEqual({
      'optimising compiler': 500,
      'parse + bytecode': 0,
      'garbage collector': 400,
      'inline-cache builtins': 60,
      'other builtins': 40,
      'JIT-compiled JavaScript': 70,
      'other native': 41,
      total: 1111,
    });
  });

  it('refuses a dump whose buckets do not add up to its summary', async () => {
    const { attribute } = (await import(pathToFileURL(path.join(repoRoot, 'bench', 'attribute.mjs')).href)) as { attribute: (text: string) => unknown };
    expect(() => attribute(DUMP.replace('summary: 1111', 'summary: 1112'))).toThrow('the buckets add up to 1111, the dump\'s summary says 1112');
  });
});
