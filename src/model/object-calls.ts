import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, outerParent } from '../estree/nodes.js';
import type { FileState } from './state.js';
import { classify } from './classify.js';
import type { Kind } from './kinds.js';
import type { ObjectCall, ObjectStyleUse } from './types.js';

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

const OBJECT_FUNCTIONS: ReadonlySet<string> = new Set(['keys', 'values', 'entries', 'getOwnPropertyNames', 'assign']);

/** Expressions of `kind` used as plain objects: `Object.keys(x)`, `for (k in x)`, `'k' in x`. */
export function objectStyleUses(m: FileState, kind: Kind): ObjectStyleUse[] {
  const uses: ObjectStyleUse[] = [];
  for (const { method, target } of objectCalls(m)) {
    if (target && OBJECT_FUNCTIONS.has(method) && classify(m, target) === kind) {
      uses.push({ node: target, how: { type: 'object-function', method } });
    }
  }
  for (const loop of m.forIns) if (classify(m, loop.right) === kind) uses.push({ node: loop.right, how: { type: 'for-in' } });
  for (const check of m.inChecks) if (classify(m, check.right) === kind) uses.push({ node: check.right, how: { type: 'in' } });
  return uses;
}

/** Calls and `new` expressions whose first argument (not a spread) is of `kind`. */
export function callsTaking(m: FileState, kind: Kind): Array<TSESTree.CallExpression | TSESTree.NewExpression> {
  return m.calls.filter((call) => {
    const first = call.arguments[0];
    return first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && classify(m, first) === kind;
  });
}
