import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent } from '../estree/nodes.js';
import type { FileState } from './state.js';
import type { ObjectCall } from './types.js';

/**
 * `Object.<method>(target, ...sources)` calls of the file (`Object.assign`, `Object.keys`, ...),
 * found among the member expressions the collect phase kept. The one place that recognises them.
 */
export function objectCalls(m: FileState): ObjectCall[] {
  if (m.objectCalls) return m.objectCalls;
  const calls: ObjectCall[] = [];
  for (const member of m.members) {
    if (member.object.type !== AST_NODE_TYPES.Identifier || member.object.name !== 'Object') continue;
    const method = memberName(member);
    const { node: callee, parent: call } = outerParent(member);
    if (method === undefined || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) continue;
    const [first, ...rest] = call.arguments;
    const target = first && first.type !== AST_NODE_TYPES.SpreadElement ? first : undefined;
    calls.push({ call, method, target, sources: rest as TSESTree.Node[] });
  }
  m.objectCalls = calls;
  return calls;
}
