import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { infrastructureProblemsOfFile } from './infra/index.js';
import type { InfrastructureProblem } from './infra/types.js';

/** What a finding on an infrastructure file adds to what discovery could not follow. */
export const CONSEQUENCE =
  'So the plugin does not learn the handler file and event types of this function, and the event-specific rules stay silent for its handler. ' +
  "Write it in a form the plugin reads (a literal value or array, a construct or variable of this file, a path that exists), or give the handler its event types in its own file with a `// @lambda-edge-event viewer-request` comment (or settings['lambda-edge'].handlers)."

export interface SourceLike {
  ast: { type: string; body?: Array<{ type?: string }> };
  text: string;
  lines?: readonly string[];
  getLocFromIndex?: (index: number) => { line: number; column: number };
}

/**
 * JS/TS files get the shared edge model; YAML, JSON and HCL trees do not (it reads ESTree only).
 * eslint-plugin-yml's `Program` holds YAML documents and nothing else, and an ESTree `Program`
 * never holds one: the first statement tells them apart (not a walk over every statement of
 * every linted file).
 */
export function isEstree(ast: SourceLike['ast']): boolean {
  return ast.type === 'Program' && ast.body?.[0]?.type !== 'YAMLDocument';
}

/**
 * The span of a 1-based line from its first to its last non-blank character, in the
 * language's own line and column numbering (`getLocFromIndex`), so JSON and HCL (1-based
 * columns) and JS and YAML (0-based) all land on the same text. A line past the end (or
 * none) is the file's last line (or its first).
 */
export function lineSpan(sourceCode: SourceLike, line: number | undefined): TSESTree.SourceLocation {
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
 * Adds to `listeners` a report, on the linted infrastructure file's own lines, of each problem
 * discovery recorded in it that `wanted` keeps: `valid-configuration` keeps the mistakes
 * (`invalid`, `parse`), `infra-unresolved` what the plugin cannot follow (`unresolved`, or no
 * kind). Code that is not in the project (`remote`) is neither's.
 */
export function withInfrastructureProblems<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  messageId: MessageId,
  listeners: TSESLint.RuleListener,
  wanted: (problem: InfrastructureProblem) => boolean,
): TSESLint.RuleListener {
  // Once per file for both rules that ask (none for `<input>`): on nearly every file, none at all.
  const inFile = infrastructureProblemsOfFile(context);
  if (inFile.length === 0) return listeners;
  const problems = inFile.filter(wanted);
  if (problems.length === 0) return listeners;
  const sourceCode = context.sourceCode as unknown as SourceLike;
  const rootType = sourceCode.ast.type;
  const inner = listeners[rootType as 'Program'] as ((node: never) => void) | undefined;
  return {
    ...listeners,
    [rootType](node: never) {
      inner?.(node);
      for (const problem of problems) {
        context.report({
          loc: lineSpan(sourceCode, problem.line),
          messageId,
          data: { message: `${problem.what ?? problem.message} ${CONSEQUENCE}` },
        });
      }
    },
  };
}
