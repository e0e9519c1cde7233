/**
 * The names a header write can set: the fact `headerWriteNames` (./named-facts.ts), the view
 * `headerUses` grouped by the access or entry that writes, so it reads names the same way
 * (literal, member, data, lowercased data) and resolves nothing itself.
 */
import { headerUses } from './header-uses.js';
import type { FileState } from './state.js';
import type { HeaderEntry, MemberAccess } from './types.js';

const memo = new WeakMap<FileState, Map<MemberAccess | HeaderEntry, string[]>>();

/** Every write's names (lowercased, each once), by its access or entry. */
function namesByWrite(m: FileState, entries: readonly HeaderEntry[]): Map<MemberAccess | HeaderEntry, string[]> {
  const hit = memo.get(m);
  if (hit) return hit;
  const byWrite = new Map<MemberAccess | HeaderEntry, string[]>();
  for (const use of headerUses(m, entries)) {
    const write = use.op === 'read' ? undefined : (use.access ?? use.entry);
    if (!write) continue;
    const name = use.name.toLowerCase();
    const names = byWrite.get(write);
    if (!names) byWrite.set(write, [name]);
    else if (!names.includes(name)) names.push(name);
  }
  memo.set(m, byWrite);
  return byWrite;
}

/** The names (lowercased) a header write can set; undefined when none can be read. */
export function headerWriteNames(m: FileState, entries: readonly HeaderEntry[], write: MemberAccess | HeaderEntry): readonly string[] | undefined {
  return namesByWrite(m, entries).get(write);
}
