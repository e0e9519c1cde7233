import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import { type RuleModules, rules } from '../rules/index.js';
import { type ConfigName, type LambdaEdgeRule, configsOf, severityOf } from './configs.js';
import { type HclLanguage, hclLanguage } from './languages/hcl/language.js';
import { PACKAGE, PLUGIN_NAMESPACE } from './package-info.js';

export type { LambdaEdgeSettings } from './settings.js';
export type { EventType } from './event-types.js';

export type { ConfigName } from './configs.js';

type OptionsOf<Rule> =
  Rule extends TSESLint.RuleModule<string, infer Options extends readonly unknown[], infer _Docs> ? Options : never;

/** Each option object may leave out what has a default. */
type PartialOptions<Options extends readonly unknown[]> = { [Index in keyof Options]: Partial<Options[Index]> };

/** Each rule's options tuple, by its full name: `LambdaEdgeRuleOptions['lambda-edge/no-env-vars']`. */
export type LambdaEdgeRuleOptions = {
  [Name in keyof RuleModules as `lambda-edge/${Name}`]: OptionsOf<RuleModules[Name]>;
};

/**
 * The plugin's entries for a flat config's `rules`, with options typed:
 * `rules: { 'lambda-edge/no-env-vars': ['error', { allow: ['STAGE'] }] } satisfies LambdaEdgeRulesConfig`.
 */
export type LambdaEdgeRulesConfig = {
  [Name in keyof LambdaEdgeRuleOptions]?:
    | Linter.RuleSeverity
    | [Linter.RuleSeverity, ...PartialOptions<LambdaEdgeRuleOptions[Name]>];
};

export interface LambdaEdgePlugin {
  meta: { name: string; version: string; namespace: string };
  /**
   * Each rule is a typescript-eslint rule module and, for users, an ESLint `Rule.RuleModule`:
   * without the second type, `plugins: { 'lambda-edge': lambdaEdge }` in a typed config fails
   * (typescript-eslint's RuleContext is not ESLint's).
   */
  rules: Record<string, LambdaEdgeRule & Rule.RuleModule>;
  /**
   * `recommended`, `strict`, `all`: the rules for JS/TS files (handlers and CDK apps).
   * `infrastructure`: the `infra-*` rules for Serverless, SAM/CloudFormation and Terraform
   * files, as `files`-scoped entries with the YAML, JSON and HCL languages they need.
   */
  configs: Record<ConfigName, Linter.Config> & { infrastructure: Linter.Config[] };
  /**
   * ESLint languages (ESLint ≥ 9.7): `language: 'lambda-edge/hcl'` lints Terraform `.tf` files,
   * for rules written against the HCL syntax tree (src/languages/hcl/ast.ts).
   */
  languages: { hcl: HclLanguage };
}

const plugin: LambdaEdgePlugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: PLUGIN_NAMESPACE },
  rules: rules as unknown as LambdaEdgePlugin['rules'],
  configs: {} as LambdaEdgePlugin['configs'],
  languages: { hcl: hclLanguage },
};

function buildConfig(name: ConfigName): Linter.Config {
  const ruleLevels: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(plugin.rules)) {
    if (configsOf(rule).includes(name)) ruleLevels[`${PLUGIN_NAMESPACE}/${ruleName}`] = severityOf(rule);
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

/** Serverless services and SAM/CloudFormation templates under their usual names. */
const INFRASTRUCTURE_FILES = {
  yaml: ['**/serverless.yml', '**/serverless.yaml', '**/template.yml', '**/template.yaml', '**/*.template.yml', '**/*.template.yaml'],
  json: ['**/serverless.json', '**/template.json', '**/*.template.json'],
  hcl: ['**/*.tf'],
  /** Generated templates: CDK's synth output, SAM's build folder, Serverless' package. */
  ignores: ['**/cdk.out/**', '**/.aws-sam/**', '**/.serverless/**', '**/.terraform/**'],
};

let infrastructure: Linter.Config[] | undefined;
/**
 * Built on first use, so that a config without it never loads eslint-plugin-yml or
 * @eslint/json. Each language's plugin is registered under the name its language id
 * needs (`yml/yaml`, `json/json`).
 */
function buildInfrastructureConfigs(): Linter.Config[] {
  const require = createRequire(import.meta.url);
  const load = (id: string) => {
    const module = require(id) as { default?: ESLint.Plugin } & ESLint.Plugin;
    return module.default ?? module;
  };
  const ruleLevels: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(plugin.rules)) {
    // valid-configuration too: a mistake written in these files lands on their lines. Only the
    // recommended rules: infra-unresolved (strict) reaches these files through `strict` and
    // `all`, which have no `files` and so apply to every file these entries add.
    if ((ruleName.startsWith('infra-') || ruleName === 'valid-configuration') && configsOf(rule).includes('recommended')) {
      ruleLevels[`${PLUGIN_NAMESPACE}/${ruleName}`] = severityOf(rule);
    }
  }
  const self = plugin as unknown as ESLint.Plugin;
  return [
    {
      name: `${PLUGIN_NAMESPACE}/infrastructure/yaml`,
      files: INFRASTRUCTURE_FILES.yaml,
      ignores: INFRASTRUCTURE_FILES.ignores,
      plugins: { yml: load('eslint-plugin-yml'), [PLUGIN_NAMESPACE]: self },
      language: 'yml/yaml',
      rules: ruleLevels,
    },
    {
      name: `${PLUGIN_NAMESPACE}/infrastructure/json`,
      files: INFRASTRUCTURE_FILES.json,
      ignores: INFRASTRUCTURE_FILES.ignores,
      plugins: { json: load('@eslint/json'), [PLUGIN_NAMESPACE]: self },
      language: 'json/json',
      rules: ruleLevels,
    },
    {
      name: `${PLUGIN_NAMESPACE}/infrastructure/terraform`,
      files: INFRASTRUCTURE_FILES.hcl,
      ignores: INFRASTRUCTURE_FILES.ignores,
      plugins: { [PLUGIN_NAMESPACE]: self },
      language: `${PLUGIN_NAMESPACE}/hcl`,
      rules: ruleLevels,
    },
  ];
}
Object.defineProperty(plugin.configs, 'infrastructure', {
  enumerable: true,
  get: () => (infrastructure ??= buildInfrastructureConfigs()),
});

export default plugin;
