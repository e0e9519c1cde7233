import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode } from '../estree/nodes.js';
import { type Kind } from './kinds.js';
import { type FileState } from './state.js';

/** What a type annotation can say: a kind, or a handler type of the aws-lambda package. */
export type TypeKind = Kind | 'request-handler' | 'response-handler' | undefined;

/** `import type { CloudFrontRequest } from 'aws-lambda'`: the local names of its types. */
export function noteAwsLambdaImport(m: FileState, node: TSESTree.ImportDeclaration): void {
  if (node.source.value !== 'aws-lambda' && node.source.value !== '@types/aws-lambda') return;
  for (const spec of node.specifiers) {
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
      m.awsTypes.set(spec.local.name, imported);
    } else {
      m.awsNamespaces.add(spec.local.name);
    }
  }
}

/** The kind a type annotation gives: `CloudFrontHeaders` → 'headers', etc. */
export function typeNameKind(m: FileState, type: TSESTree.TypeNode | undefined): TypeKind {
  if (!type) return undefined;
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    // `CloudFrontResultResponse | undefined`
    const kinds = type.types.map((t) => typeNameKind(m, t)).filter((k) => k !== undefined);
    return kinds.length === 1 ? kinds[0] : undefined;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  let name: string | undefined;
  if (type.typeName.type === AST_NODE_TYPES.Identifier) {
    name = m.awsTypes.get(type.typeName.name);
    if (!name && type.typeName.name === 'Promise' && type.typeArguments?.params.length === 1) {
      return typeNameKind(m, type.typeArguments.params[0]);
    }
  } else if (
    type.typeName.type === AST_NODE_TYPES.TSQualifiedName &&
    type.typeName.left.type === AST_NODE_TYPES.Identifier &&
    m.awsNamespaces.has(type.typeName.left.name)
  ) {
    name = type.typeName.right.name;
  }
  switch (name) {
    case 'CloudFrontRequestEvent':
    case 'CloudFrontResponseEvent':
      return 'event';
    case 'CloudFrontRequest':
      return 'request';
    case 'CloudFrontResponse':
      return 'response';
    case 'CloudFrontResultResponse':
      return 'generated';
    case 'CloudFrontHeaders':
      return 'headers';
    case 'CloudFrontRequestHandler':
      return 'request-handler';
    case 'CloudFrontResponseHandler':
      return 'response-handler';
    default:
      return undefined;
  }
}

export function typeKindOf(m: FileState, node: TSESTree.Node): TypeKind {
  if (!('typeAnnotation' in node) || !node.typeAnnotation || node.typeAnnotation.type !== AST_NODE_TYPES.TSTypeAnnotation) {
    return undefined;
  }
  const kind = typeNameKind(m, node.typeAnnotation.typeAnnotation);
  if (kind !== undefined) m.hasTypedBindings = true;
  return kind;
}

export function returnTypeKind(m: FileState, fn: FunctionNode): TypeKind {
  return fn.returnType ? typeNameKind(m, fn.returnType.typeAnnotation) : undefined;
}

export function handlerTypeKind(m: FileState, fn: FunctionNode): 'request-handler' | 'response-handler' | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
    const kind = typeKindOf(m, parent.id);
    if (kind === 'request-handler' || kind === 'response-handler') return kind;
  }
  const param = fn.params[0];
  if (param && typeKindOf(m, param) === 'event' && param.type === AST_NODE_TYPES.Identifier) {
    const annotation = param.typeAnnotation?.typeAnnotation;
    let typeName: string | undefined;
    if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
      if (annotation.typeName.type === AST_NODE_TYPES.Identifier) typeName = m.awsTypes.get(annotation.typeName.name);
      else if (annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName) typeName = annotation.typeName.right.name;
    }
    if (typeName === 'CloudFrontRequestEvent') return 'request-handler';
    if (typeName === 'CloudFrontResponseEvent') return 'response-handler';
  }
  return undefined;
}

/** The aws-lambda types a Lambda@Edge handler is written with (events and handlers). */
const CLOUDFRONT_HANDLER_TYPES: ReadonlySet<string> = new Set([
  'CloudFrontEvent',
  'CloudFrontRequestEvent',
  'CloudFrontResponseEvent',
  'CloudFrontRequestHandler',
  'CloudFrontResponseHandler',
]);

/** The aws-lambda type name a type annotation names (`APIGatewayProxyEventV2`, `aws.ALBHandler`), or undefined. */
function awsTypeName(m: FileState, type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = type.typeName;
  if (name.type === AST_NODE_TYPES.Identifier) return m.awsTypes.get(name.name);
  if (name.type === AST_NODE_TYPES.TSQualifiedName && name.left.type === AST_NODE_TYPES.Identifier && m.awsNamespaces.has(name.left.name)) {
    return name.right.name;
  }
  return undefined;
}

/**
 * Is a type annotation an aws-lambda event or handler type of another event source
 * (`APIGatewayProxyEventV2`, `SQSHandler`, `Handler<ALBEvent>`)? The generic `Handler` says
 * only through its event type argument; without one it says nothing.
 */
function isOtherSourceType(m: FileState, type: TSESTree.TypeNode | undefined): boolean {
  const name = awsTypeName(m, type);
  if (name === undefined || CLOUDFRONT_HANDLER_TYPES.has(name)) return false;
  if (name === 'Handler') return type?.type === AST_NODE_TYPES.TSTypeReference && isOtherSourceType(m, type.typeArguments?.params[0]);
  return /(?:Event|EventV2|Handler|HandlerV2)$/.test(name);
}

/**
 * A function typed as the handler of another event source: its first parameter is an
 * aws-lambda event type that is not CloudFront's (`event: APIGatewayProxyEventV2`, `ALBEvent`,
 * `CloudFrontFunctionsEvent`), or the variable holding it has such a handler type
 * (`const handler: APIGatewayProxyHandler = …`). Lambda calls it with that source's events.
 */
export function servesOtherSource(m: FileState, fn: FunctionNode): boolean {
  const param = fn.params[0];
  if (param && 'typeAnnotation' in param && param.typeAnnotation && isOtherSourceType(m, param.typeAnnotation.typeAnnotation)) return true;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && isOtherSourceType(m, parent.id.typeAnnotation?.typeAnnotation);
}
