import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createUngatedRule } from '../src/create-rule.js';
import { problemsInFile } from '../src/infra/index.js';
import { onConfigProblems } from '../src/rule-helpers.js';
import { readSettings } from '../src/settings.js';

/** What a finding on an infrastructure file adds to what discovery could not follow. */
const CONSEQUENCE =
  'So the plugin does not learn the handler file and event types of this function, and the event-specific rules stay silent for its handler. ' +
  "Write it in a form the plugin reads (a literal value or array, a construct or variable of this file, a path that exists), or give the handler its event types in its own file with a `// @lambda-edge-event viewer-request` comment (or settings['lambda-edge'].handlers)."

interface SourceLike {
  ast: { type: string; body?: Array<{ type?: string }> };
  text: string;
  lines?: readonly string[];
  getLocFromIndex?: (index: number) => { line: number; column: number };
}

/** JS/TS files get the shared edge model; YAML, JSON and HCL trees do not (it reads ESTree only). */
function isEstree(ast: SourceLike['ast']): boolean {
  return ast.type === 'Program' && !ast.body?.some((node) => node.type === 'YAMLDocument');
}

/**
 * The span of a 1-based line from its first to its last non-blank character, in the
 * language's own line and column numbering (`getLocFromIndex`), so JSON and HCL (1-based
 * columns) and JS and YAML (0-based) all land on the same text. A line past the end (or
 * none) is the file's last line (or its first).
 */
function lineSpan(sourceCode: SourceLike, line: number | undefined): TSESTree.SourceLocation {
  const text = sourceCode.text;
  const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
  const index = Math.min(Math.max((line ?? 1) - 1, 0), lines.length - 1);
  let offset = 0;
  for (let i = 0; i < index; i++) {
    offset += lines[i]!.length;
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  const content = lines[index]!;
  const start = offset + (content.length - content.trimStart().length);
  const end = offset + content.trimEnd().length;
  const locOf = (at: number) => sourceCode.getLocFromIndex?.(at) ?? { line: index + 1, column: at - offset };
  return { start: locOf(start), end: locOf(Math.max(end, start)) };
}

/**
 * The one rule that reports configuration problems: an invalid `@lambda-edge-event` comment,
 * an invalid `settings['lambda-edge']` value, a comment that disagrees with the
 * infrastructure code, and, on the infrastructure file's own line, what infrastructure
 * discovery could not read or follow. Under its own id, so an editor's "disable for this line"
 * and a CI filter act on configuration, not on whichever code rule happened to run first.
 */
export default createUngatedRule({
  name: 'valid-configuration',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require valid Lambda@Edge event type comments, settings and readable infrastructure code',
      recommended: 'recommended',
    },
    // The problem's own text says what is wrong and what to write instead.
    messages: { invalidConfig: '{{ message }}' },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode as unknown as SourceLike;
    const estree = isEstree(sourceCode.ast);
    const listeners: TSESLint.RuleListener = estree
      ? onConfigProblems(context, (problem) =>
          context.report({ loc: problem.loc, messageId: 'invalidConfig', data: { message: problem.message } }),
        )
      : {};
    const filename = context.filename;
    if (!filename || filename.startsWith('<')) return listeners;
    const settings = readSettings(context.settings);
    const unreadable = problemsInFile(
      { cwd: context.cwd, infrastructure: settings.infrastructure, handlers: settings.handlers },
      filename,
    );
    if (unreadable.length === 0) return listeners;
    const rootType = sourceCode.ast.type;
    const inner = listeners[rootType as 'Program'] as ((node: never) => void) | undefined;
    return {
      ...listeners,
      [rootType](node: never) {
        inner?.(node);
        for (const problem of unreadable) {
          context.report({
            loc: lineSpan(sourceCode, problem.line),
            messageId: 'invalidConfig',
            data: { message: `${problem.what ?? problem.message} ${CONSEQUENCE}` },
          });
        }
      },
    };
  },
});
