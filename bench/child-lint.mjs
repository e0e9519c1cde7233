// One benchmark measurement, in a fresh process: lint a corpus with one configuration and
// print a JSON line with the times and memory. Spawned by bench/run.mjs.
//
//   node bench/child-lint.mjs <pluginEntry> <config> <corpusDir> <fileListJson>
//
// <config>: floor | one-rule | recommended | strict | all | no-unused-vars | typescript-eslint | timing
import { readFileSync } from 'node:fs';
import { configFor } from './configs.mjs';

const [pluginEntry, configName, corpusDir, listFile] = process.argv.slice(2);

let maxSampled = process.memoryUsage().rss;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  if (rss > maxSampled) maxSampled = rss;
}, 5);
sampler.unref();

const t0 = performance.now();
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;

const config = await configFor(configName, pluginEntry, tsParser);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const tLoaded = performance.now();

const cpu0 = process.cpuUsage();
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: config, cache: false });
const results = await eslint.lintFiles(files);
const tDone = performance.now();
// CPU time of the process (all threads, including GC): far less sensitive than wall time to
// other processes competing for the cores.
const cpu = process.cpuUsage(cpu0);

let messages = 0;
let fatal = 0;
const byRule = {};
for (const r of results) {
  for (const m of r.messages) {
    if (m.fatal) fatal++;
    else messages++;
    const key = m.ruleId ?? '(fatal)';
    byRule[key] = (byRule[key] ?? 0) + 1;
  }
}
clearInterval(sampler);
const rss = process.memoryUsage().rss;
if (rss > maxSampled) maxSampled = rss;

process.stdout.write(
  `${JSON.stringify({
    config: configName,
    files: results.length,
    loadMs: tLoaded - t0,
    lintMs: tDone - tLoaded,
    cpuMs: (cpu.user + cpu.system) / 1000,
    messages,
    fatal,
    byRule,
    rssSampledMax: maxSampled,
    maxRSS: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
