import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Bindings } from '../estree/bindings.js';
import { outerParent, propertyKeyName } from '../estree/nodes.js';

/**
 * Is the expression's value only tested for truthiness? It is the test of an `if`, a loop or a
 * `? :`, or an operand of `!`, `&&` or `||` whose own value is only such a test.
 */
function decidesCondition(expr: TSESTree.Node): boolean {
  const { node: outer, parent } = outerParent(expr);
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === outer;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' && decidesCondition(parent);
    case AST_NODE_TYPES.LogicalExpression:
      return decidesCondition(parent);
    default:
      return false;
  }
}

/** A declarator of a `const` declaration that is not exported: every reader is in this file. */
function isLocalConstDeclarator(node: TSESTree.Node | undefined): node is TSESTree.VariableDeclarator {
  if (node?.type !== AST_NODE_TYPES.VariableDeclarator) return false;
  const declaration = node.parent as TSESTree.VariableDeclaration;
  return declaration.kind === 'const' && declaration.parent.type !== AST_NODE_TYPES.ExportNamedDeclaration;
}

/** `const <id> = …`, not exported. */
function isLocalConst(node: TSESTree.Node | undefined): node is TSESTree.VariableDeclarator & { id: TSESTree.Identifier } {
  return isLocalConstDeclarator(node) && node.id.type === AST_NODE_TYPES.Identifier;
}

/**
 * Every reference of the object `id` holds is a plain property access (`obj.name`, never the
 * object handed on, spread or re-exported), `key` is never written, and each read of `key`
 * only decides a condition; and there is at least one such read.
 */
function propertyOnlyDecides(bindings: Bindings, id: TSESTree.Identifier, key: string): boolean {
  let reads = 0;
  for (const ref of bindings.readsOf(id)) {
    const { node: object, parent: member } = outerParent(ref);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object || member.computed) return false;
    if (member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== key) continue;
    const { node: outer, parent: up } = outerParent(member);
    if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === outer) return false;
    if (up?.type === AST_NODE_TYPES.UpdateExpression || (up?.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete')) return false;
    if (!decidesCondition(member)) return false;
    reads++;
  }
  return reads > 0;
}

/** Every read of the binding only decides a condition, and it has some. */
function bindingOnlyDecides(bindings: Bindings, id: TSESTree.Identifier): boolean {
  const reads = bindings.readsOf(id);
  return reads.length > 0 && reads.every(decidesCondition);
}

/**
 * Does the value a read yields only ever decide a condition (see decidesCondition)? Directly,
 * through the `const` it fills (`const dev = <read>`, or `binding` for `const { X } = …`), or
 * through a property of a `const` object literal it is the value of (`const s = { dev: <read> }`
 * then only `if (s.dev)`), one step deep. A `const` that is exported is not followed: another
 * module may read it as a value.
 */
export function onlyDecidesConditions(bindings: Bindings, read: TSESTree.Node | undefined, binding: TSESTree.Identifier | undefined): boolean {
  if (binding) return isLocalConstDeclarator(binding.parent?.parent?.parent) && bindingOnlyDecides(bindings, binding);
  if (!read) return false;
  if (decidesCondition(read)) return true;
  const { node: outer, parent } = outerParent(read);
  if (isLocalConst(parent) && parent.init === outer) return bindingOnlyDecides(bindings, parent.id);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== outer || parent.computed) return false;
  const key = propertyKeyName(parent);
  const { node: object, parent: declarator } = outerParent(parent.parent);
  return key !== undefined && isLocalConst(declarator) && declarator.init === object && propertyOnlyDecides(bindings, declarator.id, key);
}
