#!/usr/bin/env node
// Compares the plugin's HCL parser with HashiCorp's (hashicorp/hcl compiled to WebAssembly,
// @cdktn/hcl2json, a devDependency) on every .tf file under the folders given:
//   npm run hcl:conformance -- <dir> [<dir>…] [--verbose]
// Prints the files read, the false rejections (HashiCorp accepts, we reject), the false
// acceptances (we accept, HashiCorp rejects), structure mismatches (block types, labels,
// attribute names, literal values) and the parse time of each parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parse as oracleParse } from '@cdktn/hcl2json';
import { parseHcl, staticValue } from '../dist/src/languages/hcl/index.js';
import { firstDifference, oracle, shapeOfBody } from './hcl-shape.mjs';

const { values, positionals } = parseArgs({ options: { verbose: { type: 'boolean' }, lezer: { type: 'boolean' } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error('usage: npm run hcl:conformance -- <dir> [<dir>…] [--verbose] [--lezer]');
  process.exit(2);
}

function* tfFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tfFiles(path);
    else if (entry.isFile() && entry.name.endsWith('.tf')) yield path;
  }
}

const files = positionals.flatMap((dir) => [...tfFiles(dir)]);
const result = { files: 0, bytes: 0, bothAccept: 0, bothReject: 0, falseRejections: [], falseAcceptances: [], mismatches: [] };
let oursMs = 0;
let oracleMs = 0;
let lezerMs = 0;
let lezerRejections = 0;
const lezer = values.lezer ? await loadLezer() : undefined;

for (const path of files) {
  const text = readFileSync(path, 'utf8');
  if (statSync(path).size === 0) continue;
  result.files++;
  result.bytes += Buffer.byteLength(text);
  let start = performance.now();
  const ours = parseHcl(text);
  oursMs += performance.now() - start;
  start = performance.now();
  const theirs = await oracle(oracleParse, path, text);
  const theirError = theirs.ok ? undefined : theirs.message.split('\n')[0];
  oracleMs += performance.now() - start;
  if (lezer) {
    start = performance.now();
    if (lezer(text)) lezerRejections += theirError ? 0 : 1;
    lezerMs += performance.now() - start;
  }
  const name = relative(process.cwd(), path);
  if (ours.ok && theirError) result.falseAcceptances.push(`${name}: HashiCorp says ${theirError.slice(0, 300)}`);
  else if (!ours.ok && !theirError) result.falseRejections.push(`${name}:${ours.error.line}:${ours.error.column}: ${ours.error.message}`);
  else if (!ours.ok) result.bothReject++;
  else {
    result.bothAccept++;
    const difference = theirs.shape && firstDifference(shapeOfBody(ours.ast.body, staticValue), theirs.shape);
    if (difference) result.mismatches.push(`${name}: ${difference}`);
  }
}

async function loadLezer() {
  const { hclLanguage } = await import('codemirror-lang-hcl');
  return (text) => {
    let bad = false;
    hclLanguage.parser.parse(text).iterate({ enter: (node) => { if (node.type.isError) bad = true; return !bad; } });
    return bad;
  };
}

const list = (title, items) => {
  console.log(`${title}: ${items.length}`);
  for (const item of values.verbose ? items : items.slice(0, 20)) console.log(`  ${item}`);
};
console.log(`files: ${result.files} (${(result.bytes / 1e6).toFixed(2)} MB); both accept ${result.bothAccept}, both reject ${result.bothReject}`);
list('false rejections (HashiCorp accepts, we reject)', result.falseRejections);
list('false acceptances (we accept, HashiCorp rejects)', result.falseAcceptances);
list('structure mismatches (both accept)', result.mismatches);
console.log(`time: ours ${oursMs.toFixed(0)} ms, HashiCorp (Wasm) ${oracleMs.toFixed(0)} ms${lezer ? `, codemirror-lang-hcl ${lezerMs.toFixed(0)} ms (${lezerRejections} false rejections)` : ''}`);
process.exit(result.falseRejections.length + result.falseAcceptances.length + result.mismatches.length > 0 ? 1 : 0);
