#!/usr/bin/env node
// Where the instructions of a callgrind dump go, by V8 subsystem: the optimising compiler
// (TurboFan), parsing and bytecode, the garbage collector, inline-cache builtins, other
// builtins, JIT-compiled JavaScript (callgrind sees it only as addresses) and other native
// code (Node, libuv, libc). Self cost of each function, so the buckets add up to the dump's
// total. Reads the dumps that `node bench/instructions.mjs --keep-dumps` leaves, one stretch
// between two marks per file (cg.out.3 = files 51–150 of a 50,150,200 run).
//
//   node bench/attribute.mjs <callgrind dump> [<callgrind dump> …]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUCKETS = [
  ['optimising compiler', /compiler::|turboshaft|[Tt]urbo[Ff]an|maglev|Maglev|OptimizedCompilationJob|PipelineImpl|::Compiler::/],
  ['parse + bytecode', /Parser|Scanner|BytecodeGenerator|interpreter::|ParseInfo/],
  ['garbage collector', /Heap::|Scaveng|MarkCompact|Marking|Sweeper|heap::|GCTracer|MemoryAllocator|PagedSpace|NewSpace|Evacuat|RememberedSet|SlotSet|LargeObjectSpace|MemoryChunk|PageMetadata|Worklist|BodyDescriptor|HeapVisitor/],
  ['inline-cache builtins', /^Builtins_.*(IC|LoadGlobal|StoreGlobal|KeyedLoad|KeyedStore|Megamorphic)/],
  ['other builtins', /^Builtins_/],
  ['JIT-compiled JavaScript', /^0x[0-9a-f]+$/],
];
const bucketOf = (name) => BUCKETS.find(([, test]) => test.test(name))?.[0] ?? 'other native';

/** Self cost per bucket of one dump: cost lines under `fn=`, minus the inclusive lines after `calls=`. */
export function attribute(text) {
  const names = new Map();
  const result = Object.fromEntries([...BUCKETS.map(([name]) => name), 'other native'].map((name) => [name, 0]));
  let current = '';
  let afterCalls = false;
  let total = 0;
  for (const line of text.split('\n')) {
    const fn = /^(c?)fn=\((\d+)\)(?: (.*))?$/.exec(line);
    if (fn) {
      if (fn[3] !== undefined) names.set(fn[2], fn[3]);
      if (!fn[1]) current = names.get(fn[2]) ?? '';
      continue;
    }
    if (line.startsWith('calls=')) {
      afterCalls = true;
      continue;
    }
    if (!/^(?:[-+]?\d+|\*)\s/.test(line)) continue;
    if (afterCalls) {
      afterCalls = false;
      continue;
    }
    const count = Number(line.trim().split(/\s+/).at(-1));
    if (!Number.isFinite(count)) continue;
    total += count;
    result[bucketOf(current)] += count;
  }
  const summary = /^summary:\s*(\d+)/m.exec(text);
  if (summary && Number(summary[1]) !== total) throw new Error(`the buckets add up to ${total}, the dump's summary says ${summary[1]}`);
  return { ...result, total };
}

function main(files) {
  if (files.length === 0 || files.includes('--help')) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 9).join('\n'));
    process.exit(files.length === 0 ? 2 : 0);
  }
  const rows = files.map((file) => ({ file, ...attribute(readFileSync(file, 'utf8')) }));
  const columns = Object.keys(rows[0]).filter((k) => k !== 'file');
  console.log(`| Dump | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '--:').join('|')}|`);
  for (const row of rows) console.log(`| ${row.file} | ${columns.map((c) => (row[c] / 1e6).toFixed(0)).join(' | ')} |`);
  console.log('\n(millions of instructions, self cost)');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
