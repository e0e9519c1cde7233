/**
 * The names a header write can set, read as data: the fact `headerWriteNames` (./named-facts.ts).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../estree/nodes.js';
import { dataNames } from './header-names.js';
import { headerUses } from './header-uses.js';
import type { FileState } from './state.js';
import type { HeaderEntry, MemberAccess } from './types.js';

const LOWERING = new Set(['toLowerCase', 'toLocaleLowerCase']);

const memo = new WeakMap<FileState, Map<MemberAccess | HeaderEntry, Set<string>>>();

/** Every write's data names (constants, tables, a helper's argument), by its access or entry. */
function dataNamesByWrite(m: FileState, entries: readonly HeaderEntry[]): Map<MemberAccess | HeaderEntry, Set<string>> {
  const hit = memo.get(m);
  if (hit) return hit;
  const byWrite = new Map<MemberAccess | HeaderEntry, Set<string>>();
  for (const use of headerUses(m, entries)) {
    const write = use.op === 'read' || use.form !== 'data' ? undefined : (use.access ?? use.entry);
    if (!write) continue;
    const names = byWrite.get(write) ?? new Set<string>();
    names.add(use.name.toLowerCase());
    byWrite.set(write, names);
  }
  memo.set(m, byWrite);
  return byWrite;
}

/** `name.toLowerCase()` as a key: `name`, whose data names the lowercasing keeps apart from their case. */
function loweredName(key: TSESTree.Node): TSESTree.Node | undefined {
  const node = unwrap(key);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return undefined;
  const callee = unwrap(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  return method && LOWERING.has(method) ? callee.object : undefined;
}

/** The computed key of a write: `headers[key]`, `{ [key]: ... }`. */
function computedKey(write: MemberAccess | HeaderEntry): TSESTree.Node | undefined {
  if ('map' in write) return write.property.computed ? write.property.key : undefined;
  return write.node.type === AST_NODE_TYPES.MemberExpression && write.node.computed ? write.node.property : undefined;
}

/**
 * The names (lowercased) a header write can set: its literal name, or the names its computed key
 * holds as data, also through `.toLowerCase()`. Undefined when none can be read.
 */
export function headerWriteNames(m: FileState, entries: readonly HeaderEntry[], write: MemberAccess | HeaderEntry): readonly string[] | undefined {
  if (write.name !== undefined) return [write.name.toLowerCase()];
  const names = new Set(dataNamesByWrite(m, entries).get(write));
  const key = computedKey(write);
  const lowered = key && loweredName(key);
  if (lowered) for (const data of dataNames(m, lowered)) names.add(data.name.toLowerCase());
  return names.size > 0 ? [...names] : undefined;
}
