// Checks the links of Markdown files without the network: reference-style links have a
// definition, relative links name files that exist (and headings that exist, for `#anchor`s
// into Markdown), and URLs are well-formed https. Code blocks and code spans are not links.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface LinkProblem {
  file: string;
  line: number;
  problem: string;
}

/** GitHub's heading anchor: lowercase, punctuation dropped (not `-` or `_`), spaces to `-`. */
export function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Blanks out fenced code blocks (keeping line numbers). */
function withoutFences(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  const out = lines.map((line) => {
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (open && open[1]!.startsWith(fence)) fence = undefined;
      return '';
    }
    if (open) {
      fence = open[1]!;
      return '';
    }
    return line;
  });
  return out.join('\n');
}

/** Blanks out fenced code blocks and code spans (keeping line numbers and lengths). */
function withoutCode(text: string): string {
  return withoutFences(text).replace(/(`+)[^`]*?\1/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** The anchors a Markdown text defines: its headings' slugs (with GitHub's -1, -2 suffixes). */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const line of withoutFences(text).split('\n')) {
    const match = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]!);
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const match of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a well-formed URL`;
  }
  if (parsed.protocol !== 'https:') return `"${url}" is not https`;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parsed.hostname)) return `"${url}" has no valid host name`;
  if (/\s/.test(url)) return `"${url}" contains white space`;
  return undefined;
}

/**
 * Problems of one Markdown file. `file` is relative to `root`; `read` returns another file's
 * text (for anchors), by default from disk.
 */
export function linkProblems(
  root: string,
  file: string,
  text: string,
  exists: (rel: string) => 'file' | 'dir' | undefined = (rel) => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return undefined;
    return statSync(full).isDirectory() ? 'dir' : 'file';
  },
  read: (rel: string) => string = (rel) => readFileSync(path.join(root, rel), 'utf8'),
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const code = withoutCode(text);
  const lines = code.split('\n');
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  const report = (index: number, problem: string) => problems.push({ file, line: lineOf(index), problem });

  // Definitions: `[label]: url` at the start of a line, after a blank line or another
  // definition (a definition cannot interrupt a paragraph: it would be plain text).
  const definitions = new Map<string, string>();
  const definition = /^ {0,3}\[([^\]]+)\]:\s*(\S+)/;
  lines.forEach((line, i) => {
    const match = definition.exec(line);
    if (!match) return;
    const previous = lines[i - 1];
    if (previous !== undefined && previous.trim() !== '' && !definition.test(previous)) {
      problems.push({ file, line: i + 1, problem: `definition [${match[1]}] follows a paragraph line, so Markdown shows it as text: put a blank line before it` });
    }
    definitions.set(match[1]!.toLowerCase(), match[2]!);
  });

  const checkTarget = (index: number, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      if (/^mailto:/i.test(target)) return;
      const problem = urlProblem(target);
      if (problem) report(index, problem);
      return;
    }
    const [rawPath, anchor] = target.split('#', 2) as [string, string | undefined];
    const rel = rawPath === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURI(rawPath)));
    if (rel.startsWith('..')) {
      report(index, `"${target}" points outside the repository`);
      return;
    }
    const kind = exists(rel);
    if (!kind) {
      report(index, `"${target}" names ${rel}, which does not exist`);
      return;
    }
    if (anchor !== undefined && kind === 'file' && rel.endsWith('.md')) {
      const source = rel === file ? text : read(rel);
      if (!anchorsOf(source).has(anchor)) report(index, `"${target}": ${rel} has no heading for #${anchor}`);
    }
  };

  // Inline links and images: [text](target "title") / ![alt](target)
  for (const match of code.matchAll(/!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    checkTarget(match.index, match[1]!);
  }
  // Full and collapsed reference links: [text][label], [label][]
  for (const match of code.matchAll(/\[((?:[^\[\]]|\[[^\]]*\])*)\]\[([^\]]*)\]/g)) {
    const label = (match[2] || match[1]!).toLowerCase();
    if (!definitions.has(label)) report(match.index, `reference link [${label}] has no definition`);
  }
  // Shortcut reference links: [label] not followed by ( [ or :, and not part of the above.
  for (const match of code.matchAll(/(?<![\]\\!])\[([^\[\]\n]+)\](?![(\[:])/g)) {
    const before = code.slice(0, match.index);
    if (/\]\s*$/.test(before) && /\[[^\]]*\]$/.test(before)) continue;
    const label = match[1]!.toLowerCase();
    // A task-list checkbox or an elision such as […] is not meant as a link.
    if (/^[ xX]$/.test(label) || !/[\p{L}\p{N}]/u.test(label)) continue;
    if (!definitions.has(label)) report(match.index, `[${match[1]}] looks like a reference link but has no definition`);
  }
  // Definition targets and autolinks
  lines.forEach((line, i) => {
    const match = definition.exec(line);
    if (match) {
      const index = lines.slice(0, i).join('\n').length + 1;
      checkTarget(index, match[2]!);
    }
  });
  for (const match of code.matchAll(/<(https?:[^>\s]+)>/g)) checkTarget(match.index, match[1]!);
  return problems;
}
