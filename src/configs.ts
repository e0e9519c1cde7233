import type { TSESLint } from '@typescript-eslint/utils';
import type { LambdaEdgeRuleDocs } from './create-rule.js';

export type ConfigName = 'recommended' | 'strict' | 'all';

export type LambdaEdgeRule = TSESLint.RuleModule<string, readonly unknown[], LambdaEdgeRuleDocs>;

/** Which configs include a rule, from its `meta.docs.recommended`. */
export function configsOf(rule: LambdaEdgeRule): ConfigName[] {
  const level = rule.meta.docs?.recommended;
  if (level === 'recommended') return ['recommended', 'strict', 'all'];
  if (level === 'strict') return ['strict', 'all'];
  return ['all'];
}

/** The severity a rule has in the configs that include it. */
export function severityOf(rule: LambdaEdgeRule): 'error' | 'warn' {
  return rule.meta.docs?.severity ?? 'error';
}
