// One benchmark measurement, in a fresh process: lint a corpus with one configuration and
// print a JSON line with the times and memory. Spawned by bench/run.mjs.
//
//   node bench/child-lint.mjs <pluginEntry> <config> <corpusDir> <fileListJson>
//
// <config>: floor | one-rule | recommended | strict | all | no-unused-vars | typescript-eslint | timing
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

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

const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];
/** The floor: the same parsers as every other configuration, and no rules. */
const base = [
  { name: 'bench/js', files: JS, languageOptions: { ecmaVersion: 'latest' } },
  { name: 'bench/ts', files: TS, languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
  { name: 'bench/options', linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
];

async function configFor(name) {
  if (name === 'floor') return base;
  if (name === 'one-rule') {
    // ESLint skips work when no rule is on at all; one empty rule shows the fixed cost that
    // every real configuration pays before any rule does anything.
    const noop = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
    return [...base, { name: 'bench/one-rule', plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }];
  }
  if (name === 'no-unused-vars') return [...base, { name: 'bench/no-unused-vars', rules: { 'no-unused-vars': 'error' } }];
  if (name === 'typescript-eslint') {
    const tseslint = (await import('typescript-eslint')).default;
    // Keep the floor's parsers: typescript-eslint's base config would parse .js with its parser.
    const configs = tseslint.configs.recommended.map((c) => {
      if (!c.languageOptions) return c;
      const { languageOptions: _dropped, ...rest } = c;
      return rest;
    });
    return [...configs, ...base];
  }
  const plugin = (await import(pathToFileURL(pluginEntry).href)).default;
  if (name === 'timing') {
    // Per-rule times (TIMING=all): the plugin's `all` plus no-unused-vars, same process.
    return [...base, plugin.configs.all, { name: 'bench/no-unused-vars', rules: { 'no-unused-vars': 'error' } }];
  }
  const config = plugin.configs[name];
  if (!config) throw new Error(`no config ${name}`);
  return [...base, config];
}

const config = await configFor(configName);
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
