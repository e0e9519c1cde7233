import type { ESLint, Linter } from 'eslint';
import { rules } from '../rules/index.js';
import { type ConfigName, type LambdaEdgeRule, configsOf } from './configs.js';
import { PACKAGE, PLUGIN_NAMESPACE } from './package-info.js';

export type { LambdaEdgeSettings } from './settings.js';
export type { EventType } from './event-types.js';

export type { ConfigName } from './configs.js';

export interface LambdaEdgePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, LambdaEdgeRule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: LambdaEdgePlugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: PLUGIN_NAMESPACE },
  rules: rules as Record<string, LambdaEdgeRule>,
  configs: {} as Record<ConfigName, Linter.Config>,
};

function buildConfig(name: ConfigName): Linter.Config {
  const ruleLevels: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(plugin.rules)) {
    if (configsOf(rule).includes(name)) ruleLevels[`${PLUGIN_NAMESPACE}/${ruleName}`] = 'error';
  }
  return {
    name: `${PLUGIN_NAMESPACE}/${name}`,
    plugins: { [PLUGIN_NAMESPACE]: plugin as unknown as ESLint.Plugin },
    rules: ruleLevels,
  };
}

plugin.configs.recommended = buildConfig('recommended');
plugin.configs.strict = buildConfig('strict');
plugin.configs.all = buildConfig('all');

export default plugin;
