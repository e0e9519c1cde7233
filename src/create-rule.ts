import { ESLintUtils } from '@typescript-eslint/utils';
import { PACKAGE, REPOSITORY_URL } from './package-info.js';

export interface LambdaEdgeRuleDocs {
  /** The configs that enable the rule: `recommended` implies `strict` and `all`. */
  recommended?: 'recommended' | 'strict';
  /**
   * Severity in the configs. 'warn' for reports that break the documented contract without
   * a documented failure (fact sheet: a numeric status is suggested as a warning).
   */
  severity?: 'warn';
  requiresTypeChecking?: false;
}

/**
 * The one rule factory of the plugin. Docs URLs point at the docs of the installed
 * version (the git tag), so an editor's link matches the rule that produced the report.
 */
export const createRule = ESLintUtils.RuleCreator<LambdaEdgeRuleDocs>(
  (name) => `${REPOSITORY_URL}/blob/v${PACKAGE.version}/docs/rules/${name}.md`,
);
