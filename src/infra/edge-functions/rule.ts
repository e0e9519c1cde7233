import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type LambdaEdgeRuleDocs, createUngatedRule } from '../../create-rule.js';
import { edgeModelOf, mayHoldEdgeInfrastructure } from './index.js';
import type { EdgeFunction, EdgeModel, SourceNode } from './model.js';

/**
 * The text test, once per file: every `infra-*` rule asks it of every linted file (ten rules,
 * seven substring searches of the whole text each), and on code with no infrastructure it is
 * nearly all these rules cost.
 */
const mayHoldByAst = new WeakMap<object, boolean>();
function mayHold(sourceCode: { ast: object; text: string }): boolean {
  let result = mayHoldByAst.get(sourceCode.ast);
  if (result === undefined) {
    result = mayHoldEdgeInfrastructure(sourceCode.text);
    mayHoldByAst.set(sourceCode.ast, result);
  }
  return result;
}

export type InfraReport<MessageIds extends string> = (
  node: SourceNode,
  messageId: MessageIds,
  data?: Record<string, string | number>,
) => void;

/**
 * The factory of the `infra-*` rules. They run on whatever language the file is linted
 * with (no `meta.languages`): YAML and JSON files are Serverless services or
 * SAM/CloudFormation templates, JS/TS files CDK apps. A file whose text cannot hold
 * Lambda@Edge infrastructure gets no listener; otherwise `check` runs once on the shared
 * model, and a node is reported at most once per message (an inherited `provider.environment`
 * is one finding however many functions inherit it).
 */
export function createInfraRule<MessageIds extends string>(spec: {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageIds, LambdaEdgeRuleDocs>, 'messages' | 'schema' | 'defaultOptions' | 'docs'> & {
    docs: LambdaEdgeRuleDocs & TSESLint.RuleMetaDataDocs;
    messages: Record<MessageIds, string>;
  };
  /** `file.filename` is the linted infrastructure file, for settings written relative to it. */
  check: (model: EdgeModel, report: InfraReport<MessageIds>, file: { filename: string }) => void;
}) {
  return createUngatedRule<[], MessageIds>({
    name: spec.name,
    meta: { ...spec.meta, schema: [] },
    defaultOptions: [],
    create(context) {
      const sourceCode = context.sourceCode as unknown as { ast: { type: string }; text: string };
      if (!mayHold(sourceCode)) return {};
      const model = edgeModelOf({ sourceCode, filename: context.filename });
      if (model.functions.length === 0 && model.behaviors.length === 0) return {};
      const rootType = sourceCode.ast.type;
      return {
        [rootType]() {
          const seen = new Set<string>();
          spec.check(model, (node, messageId, data) => {
            const key = `${messageId}:${node.loc.start.line}:${node.loc.start.column}`;
            if (seen.has(key)) return;
            seen.add(key);
            context.report({ node: node as unknown as TSESTree.Node, messageId, ...(data ? { data } : {}) });
          }, { filename: context.filename });
        },
      };
    },
  });
}

/** `functions.edge (viewer-request)`, for messages. */
export function describeFunction(fn: EdgeFunction): string {
  const events = [...new Set(fn.associations.map((a) => a.eventType))];
  return `${fn.name} (${events.length > 0 ? events.join(', ') : 'Lambda@Edge'})`;
}

/** ` (inherited from provider.environment)`, or nothing for the function's own setting. */
export function inherited(setting: { inheritedFrom?: string }): string {
  return setting.inheritedFrom ? ` (from ${setting.inheritedFrom})` : '';
}
