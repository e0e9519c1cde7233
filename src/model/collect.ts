import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, unwrap } from '../estree/nodes.js';
import { forEachValueNode } from '../estree/walk.js';
import { type FileState } from './state.js';
import { noteAwsLambdaImport, returnTypeKind, typeKindOf, typeNameKind } from './aws-types.js';
import { returnValues } from './functions.js';

/**
 * Phase 1, collect: every value node once, in source order, keeping the few node kinds the
 * model looks at. From the traversal ESLint has already made of the file, not a walk of our own.
 */
export function collect(m: FileState): void {
  forEachValueNode(m.sourceCode, (node) => collectNode(m, node));
  // Functions with a CloudFront return type: their object-literal returns are responses.
  for (const fn of m.functions) {
    const returnKind = returnTypeKind(m, fn);
    if (returnKind === 'generated') {
      for (const result of returnValues(m, fn)) collectTypedObject(m, result);
    }
  }
}

function collectNode(m: FileState, node: TSESTree.Node): void {
  switch (node.type) {
    case AST_NODE_TYPES.ReturnStatement:
      if (node.argument) m.returns.push(node.argument);
      break;
    case AST_NODE_TYPES.MemberExpression:
      m.members.push(node);
      break;
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      m.functions.push(node);
      for (const param of node.params) typeKindOf(m, param);
      break;
    case AST_NODE_TYPES.VariableDeclarator: {
      if (!node.init) break;
      if (node.id.type === AST_NODE_TYPES.ObjectPattern) m.patterns.push({ pattern: node.id, source: node.init });
      const typed = typeKindOf(m, node.id);
      if (typed === 'generated') collectTypedObject(m, node.init);
      else if (typed === 'headers') {
        const init = unwrap(node.init);
        if (init.type === AST_NODE_TYPES.ObjectExpression) m.headerMaps.set(init, 'unknown');
      }
      break;
    }
    case AST_NODE_TYPES.AssignmentExpression:
      if (node.left.type === AST_NODE_TYPES.ObjectPattern) {
        m.patterns.push({ pattern: node.left, source: node.right });
      }
      break;
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === 'in') m.inChecks.push(node);
      break;
    case AST_NODE_TYPES.ForInStatement:
      m.forIns.push(node);
      break;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      // Every call, with or without arguments: reading `arguments` here would make this switch
      // depend on the shapes of both parsers' argument arrays.
      m.calls.push(node);
      break;
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
      if (typeNameKind(m, node.typeAnnotation) === 'generated') collectTypedObject(m, node.expression);
      break;
    case AST_NODE_TYPES.ImportDeclaration:
      noteAwsLambdaImport(m, node);
      break;
    default:
      break;
  }
}

export function collectTypedObject(m: FileState, node: TSESTree.Node): void {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression && !findProperty(value, 'statusCode')) {
    m.typedObjects.push(value);
  } else if (value.type === AST_NODE_TYPES.ConditionalExpression) {
    collectTypedObject(m, value.consequent);
    collectTypedObject(m, value.alternate);
  }
}
