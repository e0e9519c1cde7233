import { dirname, extname, join, resolve } from 'node:path';
import type { DiscoveryContext } from './context.js';

const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** `.js` written in TypeScript sources for a `.ts` file (NodeNext style), and the like. */
const WRITTEN_FOR: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/**
 * Resolves a relative module specifier (`./x`, `../lib/y.js`, `./dir`) from a source file
 * to an existing source file, the way TypeScript and bundlers do: the exact file, a `.js`
 * that stands for a `.ts`, added extensions, then `index` files. Package names give undefined.
 */
export function resolveRelativeModule(ctx: DiscoveryContext, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  const base = resolve(dirname(fromFile), specifier.split('?')[0]!);
  const ext = extname(base);
  if (CODE_EXTENSIONS.includes(ext)) {
    for (const replacement of WRITTEN_FOR[ext] ?? []) {
      const candidate = base.slice(0, -ext.length) + replacement;
      if (ctx.kind(candidate) === 'file') return candidate;
    }
    if (ctx.kind(base) === 'file') return base;
    return undefined;
  }
  for (const candidateExt of CODE_EXTENSIONS) {
    if (ctx.kind(base + candidateExt) === 'file') return base + candidateExt;
  }
  if (ctx.kind(base) === 'dir') {
    for (const candidateExt of CODE_EXTENSIONS) {
      const index = join(base, `index${candidateExt}`);
      if (ctx.kind(index) === 'file') return index;
    }
  }
  return undefined;
}
