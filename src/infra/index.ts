import { basename, resolve } from 'node:path';
import { clearBuildDefines } from '../build-defines.js';
import type { EventType } from '../event-types.js';
import { readSettings } from '../settings.js';
import { changedSince, recheckClock, recheckDue } from './context.js';
import { discover, type Discovery } from './discover.js';
import type { InfrastructureMap, InfrastructureProblem } from './types.js';

export type {
  InfrastructureBinding,
  InfrastructureMap,
  InfrastructureProblem,
  InfrastructureSource,
} from './types.js';

/**
 * Contract between the per-file analysis and infrastructure discovery.
 * (Discovery itself lives in this folder; see issue 4.)
 */
export interface FileInfrastructure {
  /** Event types per exported handler name, as bound by infrastructure code. */
  byExport: ReadonlyMap<string, ReadonlySet<EventType>>;
  /** For a module imported (transitively) by handlers: the union of their event types. */
  importedBy?: ReadonlySet<EventType>;
  /** Where the binding was declared, for messages ("serverless.yml:12"). */
  declaredIn: string;
  /** Names `X` the bundling of this file's function replaces in `process.env.X` (CDK `bundling.define`). */
  defines?: ReadonlySet<string>;
  /** Runtimes per exported handler name (`nodejs24.x`), where the infrastructure names them. */
  runtimes?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Exports of this file that the infrastructure deploys as functions that are not Lambda@Edge
   * (a Serverless function with no CloudFront event), in a file that also holds edge code.
   */
  otherExports?: ReadonlySet<string>;
}

export interface InfrastructureOptions {
  cwd: string;
  infrastructure: false | string[] | undefined;
  handlers: Record<string, Record<string, EventType[]>> | undefined;
}

/** A discovery and when its files were last found unchanged (recheckClock). */
interface Cached {
  found: Discovery;
  checkedAt: number;
}

/**
 * Discovery results per (cwd, options): computed once, then looked up; once per
 * RECHECK_INTERVAL_MS the files and folders a result read are stat'ed, and a result whose
 * files changed is discovered again.
 */
const discoveries = new Map<string, Cached>();
/** Per settings object, its part of the cache key, so a lookup never re-serialises settings. */
const keyParts = new WeakMap<object, string>();
/** Problems already printed to stderr in this process. */
const printed = new Set<string>();
const NO_ENTRY: FileInfrastructure | undefined = undefined;

function cacheKey(options: InfrastructureOptions): string {
  const part = options.handlers ?? options.infrastructure;
  let text: string;
  if (part && typeof part === 'object') {
    text = keyParts.get(part) ?? '';
    if (!text) {
      text = (options.handlers ? 'handlers:' : 'globs:') + JSON.stringify(part);
      keyParts.set(part, text);
    }
  } else {
    text = String(part);
  }
  return `${options.cwd}\0${text}`;
}

/**
 * The last lookup's options and answer: every file of a lint run asks with the same cwd and
 * the same settings values, so the key string is built once, not once per file.
 */
let last: { cwd: string; part: unknown; cached: Cached } | undefined;

function discovery(options: InfrastructureOptions): Discovery | undefined {
  if (options.infrastructure === false && !options.handlers) return undefined;
  const part = options.handlers ?? options.infrastructure;
  const now = recheckClock();
  if (last && last.cwd === options.cwd && last.part === part && !recheckDue(last.cached.checkedAt, now)) {
    return last.cached.found;
  }
  const key = cacheKey(options);
  let cached = discoveries.get(key);
  if (cached && recheckDue(cached.checkedAt, now)) {
    if (changedSince(cached.found.observed) === undefined) cached.checkedAt = now;
    else cached = undefined;
  }
  if (!cached) {
    const infrastructure = options.infrastructure === false ? undefined : options.infrastructure;
    const found = discover(resolve(options.cwd), infrastructure, options.handlers);
    cached = { found, checkedAt: recheckClock() };
    discoveries.set(key, cached);
  }
  last = { cwd: options.cwd, part, cached };
  return cached.found;
}

const entries = new WeakMap<Discovery, Map<string, FileInfrastructure>>();
/** The last answer of `entryIn`: the model and a rule may both ask for the same file. */
let lastEntry: { found: Discovery; filename: string; entry: FileInfrastructure | undefined } | undefined;

/** Returns what infrastructure code says about one file, or undefined. */
export function lookupFile(options: InfrastructureOptions, filename: string): FileInfrastructure | undefined {
  const found = discovery(options);
  return found ? entryIn(found, filename) : NO_ENTRY;
}

function entryIn(found: Discovery, filename: string): FileInfrastructure | undefined {
  if (lastEntry && lastEntry.found === found && lastEntry.filename === filename) return lastEntry.entry;
  let byFile = entries.get(found);
  if (!byFile) {
    byFile = new Map();
    for (const [file, entry] of found.files) {
      byFile.set(file, {
        byExport: entry.byExport,
        ...(entry.importedBy ? { importedBy: entry.importedBy } : {}),
        ...(entry.runtimes ? { runtimes: entry.runtimes } : {}),
        declaredIn: entry.declaredIn.join(', '),
        ...(entry.defines ? { defines: entry.defines } : {}),
        ...(entry.otherExports ? { otherExports: entry.otherExports } : {}),
      });
    }
    entries.set(found, byFile);
    printProblems(found.problems.filter((problem) => !isFindingOnFile(problem, found.cwd)));
  }
  const entry = byFile.size === 0 ? undefined : (byFile.get(filename) ?? byFile.get(resolve(filename)));
  lastEntry = { found, filename, entry };
  return entry;
}

/** The part of a rule's context that says which file is linted, where, and with which settings. */
export interface LintedFile {
  sourceCode: { ast: object };
  cwd: string;
  filename: string;
  settings: Record<string, unknown> | undefined;
}

/**
 * What the rules of one linted file ask of discovery, asked once per file (per parse): the
 * model's gate (`infrastructureOfFile`) and the two rules that report discovery problems on
 * every file (`infrastructureProblemsOfFile`) share one discovery lookup and its answers.
 */
interface FileRecord {
  readonly ast: object;
  /** undefined: not a file on disk (`<input>`), or discovery turned off. */
  readonly found: Discovery | undefined;
  readonly filename: string;
  entry?: FileInfrastructure | undefined;
  entryKnown?: true;
  problems?: readonly InfrastructureProblem[];
}
/**
 * The record of the file being linted. One slot, no map by tree: ESLint runs every rule's
 * `create` and listeners of one file before it parses the next, so the slot answers every
 * lookup of a lint (a tree met again later gets a new record, with the same answer unless the
 * infrastructure changed). A WeakMap entry per file cost its insertion on every linted file.
 */
let lastRecord: FileRecord | undefined;

function recordOf(file: LintedFile): FileRecord {
  const ast = file.sourceCode.ast;
  if (lastRecord !== undefined && lastRecord.ast === ast) return lastRecord;
  const filename = file.filename;
  let found: Discovery | undefined;
  if (filename && !filename.startsWith('<')) {
    const settings = readSettings(file.settings);
    found = discovery({ cwd: file.cwd, infrastructure: settings.infrastructure, handlers: settings.handlers });
  }
  lastRecord = { ast, found, filename };
  return lastRecord;
}

/** `lookupFile` for the linted file of a rule's context (undefined for `<input>`), once per file. */
export function infrastructureOfFile(file: LintedFile): FileInfrastructure | undefined {
  const record = recordOf(file);
  if (!record.entryKnown) {
    const found = record.found;
    // A discovery that bound no file and has no problem to print (entryIn prints them once) answers none.
    record.entry = found && (found.files.size > 0 || found.problems.length > 0) ? entryIn(found, record.filename) : NO_ENTRY;
    record.entryKnown = true;
  }
  return record.entry;
}

/** `problemsInFile` for the linted file of a rule's context (none for `<input>`), once per file. */
export function infrastructureProblemsOfFile(file: LintedFile): readonly InfrastructureProblem[] {
  const record = recordOf(file);
  return (record.problems ??= record.found ? problemsIn(record.found, record.filename) : NO_PROBLEMS);
}

/** Everything discovery could not read or follow, for the given options. */
export function getInfrastructureProblems(options: InfrastructureOptions): InfrastructureProblem[] {
  return discovery(options)?.problems ?? [];
}

const NO_PROBLEMS: readonly InfrastructureProblem[] = [];
const problemsByFile = new WeakMap<Discovery, Map<string, InfrastructureProblem[]>>();

/**
 * What discovery could not read or follow in one infrastructure file, for
 * `valid-configuration` to report on that file's lines. Left out: problems of no file (a
 * setting, the discovery as a whole), a module a handler imports (not infrastructure code),
 * and the deploy-time mistakes an `infra-*` rule reports on the same line (`kind: 'deploy'`).
 */
export function problemsInFile(options: InfrastructureOptions, filename: string): readonly InfrastructureProblem[] {
  const found = discovery(options);
  return found ? problemsIn(found, filename) : NO_PROBLEMS;
}

function problemsIn(found: Discovery, filename: string): readonly InfrastructureProblem[] {
  if (found.problems.length === 0) return NO_PROBLEMS;
  let byFile = problemsByFile.get(found);
  if (!byFile) {
    byFile = new Map();
    for (const problem of found.problems) {
      if (!isFindingOnFile(problem, found.cwd) || problem.kind === 'deploy') continue;
      const list = byFile.get(problem.file);
      if (list) list.push(problem);
      else byFile.set(problem.file, [problem]);
    }
    problemsByFile.set(found, byFile);
  }
  if (byFile.size === 0) return NO_PROBLEMS;
  return byFile.get(filename) ?? byFile.get(resolve(filename)) ?? NO_PROBLEMS;
}

/**
 * Infrastructure files the plugin's configs lint: code files (CDK apps, serverless.ts, through
 * `recommended`) and the YAML, JSON and Terraform names `configs.infrastructure` covers.
 */
const LINTED_INFRASTRUCTURE_FILE =
  /\.(?:[cm]?[jt]s|tf)$|^(?:serverless\.(?:ya?ml|json)|template\.(?:ya?ml|json)|.+\.template\.(?:ya?ml|json))$/;

/**
 * Does a lint finding carry this problem? Problems in an infrastructure file the configs lint
 * are findings on that file (`valid-configuration`, or an `infra-*` rule for `kind: 'deploy'`);
 * the rest (a setting, the discovery as a whole, a handler's unreadable import, a template
 * under a name the configs do not lint) have no file line to land on.
 */
function isFindingOnFile(problem: InfrastructureProblem, cwd: string): boolean {
  return problem.file !== cwd && problem.kind !== 'import' && LINTED_INFRASTRUCTURE_FILE.test(basename(problem.file));
}

/** All bindings found (handler file, export, event types, where declared) plus the problems. */
export function getInfrastructureMap(options: InfrastructureOptions): InfrastructureMap {
  const found = discovery(options);
  return { bindings: found?.bindings ?? [], problems: found?.problems ?? [] };
}

/**
 * Forgets every discovery of this process, so the next lookup reads the files again at once
 * (tests; without it a change is seen at the next recheck), and the bundler configurations
 * found per folder (src/build-defines.ts).
 */
export function clearInfrastructureCache(): void {
  discoveries.clear();
  last = undefined;
  lastEntry = undefined;
  lastRecord = undefined;
  clearBuildDefines();
}

/**
 * Marks problems as already shown, so a later lookup in this process does not print them to
 * stderr again (the `map` command lists them itself, then lints through ESLint).
 */
export function markProblemsShown(problems: readonly InfrastructureProblem[]): void {
  for (const problem of problems) printed.add(problem.message);
}

function printProblems(problems: InfrastructureProblem[]): void {
  for (const problem of problems) {
    if (printed.has(problem.message)) continue;
    printed.add(problem.message);
    process.stderr.write(`eslint-plugin-lambda-edge: ${problem.message}\n`);
  }
}
