import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, memberName, outerParent, findPatternKey } from '../estree/nodes.js';
import { type FileState } from './state.js';
import { paramVariable, resolveFunction } from './functions.js';

/** Is parameter `index` of `fn` used as `<event>.Records[n].cf` (here or in a local helper)? */
type Variable = TSESLint.Scope.Variable;

export function usesCloudFrontEvent(m: FileState, fn: FunctionNode, index: number, depth = 0): boolean {
  if (depth > 2) return false;
  const param = fn.params[index];
  if (!param) return false;
  if (param.type === AST_NODE_TYPES.ObjectPattern) return patternReachesCf(m, param);
  if (param.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = paramVariable(m, fn, param);
  if (!variable) return false;
  for (const ref of variable.references) {
    const { node: id, parent } = outerParent(ref.identifier);
    if (!parent) continue;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === id && memberName(parent) === 'Records') {
      // event.Records[0].cf — an S3 or SQS event has Records too, but no `cf`.
      if (recordsReachCf(m, parent)) return true;
      continue;
    }
    if (
      parent.type === AST_NODE_TYPES.VariableDeclarator &&
      parent.init === id &&
      parent.id.type === AST_NODE_TYPES.ObjectPattern &&
      patternReachesCf(m, parent.id)
    ) {
      return true;
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== id) {
      const callee = resolveFunction(m, parent.callee);
      const argIndex = parent.arguments.indexOf(id as TSESTree.CallExpressionArgument);
      if (callee && callee !== fn && argIndex >= 0 && usesCloudFrontEvent(m, callee, argIndex, depth + 1)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The parent of `node` as a value: past wrappers, and past guards it is the last operand of
 * (`event && event.Records && event.Records[0]` is the record).
 */
function valueParent(node: TSESTree.Node): { node: TSESTree.Node; parent: TSESTree.Node | undefined } {
  let found = outerParent(node);
  while (found.parent?.type === AST_NODE_TYPES.LogicalExpression && found.parent.operator === '&&' && found.parent.right === found.node) {
    found = outerParent(found.parent);
  }
  return found;
}

/** `<records>[i].cf`, where `records` is an expression holding `event.Records`. */
export function recordsReachCf(m: FileState, records: TSESTree.Node, seen = new Set<Variable>()): boolean {
  const { node: outer, parent } = valueParent(records);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return recordReachesCf(m, parent, seen);
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = m.bindings.variableOf(parent.id);
    if (!variable || seen.has(variable)) return false;
    seen.add(variable);
    return variable.references.some((ref) => ref.identifier !== parent.id && recordsReachCf(m, ref.identifier, seen));
  }
  // const [{ cf }] = event.Records; const [record] = event.Records;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.ArrayPattern) {
    const first = parent.id.elements[0];
    const inner = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
    if (inner?.type === AST_NODE_TYPES.ObjectPattern) return !!findPatternKey(inner, 'cf');
    if (inner?.type === AST_NODE_TYPES.Identifier) return recordVariableReachesCf(m, inner, seen);
  }
  return false;
}

/** `<record>.cf`, `const { cf } = <record>`, `const record = <record>; record.cf`. */
export function recordReachesCf(m: FileState, record: TSESTree.Node, seen: Set<Variable>): boolean {
  const { node: outer, parent } = valueParent(record);
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return memberName(parent) === 'cf';
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
    if (parent.id.type === AST_NODE_TYPES.ObjectPattern) return !!findPatternKey(parent.id, 'cf');
    if (parent.id.type === AST_NODE_TYPES.Identifier) return recordVariableReachesCf(m, parent.id, seen);
  }
  return false;
}

/** `seen` holds the variables this query has followed: `var r = r` makes a variable its own reference. */
export function recordVariableReachesCf(m: FileState, id: TSESTree.Identifier, seen: Set<Variable>): boolean {
  const variable = m.bindings.variableOf(id);
  if (!variable || seen.has(variable)) return false; // `var r = r`
  seen.add(variable);
  return variable.references.some((ref) => ref.identifier !== id && !ref.isWrite() && recordReachesCf(m, ref.identifier, seen));
}

/** `{ Records: [{ cf }] }`, `{ Records }` with `Records[0].cf` later. */
export function patternReachesCf(m: FileState, pattern: TSESTree.ObjectPattern): boolean {
  const prop = findPatternKey(pattern, 'Records');
  if (!prop) return false;
  const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
  if (value.type === AST_NODE_TYPES.ArrayPattern) {
    const first = value.elements[0];
    const inner = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
    return inner?.type === AST_NODE_TYPES.ObjectPattern && !!findPatternKey(inner, 'cf');
  }
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = m.bindings.variableOf(value);
    return !!variable?.references.some((ref) => recordsReachCf(m, ref.identifier));
  }
  return false;
}
