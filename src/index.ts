import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from '../rules/index.js';
import { type ConfigName, type LambdaEdgeRule, configsOf } from './configs.js';
import { PACKAGE, PLUGIN_NAMESPACE } from './package-info.js';

export type { LambdaEdgeSettings } from './settings.js';
export type { EventType } from './event-types.js';

export type { ConfigName } from './configs.js';

export interface LambdaEdgePlugin {
  meta: { name: string; version: string; namespace: string };
  /**
   * Each rule is a typescript-eslint rule module and, for users, an ESLint `Rule.RuleModule`:
   * without the second type, `plugins: { 'lambda-edge': lambdaEdge }` in a typed config fails
   * (typescript-eslint's RuleContext is not ESLint's).
   */
  rules: Record<string, LambdaEdgeRule & Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: LambdaEdgePlugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: PLUGIN_NAMESPACE },
  rules: rules as unknown as LambdaEdgePlugin['rules'],
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
