import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { outerParent, unwrap } from '../estree/nodes.js';
import { type HeaderOwner } from './kinds.js';
import { type GeneratedResponse } from './types.js';
import { type FileState } from './state.js';
import { resolveFunction, returnValues } from './functions.js';
import { objectLiteralOf } from './responses.js';

type Variable = TSESLint.Scope.Variable;

/**
 * Marks the header-map literals that `raw` can hold. `seen` holds the variables this query
 * has followed: `headers = headers` (or `a = b; b = a`) writes a variable into itself.
 */
export function addHeaderMap(
  m: FileState,
  raw: TSESTree.Node,
  owner: HeaderOwner,
  response?: GeneratedResponse,
  seen = new Set<Variable>(),
): void {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = m.bindings.variableOf(node);
    if (variable && !seen.has(variable)) {
      seen.add(variable);
      m.headerMapVars.set(variable, owner);
      for (const ref of variable.references) if (ref.writeExpr) addHeaderMap(m, ref.writeExpr, owner, response, seen);
    }
    return;
  }
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    addHeaderMap(m, node.consequent, owner, response, seen);
    addHeaderMap(m, node.alternate, owner, response, seen);
    return;
  }
  // `headers: securityHeaders()`: the literals a local helper returns are header maps.
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const fn = resolveFunction(m, node.callee);
    if (fn && !m.handlersByNode.has(fn)) {
      for (const value of returnValues(m, fn)) {
        const literal = objectLiteralOf(m, value);
        if (literal) addHeaderMap(m, literal, owner, response);
      }
    }
    return;
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression || m.headerMaps.has(node)) return;
  m.headerMaps.set(node, owner);
  response?.headerMaps.push(node);
  const { parent } = outerParent(node);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const v = m.bindings.variableOf(parent.id);
    if (v) m.headerMapVars.set(v, owner);
  }
  // `{ ...baseHeaders, 'x-a': [...] }`: the spread literal is part of the same map.
  for (const prop of node.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      const inner = objectLiteralOf(m, prop.argument);
      if (inner) addHeaderMap(m, inner, owner, response);
      else if (unwrap(prop.argument).type === AST_NODE_TYPES.CallExpression) addHeaderMap(m, prop.argument, owner, response);
    }
  }
}
