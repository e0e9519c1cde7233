/** Facts about the origin a request trigger writes: which config (`custom` or `s3`) a node names. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyKeyName, unwrap } from '../estree/nodes.js';
import type { FileState } from './state.js';
import type { OriginConfigKind } from './types.js';

/** Which origin config `request.origin.custom`, `origin.s3` or a `const` alias of one is. */
export function originConfigKindOf(m: FileState, raw: TSESTree.Node): OriginConfigKind | undefined {
  const node = unwrap(raw);
  let name: string | undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression) name = memberName(node);
  else if (node.type === AST_NODE_TYPES.Identifier) {
    const def = m.bindings.singleDefinition(node);
    if (def && (def.declarator.parent as TSESTree.VariableDeclaration).kind === 'const') {
      const init = unwrap(def.init);
      if (def.whole && init.type === AST_NODE_TYPES.MemberExpression) name = memberName(init);
      else if (def.name.parent?.type === AST_NODE_TYPES.Property && def.name.parent.value === def.name) {
        // `const { custom } = request.origin`
        name = propertyKeyName(def.name.parent);
      }
    }
  }
  return name === 'custom' || name === 's3' ? name : undefined;
}
