import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type LambdaEdgeRuleDocs, createUngatedRule } from '../../create-rule.js';
import { edgeModelOf, mayHoldEdgeModel } from './index.js';
import type { EdgeFunction, EdgeModel, SourceNode } from './model.js';

/**
 * The model of the linted file, or undefined when it has no distribution and no function: once
 * per file, shared by every `infra-*` rule (ten rules ask it of every linted file, and on code
 * with no infrastructure the text test is nearly all they cost). A file whose text cannot hold
 * Lambda@Edge infrastructure is not read at all. One slot for the file being linted (ESLint
 * creates its rules one after another), no map by tree, whose insertion every linted file paid;
 * a tree met again later is asked again (edgeModelOf keeps the model it read per tree).
 */
let lastAst: object | undefined;
let lastModel: EdgeModel | undefined;
function infrastructureModelOf(context: { sourceCode: unknown; filename: string }): EdgeModel | undefined {
  const sourceCode = context.sourceCode as { ast: { type: string; body?: Array<{ type?: string }> }; text: string };
  const ast = sourceCode.ast;
  if (ast !== lastAst) {
    const filename = context.filename;
    const read = mayHoldEdgeModel(ast, sourceCode.text, filename) ? edgeModelOf({ sourceCode, filename }) : undefined;
    lastModel = read && (read.functions.length > 0 || read.behaviors.length > 0) ? read : undefined;
    lastAst = ast;
  }
  return lastModel;
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
      const model = infrastructureModelOf(context);
      if (!model) return {};
      const rootType = (context.sourceCode as unknown as { ast: { type: string } }).ast.type;
      return {
        [rootType]() {
          const seen = new Set<string>();
          spec.check(model, (node, messageId, data) => {
            if (model.reportable && !model.reportable(node)) return;
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
