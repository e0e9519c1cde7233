/**
 * Reliability harness: lint a program with every rule the plugin exports (read at run time,
 * so rules added later are covered), under espree and the TypeScript parser, and check that
 *
 * - no rule throws;
 * - every autofix output parses, and so does every suggestion's output;
 * - a second --fix pass over the fixed code changes nothing (fixes reach a fixpoint);
 * - the fixed code has the same findings as the original minus the fixed ones
 *   (rule id + message multiset; line numbers inside messages are ignored);
 * - a configuration problem is reported once per file, not once per rule.
 *
 * Used by tests/reliability/fuzz.test.ts (bounded, in `npm test`) and by `npm run fuzz`.
 */
import { mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { rules } from '../../rules/index.js';
import plugin from '../../src/index.js';

export type ParserName = 'espree' | 'typescript';

export interface LintTarget {
  code: string;
  parser: ParserName;
  /** Default: script for CJS-looking code, else module. */
  sourceType?: 'module' | 'script' | 'commonjs';
  settings?: Record<string, unknown>;
  /** Absolute; must lie under `cwd` (ESLint lints nothing outside it). */
  filename?: string;
  /** ESLint's working directory, where discovery starts. Default: EMPTY_PROJECT. */
  cwd?: string;
}

export interface Failure {
  kind: 'not-linted' | 'crash' | 'fix-unparsable' | 'suggestion-unparsable' | 'fix-not-idempotent' | 'findings-changed' | 'config-problem-repeated';
  parser: ParserName;
  detail: string;
  code: string;
  output?: string;
}

export interface CheckResult {
  /** False when the program does not parse with this parser (nothing else was checked). */
  parsed: boolean;
  messages: Linter.LintMessage[];
  failures: Failure[];
}

/**
 * An empty folder outside the repository: discovery (if on) finds nothing there, and the
 * linted file's path has no `tests/` folder in it. Inside one, the analysis takes the file for
 * a test file and skips unexported handlers, so the fuzz would never reach their code.
 */
export const EMPTY_PROJECT = path.join(os.tmpdir(), 'eslint-plugin-lambda-edge-fuzz', 'project');
mkdirSync(EMPTY_PROJECT, { recursive: true });

const linters = new Map<string, Linter>();
function linterFor(target: Pick<LintTarget, 'cwd'>): Linter {
  const cwd = target.cwd ?? EMPTY_PROJECT;
  let linter = linters.get(cwd);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd });
    linters.set(cwd, linter);
  }
  return linter;
}

/** Every rule exported by rules/index.ts, at error level: the `all` config, built at run time. */
export function allRulesLevels(): Linter.RulesRecord {
  const levels: Linter.RulesRecord = {};
  for (const name of Object.keys(rules)) levels[`lambda-edge/${name}`] = 'error';
  return levels;
}

export function configFor(target: Pick<LintTarget, 'parser' | 'sourceType' | 'settings' | 'code'>): Linter.Config[] {
  const sourceType = target.sourceType ?? (/\brequire\(|module\.exports|\bexports\./.test(target.code) ? 'commonjs' : 'module');
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      plugins: { 'lambda-edge': plugin as never },
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType,
        ...(target.parser === 'typescript' ? { parser: tsParser as Linter.Parser } : {}),
      },
      settings: target.settings ?? { 'lambda-edge': { infrastructure: false } },
      rules: allRulesLevels(),
    },
  ];
}

function defaultFilename(parser: ParserName): string {
  return path.join(EMPTY_PROJECT, parser === 'typescript' ? 'handler.ts' : 'handler.js');
}

function fatalOf(messages: Linter.LintMessage[]): Linter.LintMessage | undefined {
  return messages.find((m) => m.fatal);
}

/**
 * A finding's identity across a fix: rule id and message, with line numbers, quote marks and
 * letter case dropped. A fix moves code; the plugin's fixes quote numbers (the same finding
 * then says `'0'` where it said `0`) and lowercase header keys (it then names `x-a`, not `X-A`).
 */
function key(m: Linter.LintMessage): string {
  const message = m.message
    .replace(/\bline \d+/g, 'line N')
    .replace(/:\d+\b/g, ':N')
    .replace(/['"`]/g, '')
    .toLowerCase();
  return `${m.ruleId}\u0000${message}`;
}

function multiset(messages: Linter.LintMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of messages) out.set(key(m), (out.get(key(m)) ?? 0) + 1);
  return out;
}

function diffMultisets(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const lines: string[] = [];
  for (const k of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(k) ?? 0;
    const a = actual.get(k) ?? 0;
    if (e !== a) lines.push(`${k.replace('\u0000', ': ')} (expected ${e}, got ${a})`);
  }
  return lines;
}

/** Lints once; a thrown error (a rule crash) is returned, not thrown. */
export function lint(target: LintTarget): { messages: Linter.LintMessage[] } | { error: Error } {
  try {
    const messages = linterFor(target).verify(target.code, configFor(target), { filename: target.filename ?? defaultFilename(target.parser) });
    return { messages };
  } catch (error) {
    return { error: error as Error };
  }
}

/** Runs every check on one program with one parser. */
export function checkProgram(target: LintTarget): CheckResult {
  const failures: Failure[] = [];
  const filename = target.filename ?? defaultFilename(target.parser);
  const config = configFor(target);
  const linter = linterFor(target);
  const fail = (kind: Failure['kind'], detail: string, output?: string) =>
    failures.push({ kind, parser: target.parser, detail, code: target.code, ...(output === undefined ? {} : { output }) });
  const verify = (code: string): Linter.LintMessage[] | undefined => {
    try {
      return linter.verify(code, config, { filename });
    } catch (error) {
      fail('crash', (error as Error).stack ?? String(error), code === target.code ? undefined : code);
      return undefined;
    }
  };

  const messages = verify(target.code);
  if (!messages) return { parsed: true, messages: [], failures };
  if (fatalOf(messages)) return { parsed: false, messages, failures };
  // ESLint's own notes ("No matching configuration found", an unused directive) have no rule
  // id: the rules did not run on this file, so nothing below would check anything.
  const notLinted = messages.find((m) => !m.ruleId);
  if (notLinted) {
    fail('not-linted', notLinted.message);
    return { parsed: true, messages, failures };
  }

  // A configuration problem (bad @lambda-edge-event, bad settings) is reported by one rule only.
  const configLike = messages.filter((m) => /@lambda-edge-event|settings\['lambda-edge'\]/.test(m.message));
  const seenConfig = new Map<string, string>();
  for (const m of configLike) {
    const k = `${m.line}:${m.column}:${m.message}`;
    const other = seenConfig.get(k);
    if (other !== undefined && other !== m.ruleId) fail('config-problem-repeated', `${m.message} (by ${other} and ${m.ruleId})`);
    seenConfig.set(k, m.ruleId ?? '');
  }

  // Suggestions: each one applied alone must give code that parses. Parsed with the same
  // parser and options but no rules: a program has many suggestions, and linting each output
  // with every rule made them most of the fuzz's time.
  const parseOnly = config.map((c) => ({ ...c, rules: {} }));
  for (const m of messages) {
    for (const s of m.suggestions ?? []) {
      const out = target.code.slice(0, s.fix.range[0]) + s.fix.text + target.code.slice(s.fix.range[1]);
      const fatal = fatalOf(linter.verify(out, parseOnly, { filename }));
      if (fatal) fail('suggestion-unparsable', `${m.ruleId}: "${s.desc}" → ${fatal.message}`, out);
    }
  }

  if (!messages.some((m) => m.fix)) return { parsed: true, messages, failures };

  let first: Linter.FixReport;
  try {
    first = linter.verifyAndFix(target.code, config, { filename, fix: true });
  } catch (error) {
    fail('crash', `during --fix: ${(error as Error).stack ?? String(error)}`);
    return { parsed: true, messages, failures };
  }
  const fatal = fatalOf(first.messages);
  if (fatal) {
    fail('fix-unparsable', fatal.message, first.output);
    return { parsed: true, messages, failures };
  }
  let second: Linter.FixReport;
  try {
    second = linter.verifyAndFix(first.output, config, { filename, fix: true });
  } catch (error) {
    fail('crash', `during second --fix: ${(error as Error).stack ?? String(error)}`, first.output);
    return { parsed: true, messages, failures };
  }
  if (second.output !== first.output) {
    fail('fix-not-idempotent', `second --fix pass changed the code again`, second.output);
  }
  // The fixed code has the same findings, minus the fixed ones.
  const expected = multiset(messages.filter((m) => !m.fix));
  const actual = multiset(first.messages);
  const diff = diffMultisets(expected, actual);
  if (diff.length > 0) fail('findings-changed', diff.join('\n'), first.output);
  return { parsed: true, messages, failures };
}

/** Formats failures for an assertion message: enough to reproduce by hand. */
export function describeFailures(failures: Failure[], extra = ''): string {
  return failures
    .map(
      (f) =>
        `[${f.kind}] (${f.parser}) ${extra}\n${f.detail}\n--- code ---\n${f.code}\n${f.output === undefined ? '' : `--- output ---\n${f.output}\n`}`,
    )
    .join('\n');
}
