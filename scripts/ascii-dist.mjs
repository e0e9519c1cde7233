#!/usr/bin/env node
// Run by `npm run build` after tsc: rewrites every non-ASCII character of the emitted
// JavaScript (dist/**/*.js) as a `\uXXXX` escape, so each file is pure ASCII.
//
// Why: V8 keeps the source text of every loaded module for as long as the process lives, one
// byte per character when the whole file is Latin-1 and two bytes per character otherwise. A
// single `…` or `—` in a message or a comment doubles the memory of that module's text. Half of
// the emitted JavaScript was in such files; escaping took the plugin's resident memory after
// 1,000 linted files from +3.3 MB to +2.2 MB over ESLint alone (docs/performance.md).
//
// The escape means the same everywhere a non-ASCII character can stand in the output: in a
// string, template or regular-expression literal `\u2026` is the character itself (characters
// beyond U+FFFF become their two surrogate escapes, which `u`-mode patterns read as one code
// point); in an identifier it is an allowed escape; in a comment it is text. The one place it
// would not be is right after a backslash (`'\…'`), where it would turn into `\\u2026`: the
// script refuses such a file rather than change its meaning. Declaration files (.d.ts) are not
// loaded at run time and keep their characters, for editors' hovers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The text with every character above U+007F written as `\uXXXX` (UTF-16 code units). */
export function escapeNonAscii(text, file = '<text>') {
  return text.replace(/[^\0-\x7f]/g, (char, offset) => {
    let backslashes = 0;
    for (let i = offset - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (backslashes % 2 === 1) {
      const line = text.slice(0, offset).split('\n').length;
      throw new Error(`${file}:${line}: a backslash escapes the non-ASCII character U+${char.charCodeAt(0).toString(16).toUpperCase()}; write it without the backslash`);
    }
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The emitted JavaScript files under `dir` (.js, .mjs, .cjs), at any depth. */
export function jsFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsFiles(path));
    else if (/\.[cm]?js$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Rewrites the files under `dir` in place; returns how many changed. */
export function asciiDist(dir) {
  let changed = 0;
  for (const file of jsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const escaped = escapeNonAscii(text, relative(process.cwd(), file));
    if (escaped !== text) {
      writeFileSync(file, escaped);
      changed++;
    }
  }
  return changed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? 'dist';
  asciiDist(dir);
}
