import { ESLintUtils } from '@typescript-eslint/utils';
import { generatedCodeOf, withoutForeignReports } from './generated-code.js';
import { getAnalysis } from './model/index.js';
import { REPOSITORY_URL } from './package-info.js';

export interface LambdaEdgeRuleDocs {
  /** The configs that enable the rule: `recommended` implies `strict` and `all`. */
  recommended?: 'recommended' | 'strict';
  /**
   * Severity in the configs. 'warn' for reports that break the documented contract without
   * a documented failure (a numeric status: the guide documents a string, but a number is not documented to fail).
   */
  severity?: 'warn';
  requiresTypeChecking?: false;
}

/**
 * Docs URLs point at the rule's page on the main branch: a ref that always exists. (A version
 * tag would match the installed rule more closely, but v0.1.0 was never tagged and the links
 * were dead; docs/releasing.md tags each release, and the installed package carries its own
 * docs/ folder for the exact version.)
 */
export const RULE_DOCS_BASE = `${REPOSITORY_URL}/blob/main/docs/rules/`;

export const ruleCreator = ESLintUtils.RuleCreator<LambdaEdgeRuleDocs>((name) => `${RULE_DOCS_BASE}${name}.md`);

function sameElements(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rule options are shared between files, so no rule may change them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The one rule factory of the plugin: typescript-eslint's RuleCreator (docs URL, typed
 * options and messages), with a `create` that costs next to nothing where there is nothing
 * to check. ESLint calls `create` for every rule and every file, so:
 * - it is the one edge gate: a file without Lambda@Edge code (the shared model, cached on the
 *   AST, says so after one regex test) gets no listeners and the rule's own `create` is never
 *   called; configuration problems are reported by `valid-configuration` alone;
 * - generated code is not the user's: a minified file or an unmarked bundle gets no listeners,
 *   and a report inside a marked third-party section of a bundle (`// node_modules/…`) is
 *   dropped (src/generated-code.ts);
 * - options are merged with their defaults once per distinct configuration, not once per
 *   file and rule (RuleCreator deep-clones the defaults on every call).
 */
export const createRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const defaults = spec.meta.defaultOptions ?? spec.defaultOptions ?? [];
  type Options = Parameters<typeof spec.create>[1];
  const merged = new Map<string, Options>();
  let noOptions: Options | undefined;
  /**
   * ESLint hands a new options array to every `create` call, but its elements are the same
   * objects from one file to the next (the config's, or `meta.defaultOptions`' when the config
   * gives none): the merge is found by the first element's identity, and by its text only
   * when the elements are new objects (ESLint's own merge of user options with the defaults).
   */
  const byElement = new WeakMap<object, { options: readonly unknown[]; result: Options }>();
  const optionsFor = (options: readonly unknown[]): Options => {
    if (options.length === 0) return (noOptions ??= deepFreeze(structuredClone(defaults as Options)));
    const first = options[0];
    const hit = first && typeof first === 'object' ? byElement.get(first) : undefined;
    if (hit && sameElements(hit.options, options)) return hit.result;
    const key = JSON.stringify(options);
    let result = merged.get(key);
    if (!result) {
      // Cloned before freezing: the merge may hold the user's own config objects.
      result = deepFreeze(structuredClone(ESLintUtils.applyDefault(defaults as Options, options as Options)));
      // A long-lived process (an editor) sees few distinct option sets; keep it bounded anyway.
      if (merged.size > 100) merged.clear();
      merged.set(key, result);
    }
    if (first && typeof first === 'object') byElement.set(first, { options: [...options], result });
    return result;
  };
  return {
    ...rule,
    create(context) {
      const analysis = getAnalysis(context);
      if (!analysis.isEdge) return {};
      const generated = generatedCodeOf(context.sourceCode);
      if (generated.whole) return {};
      return spec.create(withoutForeignReports(context, generated), optionsFor(context.options));
    },
  };
};

/**
 * For the rules that run on every file, outside the edge gate (`valid-configuration`, the
 * `infra-*` rules): RuleCreator's docs URL and types, without its `create` wrapper, which
 * `structuredClone`s the default options on every call (ESLint calls `create` once per file
 * and rule: for these eleven rules it was a third of what the plugin cost on ordinary code).
 * The defaults are merged once per distinct option set, as in `createRule`.
 */
export const createUngatedRule: typeof ruleCreator = (spec) => {
  const rule = ruleCreator(spec);
  const defaults = spec.meta.defaultOptions ?? spec.defaultOptions ?? [];
  type Options = Parameters<typeof spec.create>[1];
  let noOptions: Options | undefined;
  // `schema: []`: ESLint refuses any option for the rule before `create`, so there are none to read.
  const takesOptions = !(Array.isArray(spec.meta.schema) && spec.meta.schema.length === 0);
  return {
    ...rule,
    create(context) {
      // With options, RuleCreator's own merge (these rules take none: their schema is []).
      if (takesOptions && context.options.length > 0) return rule.create(context);
      return spec.create(context, (noOptions ??= deepFreeze(structuredClone(defaults as Options))));
    },
  };
};
