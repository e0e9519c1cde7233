import type { EventType } from '../event-types.js';
import { readText, type DiscoveryContext } from './context.js';
import { loadImportScanner } from './lazy.js';
import { resolveRelativeModule } from './module-resolve.js';

/**
 * Follows relative imports from handler files (`import`, `export ... from`, `require()`,
 * `import()`), transitively, and gives each reached module the union of the event types of
 * the handlers that reach it. Package imports are not edge code of this project.
 */
export function importedByHandlers(
  ctx: DiscoveryContext,
  handlers: ReadonlyMap<string, ReadonlySet<EventType>>,
): Map<string, { types: Set<EventType>; handlers: Set<string> }> {
  const importsOf = new Map<string, string[]>();
  const reached = new Map<string, { types: Set<EventType>; handlers: Set<string> }>();
  if (handlers.size === 0) return reached;
  const ts = loadImportScanner();

  const importsFrom = (file: string): string[] => {
    const cached = importsOf.get(file);
    if (cached) return cached;
    const list: string[] = [];
    importsOf.set(file, list);
    const read = readText(file);
    if ('error' in read) {
      ctx.problem(file, undefined, read.error, 'import');
      return list;
    }
    const info = ts.preProcessFile(read.text, true, true);
    for (const ref of info.importedFiles) {
      const target = resolveRelativeModule(ctx, file, ref.fileName);
      if (target && target !== file) list.push(target);
    }
    return list;
  };

  for (const [handler, types] of handlers) {
    const seen = new Set<string>([handler]);
    const queue = [...importsFrom(handler)];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      let reach = reached.get(file);
      if (!reach) reached.set(file, (reach = { types: new Set(), handlers: new Set() }));
      for (const t of types) reach.types.add(t);
      reach.handlers.add(handler);
      queue.push(...importsFrom(file));
    }
  }
  return reached;
}
