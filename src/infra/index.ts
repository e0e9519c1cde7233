import { basename, resolve } from 'node:path';
import { clearBuildDefines } from '../build-defines.js';
import type { EventType } from '../event-types.js';
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

/** Returns what infrastructure code says about one file, or undefined. */
export function lookupFile(options: InfrastructureOptions, filename: string): FileInfrastructure | undefined {
  const found = discovery(options);
  if (!found) return NO_ENTRY;
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
      });
    }
    entries.set(found, byFile);
    printProblems(found.problems.filter((problem) => !isFindingOnFile(problem, found.cwd)));
  }
  return byFile.get(filename) ?? byFile.get(resolve(filename));
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
  if (!found || found.problems.length === 0) return NO_PROBLEMS;
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
