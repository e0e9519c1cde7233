// The configurations the benchmarks compare, shared by bench/child-lint.mjs (ESLint API,
// timed) and bench/child-verify.mjs (Linter, counted under valgrind).
import { pathToFileURL } from 'node:url';

const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
const TS = ['**/*.ts', '**/*.mts', '**/*.cts'];

/** The floor: the same parsers as every other configuration, and no rules. */
function floor(tsParser) {
  return [
    { name: 'bench/js', files: JS, languageOptions: { ecmaVersion: 'latest' } },
    { name: 'bench/ts', files: TS, languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } },
    { name: 'bench/options', linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } },
  ];
}

/**
 * name: floor | one-rule | empty-rules | imported | loaded | recommended | strict | all | no-unused-vars | typescript-eslint | timing
 *
 * `loaded` is one-rule with the plugin imported and registered but none of its rules on: what
 * the plugin's loaded modules cost by their presence alone (heap to mark, where collections
 * fall), apart from what its rules do per file; `imported` the same without registering it in
 * the config (the modules in the heap, and nothing of the plugin in ESLint's config).
 */
export async function configFor(name, pluginEntry, tsParser) {
  const base = floor(tsParser);
  if (name === 'floor') return base;
  if (name === 'one-rule') {
    // ESLint skips work when no rule is on at all; one empty rule shows the fixed cost that
    // every real configuration pays before any rule does anything.
    const noop = { meta: { type: 'problem', schema: [] }, create: () => ({}) };
    return [...base, { name: 'bench/one-rule', plugins: { bench: { rules: { noop } } }, rules: { 'bench/noop': 'error' } }];
  }
  if (name === 'empty-rules') {
    // As many empty rules as `all` has, each with a `Program` listener: what ESLint itself
    // charges per rule and file (its context, listener registration, the rule's call), apart
    // from anything a rule does.
    const rules = {};
    for (let i = 0; i < 33; i++) rules[`empty${i}`] = { meta: { type: 'problem', schema: [] }, create: () => ({ Program() {} }) };
    return [...base, { name: 'bench/empty-rules', plugins: { bench: { rules } }, rules: Object.fromEntries(Object.keys(rules).map((r) => [`bench/${r}`, 'error'])) }];
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
  if (name === 'imported') {
    // The plugin's modules in the heap, and nothing of it in the config.
    globalThis.benchImportedPlugin = plugin;
    return configFor('one-rule', pluginEntry, tsParser);
  }
  if (name === 'loaded') {
    const one = await configFor('one-rule', pluginEntry, tsParser);
    return [...one, { name: 'bench/loaded', plugins: { 'lambda-edge': plugin } }];
  }
  const config = plugin.configs[name];
  if (!config) throw new Error(`no config ${name}`);
  return [...base, config];
}
