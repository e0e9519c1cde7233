import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent, propertyKeyName, unwrap } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { CONFIG_MESSAGES, onAnalysis } from '../src/rule-helpers.js';

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

type MessageIds = 'envVar' | 'dynamicEnvVar' | 'envObject' | keyof typeof CONFIG_MESSAGES;
type Options = [{ allow?: string[] }];
type Variable = TSESLint.Scope.Variable;

/**
 * Variables the Lambda runtime itself sets, which Lambda@Edge functions still get
 * (AWS Lambda Developer Guide, "Defined runtime environment variables"). `_X_AMZN_TRACE_ID`
 * and the `AWS_XRAY_*` variables are left out: X-Ray is not supported on Lambda@Edge.
 */
export const RUNTIME_VARIABLES: ReadonlySet<string> = new Set([
  '_HANDLER',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
  'TZ',
  'LANG',
  'PATH',
  'LD_LIBRARY_PATH',
  'NODE_PATH',
]);

const PROCESS_MODULES = new Set(['process', 'node:process']);

/** `'process'`-module sources: `require('node:process')`. */
function isProcessRequire(node: TSESTree.Node): boolean {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return false;
  const callee = unwrap(call.callee);
  const arg = call.arguments[0]!;
  return (
    callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === 'require' &&
    arg.type === AST_NODE_TYPES.Literal &&
    typeof arg.value === 'string' &&
    PROCESS_MODULES.has(arg.value)
  );
}

interface Finding {
  node: TSESTree.Node;
  name: string | undefined;
  kind: 'name' | 'dynamic' | 'object';
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
      ...CONFIG_MESSAGES,
      envVar:
        '`{{ name }}` is not set in Lambda@Edge: edge functions cannot have environment variables (a deploy that sets them fails, and the value is undefined at run time). Inject it at build time (a bundler `define`, a generated config module) or read it from SSM Parameter Store / Secrets Manager at cold start.',
      dynamicEnvVar:
        'Lambda@Edge functions cannot have environment variables, so this `process.env` lookup finds only the runtime\'s own variables (AWS_REGION, …). Inject configuration at build time (a bundler `define`, a generated config module) or read it from SSM Parameter Store / Secrets Manager at cold start.',
      envObject:
        '`process.env` in Lambda@Edge holds only the runtime\'s own variables (AWS_REGION, …): edge functions cannot have environment variables. Inject configuration at build time or read it from SSM Parameter Store / Secrets Manager at cold start.',
    },
  },
  create(context, [options]) {
    const allowed = new Set([...RUNTIME_VARIABLES, ...(options.allow ?? [])]);
    const sourceCode = context.sourceCode;

    return onAnalysis(context, (analysis) => {
      const findings: Finding[] = [];
      /** Names the file sets itself (`process.env.X = ...`): reading them back is fine. */
      const written = new Set<string>();
      const seenVars = new Set<Variable>();

      const variableOf = (id: TSESTree.Identifier): Variable | undefined => {
        for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(id); scope; scope = scope.upper) {
          const variable = scope.set.get(id.name);
          if (variable?.identifiers.includes(id)) return variable;
        }
        return undefined;
      };

      /** Follow a binding (`const env = process.env`) to its uses. */
      const followBinding = (id: TSESTree.Node, onUse: (use: TSESTree.Identifier) => void) => {
        if (id.type !== AST_NODE_TYPES.Identifier) return;
        const variable = variableOf(id);
        if (!variable || seenVars.has(variable)) return;
        seenVars.add(variable);
        for (const ref of variable.references) {
          if (ref.isRead() && ref.identifier !== id) onUse(ref.identifier as TSESTree.Identifier);
        }
      };

      const envPattern = (pattern: TSESTree.ObjectPattern) => {
        for (const prop of pattern.properties) {
          if (prop.type === AST_NODE_TYPES.RestElement) {
            findings.push({ node: prop, name: undefined, kind: 'dynamic' });
            continue;
          }
          const name = propertyKeyName(prop);
          findings.push({ node: prop, name, kind: name === undefined ? 'dynamic' : 'name' });
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
          findings.push({ node: parent, name, kind: name === undefined ? 'dynamic' : 'name' });
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

      const processPattern = (pattern: TSESTree.ObjectPattern) => {
        for (const prop of pattern.properties) {
          if (prop.type !== AST_NODE_TYPES.Property || propertyKeyName(prop) !== 'env') continue;
          const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
          if (value.type === AST_NODE_TYPES.ObjectPattern) envPattern(value);
          else followBinding(value, envUse);
        }
      };

      const processUse = (expr: TSESTree.Node) => {
        const { node: outer, parent } = outerParent(expr);
        if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
          if (memberName(parent) === 'env') envUse(parent);
          return;
        }
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
          if (parent.id.type === AST_NODE_TYPES.ObjectPattern) processPattern(parent.id);
          else followBinding(parent.id, processUse);
        }
      };

      // The global `process`, and `require('process')` / `require('node:process')`.
      const globalScope = sourceCode.scopeManager?.globalScope;
      for (const ref of globalScope?.through ?? []) {
        const id = ref.identifier;
        if (id.name === 'process') processUse(id);
        else if (id.name === 'require' && id.parent?.type === AST_NODE_TYPES.CallExpression && isProcessRequire(id.parent)) {
          processUse(id.parent);
        }
      }
      // `import process from 'node:process'`, `import * as p from 'process'`, `import { env } from 'process'`.
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration || !PROCESS_MODULES.has(statement.source.value)) continue;
        if (statement.importKind === 'type') continue;
        for (const spec of statement.specifiers) {
          if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
            const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
            if (imported === 'env' && spec.importKind !== 'type') followBinding(spec.local, envUse);
          } else {
            followBinding(spec.local, processUse);
          }
        }
      }

      for (const finding of findings) {
        if (finding.kind === 'name') {
          const name = finding.name!;
          if (allowed.has(name) || written.has(name)) continue;
          context.report({ node: finding.node, messageId: 'envVar', data: { name: `process.env.${name}` } });
        } else {
          context.report({ node: finding.node, messageId: finding.kind === 'object' ? 'envObject' : 'dynamicEnvVar' });
        }
      }
    });
  },
});
