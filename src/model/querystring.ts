/** Facts about values written to or read from `request.querystring` (a string in Lambda@Edge). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../estree/nodes.js';
import { classify } from './classify.js';
import type { Kind } from './kinds.js';
import type { FileState } from './state.js';
import type { QuerystringObject } from './types.js';

/** Query-string parsers whose result is an object: `querystring.parse(...)`, `qs.parse(...)`. */
const PARSER_MODULES = new Set(['querystring', 'qs', 'querystringify', 'queryString']);

/** The query-string object an expression is, followed through one-definition names (three deep). */
export function querystringObjectOf(m: FileState, raw: TSESTree.Node, depth = 0): QuerystringObject | undefined {
  const node = unwrap(raw);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return 'literal';
  if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'URLSearchParams') {
    return 'params';
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrap(node.callee.object);
    const method = memberName(node.callee);
    if (object.type === AST_NODE_TYPES.Identifier) {
      if (object.name === 'Object' && method === 'fromEntries') return 'literal';
      if (PARSER_MODULES.has(object.name) && method === 'parse') return 'parsed';
    }
  }
  if (node.type === AST_NODE_TYPES.Identifier && depth < 3) {
    // `const params = { a: 'b' }; request.querystring = params;`
    const def = m.bindings.singleDefinition(node);
    if (def?.whole) return querystringObjectOf(m, def.init, depth + 1);
  }
  return undefined;
}

/**
 * Is the expression a name that a later assignment gives something not of `kind`
 * (`let qs = request.querystring; qs = querystring.parse(qs)`)?
 */
export function laterHoldsOther(m: FileState, raw: TSESTree.Node, kind: Kind): boolean {
  const node = unwrap(raw);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  return m.bindings.laterWrites(node).some((value) => !(value && classify(m, value) === kind));
}
