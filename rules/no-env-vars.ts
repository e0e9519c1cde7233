import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { READ } from '../src/estree/bindings.js';
import { memberName, outerParent, propertyKeyName } from '../src/estree/nodes.js';
import { RUNTIME_VARIABLES } from '../src/facts/runtime.js';
import { createRule } from '../src/create-rule.js';
import { onAnalysis } from '../src/rule-helpers.js';

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

type MessageIds = 'envVar' | 'dynamicEnvVar' | 'envObject';
type Options = [{ allow?: string[] }];

/** Also the runtime's own variables, which rules and users import from here. */
export { RUNTIME_VARIABLES };

const PROCESS_MODULES = ['process', 'node:process'];

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
