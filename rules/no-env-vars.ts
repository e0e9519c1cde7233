import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { outerParent } from '../src/estree/nodes.js';
import { EVERY_VARIABLE } from '../src/build-defines.js';
import { RUNTIME_VARIABLES } from '../src/facts/runtime.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';
import type { Analysis } from '../src/model/types.js';

type EnvUse = ReturnType<Analysis['envUses']>[number];

/**
 * Values that name a test or development environment. At the edge every user variable is
 * undefined, and undefined equals none of these: `process.env.NODE_ENV !== 'test'` is true and
 * `=== 'development'` is false there, so the code takes the side written for "not test, not
 * development", which is production. Such a comparison behaves as intended and is not reported.
 */
const NON_PRODUCTION_VALUES: ReadonlySet<string> = new Set(['test', 'testing', 'dev', 'develop', 'development', 'local']);
/**
 * Names of a variable that marks a non-production mode when set: `IS_OFFLINE` (which
 * serverless-offline sets), `IS_LOCAL`, `IS_DEVELOP`, `IS_TEST`, `DEV`, `DEV_MODE`, `LOCAL_DEV`,
 * `isDev`. Tested for truthiness only, undefined takes the production side. `DEBUG`, `VERBOSE`
 * or `ENABLE_X` name settings someone means to turn on, and stay reported.
 */
const NON_PRODUCTION_MODE = /^(?:is_?|run_?|use_?)?(?:local_?)?(?:dev|develop|development|local|offline|test|testing)(?:_?(?:mode|env))?$/i;
/** Values that name production: compared with undefined they take the non-production side. */
const PRODUCTION_VALUES: ReadonlySet<string> = new Set(['production', 'prod']);

type MessageIds = 'envVar' | 'dynamicEnvVar' | 'envObject' | 'productionCheck';
type Options = [{ allow?: string[] }];

/** Also the runtime's own variables, which rules and users import from here. */
export { RUNTIME_VARIABLES };

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** How the value of a read is used when that use alone decides what happens at the edge. */
type ValueUse = { safe: true } | { safe: false; production?: string };

function stringOf(analysis: Analysis, node: TSESTree.Node): string | undefined {
  const value = analysis.staticValue(node);
  return value && value.primitive === undefined ? value.text : undefined;
}

/**
 * What the edge's undefined does through this use of a read (`expr` is the read itself):
 * - compared (`===`, `!==`, `==`, `!=`) with a test or development value, or a `switch` whose
 *   cases are all such values: undefined lands on the production side; safe;
 * - defaulted to a production value (`process.env.NODE_ENV || 'production'`, `?? 'prod'`): safe;
 * - compared with a production value: reported with its own message (the edge takes the
 *   non-production side);
 * - held in a `const` whose every read is one of the above: as those reads.
 */
function valueUse(analysis: Analysis, expr: TSESTree.Node, depth = 0): ValueUse {
  const { node: outer, parent } = outerParent(expr);
  if (!parent) return { safe: false };
  if (parent.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(parent.operator)) {
    const other = parent.left === outer ? parent.right : parent.left;
    const value = stringOf(analysis, other)?.toLowerCase();
    if (value === undefined) return { safe: false };
    if (NON_PRODUCTION_VALUES.has(value)) return { safe: true };
    if (PRODUCTION_VALUES.has(value)) return { safe: false, production: stringOf(analysis, other) };
    return { safe: false };
  }
  if (parent.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === outer) {
    const tests = parent.cases.filter((c) => c.test).map((c) => stringOf(analysis, c.test!)?.toLowerCase());
    return { safe: tests.length > 0 && tests.every((t) => t !== undefined && NON_PRODUCTION_VALUES.has(t)) };
  }
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === outer && parent.operator !== '&&') {
    const fallback = stringOf(analysis, parent.right)?.toLowerCase();
    return { safe: fallback !== undefined && PRODUCTION_VALUES.has(fallback) };
  }
  if (
    depth === 0 &&
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === outer &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    (parent.parent as TSESTree.VariableDeclaration).kind === 'const'
  ) {
    return usesOfBinding(analysis, parent.id, depth);
  }
  return { safe: false };
}

/** A binding holding a read is as safe as its reads, all of them (and it has some). */
function usesOfBinding(analysis: Analysis, id: TSESTree.Identifier, depth: number): ValueUse {
  const reads = analysis.bindings.readsOf(id);
  if (reads.length === 0) return { safe: false };
  let production: string | undefined;
  for (const read of reads) {
    const use = valueUse(analysis, read, depth + 1);
    if (!use.safe) {
      if (use.production === undefined) return { safe: false };
      production ??= use.production;
    }
  }
  return production === undefined ? { safe: true } : { safe: false, production };
}

/**
 * Does the use matter at the edge? Not on the branch another target takes in a multi-target
 * adapter (`if ('Records' in event) … else <here>`), nor a module-scope read only that branch
 * uses (the model's `use.target`), and for the whole environment not in code every target
 * shares either (handing it to a framework is not the edge's to fix).
 */
function isEdgeCode(use: EnvUse): boolean {
  return use.target !== 'other' && !(use.how === 'object' && use.target === 'shared');
}

/** Does the build replace `process.env.<name>` (by name, or because it defines every variable)? */
function isBuildDefined(analysis: Analysis, name: string): boolean {
  const defines = analysis.buildDefines();
  return defines.has(name) || defines.has(EVERY_VARIABLE);
}

/** What the edge's undefined does through a read: its value's use, or the uses of the `const` it fills. */
function valueUseOf(analysis: Analysis, use: EnvUse): ValueUse {
  if (use.conditionOnly && use.name !== undefined && NON_PRODUCTION_MODE.test(use.name)) return { safe: true };
  if (use.binding) return usesOfBinding(analysis, use.binding, 0);
  return use.value ? valueUse(analysis, use.value) : { safe: false };
}

export default createRule<Options, MessageIds>({
  name: 'no-env-vars',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading environment variables in Lambda@Edge code, which has none',
      recommended: 'recommended',
    },
    defaultOptions: [{ allow: [] }],
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Extra variable names to accept, on top of the variables the Lambda runtime sets (for example names your bundler replaces at build time with `define`).',
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      envVar:
        '`{{ name }}` is not set in Lambda@Edge: edge functions cannot have environment variables (a deploy that sets them fails, and the value is undefined at run time). Inject it at build time (a bundler `define`, a generated config module) or read it from SSM Parameter Store / Secrets Manager at cold start.',
      dynamicEnvVar:
        'Lambda@Edge functions cannot have environment variables, so this `process.env` lookup finds only the runtime\'s own variables (AWS_REGION, …). Inject configuration at build time (a bundler `define`, a generated config module) or read it from SSM Parameter Store / Secrets Manager at cold start.',
      productionCheck:
        "`{{ name }}` is never set in Lambda@Edge (edge functions cannot have environment variables), so comparing it with '{{ value }}' takes the non-production side in production. Compare with a build-time constant (a bundler `define`), or test for the non-production value instead (`{{ name }} !== 'development'`), so that the unset value means production.",
      envObject:
        '`process.env` in Lambda@Edge holds only the runtime\'s own variables (AWS_REGION, …): edge functions cannot have environment variables. Inject configuration at build time or read it from SSM Parameter Store / Secrets Manager at cold start.',
    },
  },
  create(context, [options]) {
    return onAnalysis(context, (analysis) => {
      const uses = analysis.envUses();
      // A function that loads its packaged .env file at cold start has those variables.
      if (uses.length === 0 || analysis.loadsEnvFile()) return;
      const allowed = new Set([...RUNTIME_VARIABLES, ...(options.allow ?? [])]);
      // Names the file sets itself (`process.env.X = ...`): reading them back is fine.
      const written = new Set(uses.filter((use) => use.how === 'write').map((use) => use.name));
      for (const use of uses) {
        if (use.how === 'write' || !isEdgeCode(use)) continue;
        if (use.how === 'object') {
          context.report({ node: use.node, messageId: 'envObject' });
        } else if (use.name === undefined) {
          context.report({ node: use.node, messageId: 'dynamicEnvVar' });
        } else if (!allowed.has(use.name) && !written.has(use.name) && !isBuildDefined(analysis, use.name)) {
          const value = valueUseOf(analysis, use);
          if (value.safe) continue;
          const name = `process.env.${use.name}`;
          if (value.production === undefined) context.report({ node: use.node, messageId: 'envVar', data: { name } });
          else context.report({ node: use.node, messageId: 'productionCheck', data: { name, value: value.production } });
        }
      }
    });
  },
});
