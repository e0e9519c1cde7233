// Infrastructure discovery, in a fresh process: the first lookupFile() call (cold: reads and
// parses the infrastructure code, loading parsers on demand), then warm lookups of every
// handler file. Spawned by bench/run.mjs.
//
//   node bench/child-discovery.mjs <infraIndexEntry> <appDir> <expectedJson>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [entry, appDir, expectedFile] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));

const t0 = performance.now();
const infra = await import(pathToFileURL(entry).href);
const tImported = performance.now();

const options = { cwd: appDir, infrastructure: undefined, handlers: undefined };
infra.lookupFile(options, expected[0].file);
const tCold = performance.now();

// Warm: every handler file, several times over; discovery must not run again.
const rounds = 20;
let found = 0;
let correct = 0;
for (let round = 0; round < rounds; round++) {
  for (const e of expected) {
    const hit = infra.lookupFile(options, e.file);
    if (round === 0 && hit) {
      found++;
      if (hit.byExport.get(e.exportName)?.has(e.eventType)) correct++;
    }
  }
}
const tWarm = performance.now();
// A file no infrastructure names (the common case while linting).
for (let i = 0; i < 1000; i++) infra.lookupFile(options, `${appDir}/web/page-${i % 40}.js`);
const tMiss = performance.now();

const map = infra.getInfrastructureMap(options);
const bySource = {};
for (const b of map.bindings) bySource[b.source] = (bySource[b.source] ?? 0) + 1;

process.stdout.write(
  `${JSON.stringify({
    importMs: tImported - t0,
    coldMs: tCold - tImported,
    warmPerLookupUs: ((tWarm - tCold) * 1000) / (rounds * expected.length),
    missPerLookupUs: (tMiss - tWarm) * 1000 / 1000,
    functions: expected.length,
    found,
    correct,
    bindings: map.bindings.length,
    bySource,
    problems: map.problems.map((p) => p.message),
    maxRSS: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
