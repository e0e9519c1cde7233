import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { READ } from '../src/estree/bindings.js';
import { memberName, outerParent, propertyKeyName } from '../src/estree/nodes.js';
import { RUNTIME_VARIABLES } from '../src/facts/runtime.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';
import type { Analysis } from '../src/model/types.js';
import { isMultiTarget, onOtherTargetBranch } from '../src/model/targets.js';

/** `console.log(...)`, `logger.info(...)`, `log(...)`, `JSON.stringify(...)`: output, not configuration. */
const LOGGING_NAME = /^(?:log|debug|info|warn|warning|error|trace|print|dump|inspect|stringify)$|Log$|^log[A-Z]/;
function isLoggingCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return LOGGING_NAME.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'console') return true;
  const name = memberName(callee);
  return name !== undefined && LOGGING_NAME.test(name);
}

/**
 * Values that name a test or development environment. At the edge every user variable is
 * undefined, and undefined equals none of these: `process.env.NODE_ENV !== 'test'` is true and
 * `=== 'development'` is false there, so the code takes the side written for "not test, not
 * development", which is production. Such a comparison behaves as intended and is not reported.
 */
const NON_PRODUCTION_VALUES: ReadonlySet<string> = new Set(['test', 'testing', 'dev', 'develop', 'development', 'local']);
/** Values that name production: compared with undefined they take the non-production side. */
const PRODUCTION_VALUES: ReadonlySet<string> = new Set(['production', 'prod']);

type MessageIds = 'envVar' | 'dynamicEnvVar' | 'envObject' | 'productionCheck';
type Options = [{ allow?: string[] }];

/** Also the runtime's own variables, which rules and users import from here. */
export { RUNTIME_VARIABLES };

const PROCESS_MODULES = ['process', 'node:process'];

interface Finding {
  node: TSESTree.Node;
  name: string | undefined;
  kind: 'name' | 'dynamic' | 'object';
  /** Set when the read is only compared with a production value (`=== 'production'`). */
  production?: string;
}

const EQUALITY = new Set(['===', '!==', '==', '!=']);

/** How the value of a read is used when that use alone decides what happens at the edge. */
type ValueUse = { safe: true } | { safe: false; production?: string };


/** `const { X } = …` (directly in a `const` declarator): X cannot be reassigned. */
function isConstPattern(pattern: TSESTree.ObjectPattern): boolean {
  const parent = pattern.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && (parent.parent as TSESTree.VariableDeclaration).kind === 'const';
}

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
    const allowed = new Set([...RUNTIME_VARIABLES, ...(options.allow ?? [])]);
    return onAnalysis(context, (analysis) => {
      const findings: Finding[] = [];
      /** Names the file sets itself (`process.env.X = ...`): reading them back is fine. */
      const written = new Set<string>();
      const followed = new Set<TSESTree.Node>();

      /** Follow a binding (`const env = process.env`) to its uses. */
      const followBinding = (id: TSESTree.Node, onUse: (use: TSESTree.Identifier) => void) => {
        if (id.type !== AST_NODE_TYPES.Identifier || followed.has(id)) return;
        followed.add(id);
        for (const use of analysis.bindings.readsOf(id)) onUse(use);
      };

      const envPattern = (pattern: TSESTree.ObjectPattern) => {
        for (const prop of pattern.properties) {
          if (prop.type === AST_NODE_TYPES.RestElement) {
            findings.push({ node: prop, name: undefined, kind: 'dynamic' });
            continue;
          }
          const name = propertyKeyName(prop);
          if (name === undefined) {
            findings.push({ node: prop, name, kind: 'dynamic' });
            continue;
          }
          // `const { NODE_ENV } = process.env`: as safe as the uses of NODE_ENV.
          const use = prop.value.type === AST_NODE_TYPES.Identifier && isConstPattern(pattern) ? usesOfBinding(analysis, prop.value, 0) : { safe: false as const };
          if (use.safe) continue;
          findings.push({ node: prop, name, kind: 'name', production: use.production });
        }
      };

      const envUse = (expr: TSESTree.Node) => {
        const { node: outer, parent } = outerParent(expr);
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
          // `process.env[KEY]` with `const KEY = 'AWS_REGION'` is as known as `process.env.AWS_REGION`.
          const name =
            memberName(parent) ?? (parent.computed ? analysis.staticValue(parent.property)?.text : undefined);
          const { node: member, parent: up } = outerParent(parent);
          // Writes: `process.env.X = ...`, `delete process.env.X`, `process.env.X ??= ...`.
          if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === member) {
            if (name !== undefined) written.add(name);
            return;
          }
          if (up?.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') return;
          // Methods: `process.env.hasOwnProperty(...)`.
          if (up?.type === AST_NODE_TYPES.CallExpression && up.callee === member) return;
          if (name === undefined) {
            findings.push({ node: parent, name, kind: 'dynamic' });
            return;
          }
          const use = valueUse(analysis, member);
          if (use.safe) return;
          findings.push({ node: parent, name, kind: 'name', production: use.production });
          return;
        }
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
          if (parent.id.type === AST_NODE_TYPES.ObjectPattern) envPattern(parent.id);
          else followBinding(parent.id, envUse);
          return;
        }
        if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer && parent.left.type === AST_NODE_TYPES.ObjectPattern) {
          envPattern(parent.left);
          return;
        }
        // Logging the whole environment reads no configuration: `console.log(process.env)`.
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer && isLoggingCall(parent)) return;
        // `'X' in process.env`: a presence check answers the same "no".
        findings.push({ node: outer, name: undefined, kind: 'object' });
      };

      // `process.env`, however `process` is reached: the global (declared in the config or
      // not), `require('node:process')`, `import process from 'process'`, `import { env } from
      // 'process'`, and aliases or destructuring of any of them.
      const envOnly = { env: { [READ]: true } };
      const traceMap = Object.fromEntries(PROCESS_MODULES.map((name) => [name, { ...envOnly, default: envOnly }]));
      const seen = new Set<TSESTree.Node>();
      for (const { node } of analysis.bindings.trackReferences(traceMap)) {
        if (seen.has(node)) continue;
        seen.add(node);
        if (node.type === AST_NODE_TYPES.MemberExpression) envUse(node);
        else if (node.type === AST_NODE_TYPES.ImportSpecifier) {
          if (node.importKind !== 'type' && (node.parent as TSESTree.ImportDeclaration).importKind !== 'type') followBinding(node.local, envUse);
        } else if (node.type === AST_NODE_TYPES.Property) {
          const value = node.value.type === AST_NODE_TYPES.AssignmentPattern ? node.value.left : node.value;
          if (value.type === AST_NODE_TYPES.ObjectPattern) envPattern(value);
          else followBinding(value, envUse);
        }
      }

      let multiTarget: boolean | undefined;
      for (const finding of findings) {
        // A multi-target adapter: the branch another target takes is not edge code, and the
        // whole environment handed on by code every target shares is not the edge's to fix.
        if (onOtherTargetBranch(analysis, finding.node)) continue;
        if (finding.kind === 'object' && (multiTarget ??= isMultiTarget(analysis, context.filename))) continue;
        if (finding.kind === 'name') {
          const name = finding.name!;
          if (allowed.has(name) || written.has(name)) continue;
          // Replaced by the build (CDK bundling.define, esbuild/webpack/rollup/Vite define).
          if (analysis.buildDefines().has(name)) continue;
          if (finding.production !== undefined) {
            context.report({ node: finding.node, messageId: 'productionCheck', data: { name: `process.env.${name}`, value: finding.production } });
          } else {
            context.report({ node: finding.node, messageId: 'envVar', data: { name: `process.env.${name}` } });
          }
        } else {
          context.report({ node: finding.node, messageId: finding.kind === 'object' ? 'envObject' : 'dynamicEnvVar' });
        }
      }
    });
  },
});
