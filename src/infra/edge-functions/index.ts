import { basename } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { includesWord, probe } from '../../text-search.js';
import { SERVERLESS_TS_FILE } from '../serverless-ts.js';
import { mayBeCdkDistribution, readCdkModel } from './cdk.js';
import { fromJsonAst, fromServerlessTs, fromYamlAst, isMap, type LocatedData } from './located-data.js';
import { EMPTY_MODEL, type EdgeModel } from './model.js';
import { readServerlessModel } from './serverless.js';
import { mayBeDistributionTemplate, readTemplateModel } from './template.js';
import { mayBeTerraformDistribution, readTerraformModel } from './terraform.js';
import type { ConfigFile } from '../../languages/hcl/ast.js';

export * from './model.js';

/** What a rule's context offers that the model needs, whatever the language. */
export interface ModelContext {
  sourceCode: { ast: unknown; text: string };
  /**
   * The linted file's path: a Terraform module's other `.tf` files are beside it, and a
   * `serverless.ts` is a Serverless service, not CDK code.
   */
  filename?: string;
}

const cache = new WeakMap<object, EdgeModel>();

/**
 * The Lambda@Edge model of the file being linted, computed once per AST and shared by
 * every `infra-*` rule. The file's language decides the reader: YAML (eslint-plugin-yml)
 * and JSON (@eslint/json) files are Serverless services or SAM/CloudFormation templates,
 * JS/TS files are CDK apps, HCL files Terraform configurations. Anything else, or a file with no distribution, gives an empty
 * model (and no listener is attached).
 */
export function edgeModelOf(context: ModelContext): EdgeModel {
  const ast = context.sourceCode.ast as object;
  let model = cache.get(ast);
  if (!model) {
    model = readModel(ast, context.sourceCode.text, context.filename);
    cache.set(ast, model);
  }
  return model;
}

/**
 * One branch per language. Terraform files come through the plugin's HCL language
 * (`lambda-edge/hcl`, root `ConfigFile`): the same model with the HCL nodes' `loc`, and the
 * `infra-*` rules apply unchanged.
 */
function readModel(ast: object, text: string, filename: string | undefined): EdgeModel {
  const root = ast as { type?: string; body?: Array<{ type?: string }> };
  if (root.type === 'Program' && filename && SERVERLESS_TS_FILE.test(basename(filename))) {
    // The same Serverless reader as serverless.yml, on the data discovery reads from the file.
    const data = fromServerlessTs(filename, text);
    return data ? dataModel(data, text) : EMPTY_MODEL;
  }
  if (root.type === 'Document') return dataModel(fromJsonAst(ast), text);
  if (root.type === 'Program' && root.body?.[0]?.type === 'YAMLDocument') {
    const data = fromYamlAst(ast);
    return data ? dataModel(data, text) : EMPTY_MODEL;
  }
  if (root.type === 'ConfigFile') return readTerraformModel(ast as ConfigFile, text, filename);
  if (root.type === 'Program' && mayBeCdkDistribution(text)) return readCdkModel(ast as TSESTree.Program, text, filename);
  return EMPTY_MODEL;
}

function dataModel(data: LocatedData, text: string): EdgeModel {
  const root = data.value;
  if (!isMap(root)) return EMPTY_MODEL;
  if (isMap(root.functions) && ('service' in root || 'provider' in root)) return readServerlessModel(data) ?? EMPTY_MODEL;
  if (mayBeDistributionTemplate(text)) return readTemplateModel(data) ?? EMPTY_MODEL;
  return EMPTY_MODEL;
}

const CLOUD_FRONT = probe('cloudFront', 'Front');
const LAMBDA_AT_EDGE = probe('lambdaAtEdge', 'AtEdge');
const PRE_EXISTING_CLOUD_FRONT = probe('preExistingCloudFront', 'Front');

/** A name readModel may take for a `serverless.ts` (its own test is on the basename: this one never misses one). */
const MAYBE_SERVERLESS_TS = /serverless\.[cm]?ts$/;

/**
 * Cheap check for `create`: can `edgeModelOf` find a distribution or a function in this file?
 * Never false where it can, by the same branches as readModel: a JS/TS file other than a
 * `serverless.ts` is read only as CDK code, so only the CDK words are searched for (two
 * searches of the text instead of seven, on nearly every linted file); a `.tf` file always
 * may (its distribution may be in another file of the module); anything else is searched for
 * every word of mayHoldEdgeInfrastructure.
 */
export function mayHoldEdgeModel(ast: { type: string; body?: Array<{ type?: string }> }, text: string, filename: string | undefined): boolean {
  if (ast.type === 'ConfigFile') return true;
  if (ast.type === 'Program' && ast.body?.[0]?.type !== 'YAMLDocument' && !(filename?.endsWith('ts') && MAYBE_SERVERLESS_TS.test(filename))) {
    return mayBeCdkDistribution(text);
  }
  return mayHoldEdgeInfrastructure(text);
}

/**
 * Cheap check for `create`: does this file's text possibly hold Lambda@Edge infrastructure?
 * (`edgeLambdas`, `lambdaFunctionAssociations`, `AWS::CloudFront::Distribution`,
 * `aws_cloudfront_distribution`, `cloudFront`, `lambdaAtEdge` or `preExistingCloudFront`.)
 */
export function mayHoldEdgeInfrastructure(text: string): boolean {
  return (
    mayBeCdkDistribution(text) ||
    mayBeDistributionTemplate(text) ||
    mayBeTerraformDistribution(text) ||
    includesWord(text, CLOUD_FRONT) ||
    includesWord(text, LAMBDA_AT_EDGE) ||
    includesWord(text, PRE_EXISTING_CLOUD_FRONT)
  );
}
