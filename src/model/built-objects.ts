import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../estree/nodes.js';
import type { FileState } from './state.js';

/**
 * Is the object of a member chain one the code builds itself (`const event:
 * CloudFrontRequestEvent = { Records: [...] }`, a fixture, an emulator's next event), not the
 * one CloudFront passes in? Followed through `const`s (or bindings defined once), three deep.
 */
export function builtByCode(m: FileState, raw: TSESTree.Node, depth = 0): boolean {
  let node = unwrap(raw);
  while (node.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.object);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const def = m.bindings.singleDefinition(node);
  return !!def?.whole && builtByCode(m, def.init, depth + 1);
}
