/**
 * The edge model: `getAnalysis(context)` for rules, `configProblemsFor` for `valid-configuration` (through `onConfigProblems`).
 * What a rule can read is documented in ./types.ts.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { readSettings } from '../settings.js';
import { analyze } from './build.js';
import type { AnyContext } from './state.js';
import type { Analysis, ConfigProblem } from './types.js';

export type * from './types.js';
export { HEADER_KINDS, headerOwnerOf } from './kinds.js';

const cache = new WeakMap<TSESTree.Program, Analysis>();
let lastAst: TSESTree.Program | undefined;
let lastAnalysis: Analysis | undefined;

/**
 * The last tree of each parser (by its visitor keys), kept alive until that parser's next file.
 * Not for lookups: V8's optimised code for the model and the rules checks the hidden classes of
 * the tree nodes it has met, and a full collection discards every optimised function that
 * checks a hidden class no live object has any more. Between JavaScript and TypeScript files
 * the other parser's node classes all die, and the functions are optimised again: keeping the
 * trees took 4–12% off what `all` costs a handler file in mixed corpora (docs/performance.md,
 * "Issue 12: keeping the last tree of each parser"). One tree per parser (with its model, a
 * file's worth), at most a few parsers: an editor or a lint run holds the file it lints anyway.
 */
const lastTreeOfParser = new Map<object, TSESTree.Program>();
const MAX_PARSERS = 8;

function keepTree(visitorKeys: object, ast: TSESTree.Program): void {
  // A parser that hands out new visitor keys per file would grow the map: start over instead.
  if (!lastTreeOfParser.has(visitorKeys) && lastTreeOfParser.size >= MAX_PARSERS) lastTreeOfParser.clear();
  lastTreeOfParser.set(visitorKeys, ast);
}

/**
 * The shared model of one file. Computed on first use by any rule, then cached on the AST, so
 * all rules of a lint run share it.
 */
export function getAnalysis(context: AnyContext): Analysis {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  // Every rule asks, one file after another: the last file answers most lookups.
  if (ast === lastAst) return lastAnalysis!;
  let result = cache.get(ast);
  if (!result) {
    result = analyze(context);
    cache.set(ast, result);
  }
  lastAst = ast;
  lastAnalysis = result;
  keepTree(sourceCode.visitorKeys, ast);
  return result;
}

const reportedSettingsProblems = new Map<string, string>();
const claimed = new WeakMap<Analysis, string>();
const NO_PROBLEMS: readonly ConfigProblem[] = [];

/**
 * Configuration problems (an invalid `@lambda-edge-event`, invalid settings, a comment that
 * disagrees with infrastructure code) are reported once per file, by the first rule that
 * asks. Settings problems are reported in every Lambda@Edge file and in the first file of
 * the process.
 */
export function configProblemsFor(context: AnyContext, analysis: Analysis): readonly ConfigProblem[] {
  const settingsProblems = readSettings(context.settings).problems;
  if (analysis.problems.length === 0 && settingsProblems.length === 0) return NO_PROBLEMS;
  const owner = claimed.get(analysis);
  if (owner !== undefined && owner !== context.id) return [];
  claimed.set(analysis, context.id);
  const problems = [...analysis.problems];
  for (const message of settingsProblems) {
    const file = reportedSettingsProblems.get(message);
    if (file === undefined) reportedSettingsProblems.set(message, context.filename);
    // In every Lambda@Edge file (where the setting matters, and an editor shows it), and in
    // the first file that met it, so a CLI run over code with no handler still says it once.
    if (analysis.isEdge || file === undefined || file === context.filename) {
      problems.push({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, message });
    }
  }
  return problems;
}
