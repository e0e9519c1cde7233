import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, expectTypeOf, it } from 'vitest';
import plugin, { type LambdaEdgeRuleOptions, type LambdaEdgeRulesConfig } from '../src/index.js';

// The assertions marked @ts-expect-error are checked by `npm run typecheck` (tsc over tests/).
describe('typed rule options', () => {
  it('accepts valid options and severities', () => {
    const rules = {
      'lambda-edge/no-env-vars': ['error', { allow: ['STAGE'] }],
      'lambda-edge/max-generated-response-size': ['warn', { viewerLimit: 30_000 }],
      'lambda-edge/valid-header-shape': ['error', { checkKeyMatchesName: true }],
      'lambda-edge/no-numeric-status': 'error',
    } satisfies LambdaEdgeRulesConfig;
    const config = defineConfig([plugin.configs.recommended, { rules }]);
    expect(config.at(-1)?.rules).toEqual(rules);
  });

  it('rejects a misspelt option, a wrong option type and an unknown rule', () => {
    const wrong: LambdaEdgeRulesConfig[] = [
      // @ts-expect-error: the option is `allow`, not `allowed`
      { 'lambda-edge/no-env-vars': ['error', { allowed: ['STAGE'] }] },
      // @ts-expect-error: limits are numbers of bytes
      { 'lambda-edge/max-generated-response-size': ['error', { viewerLimit: '40 KB' }] },
      // @ts-expect-error: no such rule
      { 'lambda-edge/no-such-rule': 'error' },
    ];
    expect(wrong).toHaveLength(3);
  });

  it('exposes each rule\'s options tuple', () => {
    expectTypeOf<LambdaEdgeRuleOptions['lambda-edge/no-env-vars']>().toEqualTypeOf<[{ allow?: string[] }]>();
    expectTypeOf<LambdaEdgeRuleOptions['lambda-edge/no-numeric-status']>().toEqualTypeOf<[]>();
    expectTypeOf(plugin.configs.all).toMatchTypeOf<Linter.Config>();
  });
});
