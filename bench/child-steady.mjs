// One run of bench/steady.mjs: lint the corpus `warm` times, then `passes` times under V8's
// sampling profiler, and print per-file figures as one JSON line.
//
//   node bench/child-steady.mjs <pluginEntry> <config> <corpusDir> <fileListJson> <warm> <passes> <intervalMicros>
//
// A sample counts for the rules when any frame of its stack is in the plugin's folder (the
// snapshot bench/common.mjs makes) or in the code of ESLint's or typescript-eslint's rules, so
// the plugin and a peer such as no-unused-vars are measured alike; the collector's samples are
// V8's "(garbage collector)".
import { Session } from 'node:inspector/promises';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { configFor } from './configs.mjs';

const [pluginEntry, configName, corpusDir, listFile, warm, passes, interval] = process.argv.slice(2);
const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const config = await configFor(configName, pluginEntry, tsParser);
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const texts = files.map((file) => readFileSync(file, 'utf8'));
const eslint = new ESLint({ cwd: corpusDir, overrideConfigFile: true, overrideConfig: config, cache: false });
const lintAll = async () => {
  for (let i = 0; i < files.length; i++) await eslint.lintText(texts[i], { filePath: files[i] });
};
for (let p = 0; p < Number(warm); p++) await lintAll();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: Number(interval) });
await session.post('Profiler.start');
const cpu0 = process.cpuUsage();
for (let p = 0; p < Number(passes); p++) await lintAll();
const cpu = process.cpuUsage(cpu0);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const ruleCode = [pathToFileURL(dirname(dirname(pluginEntry))).href, '/node_modules/eslint/lib/rules/', '/node_modules/@typescript-eslint/eslint-plugin/'];
const isRuleCode = (url) => ruleCode.some((part) => (part.startsWith('file:') ? url.startsWith(part) : url.includes(part)));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
// Per profile node: does its stack hold a rule's frame? (computed once per node, not per sample)
const underRule = new Map();
const isUnderRule = (id) => {
  let known = underRule.get(id);
  if (known === undefined) {
    const node = byId.get(id);
    const parent = parentOf.get(id);
    known = isRuleCode(node.callFrame.url) || (parent !== undefined && isUnderRule(parent));
    underRule.set(id, known);
  }
  return known;
};
let ruleSamples = 0;
let gcSamples = 0;
for (const id of profile.samples) {
  if (isUnderRule(id)) ruleSamples++;
  else if (byId.get(id).callFrame.functionName === '(garbage collector)') gcSamples++;
}
const linted = files.length * Number(passes);
const mainMs = (profile.endTime - profile.startTime) / 1000 / linted;
const share = (n) => (profile.samples.length === 0 ? 0 : (n / profile.samples.length) * mainMs);
process.stdout.write(
  `${JSON.stringify({ config: configName, files: files.length, passes: Number(passes), samples: profile.samples.length, cpuMs: (cpu.user + cpu.system) / 1000 / linted, mainMs, rulesMs: share(ruleSamples), gcMs: share(gcSamples) })}\n`,
);
