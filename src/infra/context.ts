import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isEventType, type EventType } from '../event-types.js';
import type { Association, InfrastructureProblem, InfrastructureSource } from './types.js';
import { type BuildOutputs, builtFrom } from './build-outputs.js';

/** Extensions a handler module may have, in the order Lambda's Node runtime (and bundlers) try. */
export const HANDLER_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;
const HANDLER_EXTENSIONS_TEXT = HANDLER_EXTENSIONS.join(', ');

/** Larger files are not infrastructure code anyone writes by hand; they are skipped. */
export const MAX_INFRASTRUCTURE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * How long a discovery (and a folder's list of bundler configurations) is trusted before the
 * files and folders it read are stat'ed again. Within it a lookup costs a map lookup; after it,
 * one stat per recorded path tells whether anything changed (an editor's ESLint server lives
 * for hours, so an edited serverless.yml must be seen without a restart).
 */
export const RECHECK_INTERVAL_MS = 1000;
/**
 * Wall-clock milliseconds. `performance.now()` is monotonic but, called once per linted file
 * from cold code, it was the larger part of what discovery's lookup cost (45 of the plugin's
 * 265 profile samples on ordinary files; `Date.now()` took 9). The wall clock may be set back,
 * so a time before the last check counts as due (recheckDue): a recheck too early, never a
 * stale result kept.
 */
const defaultClock = (): number => Date.now();
let recheckInterval = RECHECK_INTERVAL_MS;
let clock = defaultClock;

/** The clock the recheck interval is measured on (milliseconds; may go back, see defaultClock). */
export function recheckClock(): number {
  return clock();
}

/**
 * Is a result checked at `checkedAt` (by recheckClock) due for a recheck at `now`? Also when
 * `now` is before `checkedAt`: the clock was set back.
 */
export function recheckDue(checkedAt: number, now = clock()): boolean {
  return now - checkedAt >= recheckInterval || now < checkedAt;
}

/** Tests only: a fake clock and interval; called with nothing, back to the real ones. */
export function setRecheckClockForTests(fake?: { now?: () => number; intervalMs?: number }): void {
  clock = fake?.now ?? defaultClock;
  recheckInterval = fake?.intervalMs ?? RECHECK_INTERVAL_MS;
}

/**
 * A Lambda handler string `dir/file.export` split at its last dot: the module path and the
 * export; undefined when it is not of that form (no dot in the last path segment, or an empty part).
 */
export function splitHandler(handler: string): { modulePath: string; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  const slash = Math.max(handler.lastIndexOf('/'), handler.lastIndexOf('\\'));
  if (dot <= 0 || dot < slash || dot === handler.length - 1) return undefined;
  return { modulePath: handler.slice(0, dot), exportName: handler.slice(dot + 1) };
}

/**
 * What one discovery looked at on disk, so a later lookup can tell cheaply whether its result
 * still holds: each file read (`mtime:size`), each folder listed (its mtime, which a file
 * added, removed or renamed in it changes), and each path whose kind was asked (a handler file
 * that did not exist yet, a module candidate).
 */
export class Observed {
  readonly files = new Map<string, string>();
  /**
   * Files read only to find they mention none of `mentions` (code files looked through for CDK
   * constructs): an edit matters only once the file mentions one of them.
   */
  readonly unmentioned = new Map<string, { signature: string; mentions: readonly string[] }>();
  readonly folders = new Map<string, number>();
  readonly kinds = new Map<string, 'file' | 'dir' | undefined>();

  /**
   * Drops the kinds of paths in a listed folder: a file appearing there, going or turning into
   * a folder changes the folder's mtime already (module resolution asks for many candidates).
   */
  settle(): void {
    for (const path of this.kinds.keys()) if (this.folders.has(dirname(path))) this.kinds.delete(path);
  }
}

/** The record of the discovery running now (discovery is synchronous: one at a time). */
let observing: Observed | undefined;

/** Runs `run` with every read, listing and stat of this module recorded into `observed`. */
export function observe<T>(observed: Observed, run: () => T): T {
  const outer = observing;
  observing = observed;
  try {
    return run();
  } finally {
    observing = outer;
  }
}

/** Records a folder a discovery listed, with the mtime it had (-1: could not be stat'ed). */
export function observeFolder(dir: string, mtimeMs: number): void {
  observing?.folders.set(dir, mtimeMs);
}

function fileSignature(path: string): string {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? `${st.mtimeMs}:${st.size}` : '-';
  } catch {
    return '-';
  }
}

/** A folder's mtime, or -1 when it cannot be stat'ed (gone, no permission). */
export function folderMtime(dir: string): number {
  try {
    return statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  } catch {
    return -1;
  }
}

function kindOf(path: string): 'file' | 'dir' | undefined {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first recorded path that is no longer as the discovery saw it (a file edited, added or
 * deleted, a folder's entries changed), or undefined when everything still holds. Only stats.
 */
export function changedSince(observed: Observed): string | undefined {
  for (const [file, signature] of observed.files) if (fileSignature(file) !== signature) return file;
  for (const [file, seen] of observed.unmentioned) {
    const signature = fileSignature(file);
    if (signature === seen.signature) continue;
    // Edited: read again (only this file), and still of no interest unless it now mentions one.
    if (!('skipped' in readText(file, seen.mentions))) return file;
    seen.signature = signature;
  }
  for (const [dir, mtime] of observed.folders) if (folderMtime(dir) !== mtime) return dir;
  for (const [path, kind] of observed.kinds) if (kindOf(path) !== kind) return path;
  return undefined;
}

/**
 * Shared state of one discovery run: the associations and problems found so far, plus
 * small caches of the file system so that readers can ask freely.
 */
export class DiscoveryContext {
  readonly associations: Association[] = [];
  readonly problems: InfrastructureProblem[] = [];
  /** Per handler file: `process.env.X` names its bundling replaces (CDK `bundling.define`). */
  readonly defines = new Map<string, Set<string>>();
  /** What this discovery read, listed and stat'ed (filled while it runs inside `observe`). */
  readonly observed = new Observed();
  /** Exports deployed as functions that are not Lambda@Edge (a Serverless function with no CloudFront event). */
  readonly regional: Array<{ file: string; exportName: string }> = [];
  private readonly problemKeys = new Set<string>();
  private readonly kinds = new Map<string, 'file' | 'dir' | undefined>();
  private readonly buildOutputs = new Map<string, BuildOutputs>();

  constructor(readonly cwd: string) {}

  /** A path relative to cwd with forward slashes, for messages and `declaredIn`. */
  rel(file: string): string {
    const r = relative(this.cwd, file);
    if (r === '') return '.';
    return (r.startsWith('..') || isAbsolute(r) ? file : r).split(sep).join('/');
  }

  where(file: string, line?: number): string {
    return line === undefined ? this.rel(file) : `${this.rel(file)}:${line}`;
  }

  /**
   * Records a problem once; `what` says what could not be read or followed. `kind` says which
   * it is: a file that does not parse, a literal value CloudFront rejects (`invalid`), what the
   * plugin cannot follow (`unresolved`, also when no kind is given), code that is not in the
   * project (`remote`), a deploy-time mistake an `infra-*` rule reports, or a handler's import
   * (see InfrastructureProblem.kind).
   */
  problem(file: string, line: number | undefined, what: string, kind?: InfrastructureProblem['kind']): void {
    const message = file === this.cwd && line === undefined ? what : `${this.where(file, line)}: ${what}`;
    if (this.problemKeys.has(message)) return;
    this.problemKeys.add(message);
    this.problems.push({ file, ...(line === undefined ? {} : { line }), message, what, ...(kind ? { kind } : {}) });
  }

  bind(
    source: InfrastructureSource,
    target: { file: string; exportName: string; runtime?: string | undefined },
    eventType: EventType,
    declaredFile: string,
    declaredLine: number,
    includeBody?: boolean,
  ): void {
    this.associations.push({
      file: target.file,
      exportName: target.exportName,
      eventType,
      ...(includeBody ? { includeBody: true } : {}),
      declaredFile,
      declaredLine,
      source,
      ...(target.runtime ? { runtime: target.runtime } : {}),
    });
  }

  kind(path: string): 'file' | 'dir' | undefined {
    if (this.kinds.has(path)) return this.kinds.get(path);
    const kind = kindOf(path);
    this.kinds.set(path, kind);
    observing?.kinds.set(path, kind);
    return kind;
  }

  /**
   * Maps a Lambda handler string (`src/edge/index.handler`) inside a code folder to the
   * source file and export. Records a problem and returns undefined when no file matches.
   */
  resolveHandler(
    codeDir: string,
    handler: string,
    declaredFile: string,
    declaredLine: number | undefined,
    what: string,
  ): { file: string; exportName: string } | undefined {
    const parts = splitHandler(handler);
    if (!parts) {
      this.problem(
        declaredFile,
        declaredLine,
        `${what} handler '${handler}' is not of the form 'file.export' (for example 'index.handler').`,
        'invalid',
      );
      return undefined;
    }
    const { modulePath, exportName } = parts;
    const file = this.findModuleFile(resolve(codeDir, modulePath)) ?? this.bundledFrom(resolve(codeDir, modulePath));
    if (!file) {
      // Lambda@Edge also runs Python: `app.lambda_handler` with an `app.py` (or, dotted,
      // `pkg.app.handler` with `pkg/app.py`) is a function found, in a language not linted here.
      if (this.isPythonModule(codeDir, modulePath)) return undefined;
      this.problem(
        declaredFile,
        declaredLine,
        `${what} handler '${handler}' has no source file: looked for ${this.rel(
          resolve(codeDir, modulePath),
        )} with ${HANDLER_EXTENSIONS_TEXT}.`,
        // Often a build output (dist/) not built yet: the infrastructure itself may be right.
        'unresolved',
      );
      return undefined;
    }
    return { file, exportName };
  }

  /**
   * Records a handler string of a function that is not Lambda@Edge, when it names a source
   * file of the project (nothing is reported when it does not: such a function is not the
   * plugin's to check).
   */
  noteRegional(codeDir: string, handler: string): void {
    const parts = handler.includes('${') ? undefined : splitHandler(handler);
    const file = parts && this.findModuleFile(resolve(codeDir, parts.modulePath));
    if (file) this.regional.push({ file, exportName: parts.exportName });
  }

  /**
   * The entry a `package.json` script bundles into `<base>.js` (`.mjs`, `.cjs`) when that
   * output is not built yet (build-outputs.ts), or undefined.
   */
  bundledFrom(base: string): string | undefined {
    for (const ext of ['.js', '.mjs', '.cjs']) {
      const entry = builtFrom(base + ext, this.cwd, (path) => this.kind(path) === 'file', this.buildOutputs);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Is `modulePath` of a handler string a Python module in `codeDir` (`app`, `pkg/app` or `pkg.app`)? */
  private isPythonModule(codeDir: string, modulePath: string): boolean {
    if (this.kind(resolve(codeDir, `${modulePath}.py`)) === 'file') return true;
    return modulePath.includes('.') && this.kind(resolve(codeDir, `${modulePath.replaceAll('.', '/')}.py`)) === 'file';
  }

  /** `base` + the first handler extension that exists, or `base` itself if it has one. */
  findModuleFile(base: string): string | undefined {
    for (const ext of HANDLER_EXTENSIONS) {
      if (this.kind(base + ext) === 'file') return base + ext;
    }
    if (HANDLER_EXTENSIONS.some((ext) => base.endsWith(ext)) && this.kind(base) === 'file') {
      return base;
    }
    return undefined;
  }

  /**
   * Checks an event type read from infrastructure code; records a problem for anything
   * that is not one of the four Lambda@Edge events: `invalid` for a string CloudFront
   * rejects (`viewer-requset`), `unresolved` for a value that is not a plain string (`!If`,
   * `!Ref`, a variable), which may well be right at deploy time.
   */
  eventType(value: unknown, file: string, line: number | undefined, what: string): EventType | undefined {
    if (isEventType(value)) return value;
    this.problem(
      file,
      line,
      `${what} event type ${typeof value === 'string' ? `'${value}'` : 'is not a plain string and'} cannot be used; expected one of viewer-request, origin-request, origin-response, viewer-response.`,
      typeof value === 'string' ? 'invalid' : 'unresolved',
    );
    return undefined;
  }
}

export type TextRead = { text: string } | { error: string };

/**
 * Reads a text file, refusing binary and oversized files with a reason. With `mentions`,
 * a file that contains none of those strings is not decoded at all (`{ skipped: true }`):
 * discovery looks for CDK code among every code file of a project, and most never name it.
 */
export function readText(file: string): TextRead;
export function readText(file: string, mentions: readonly string[]): TextRead | { skipped: true };
export function readText(file: string, mentions?: readonly string[]): TextRead | { skipped: true } {
  let buffer: Buffer;
  let fd: number | undefined;
  let signature: string | undefined;
  try {
    fd = openSync(file, 'r');
    const { size, mtimeMs } = fstatSync(fd);
    signature = `${mtimeMs}:${size}`;
    if (size > MAX_INFRASTRUCTURE_FILE_BYTES) {
      observeRead(file, signature);
      return { error: `is ${Math.round(size / 1024 / 1024)} MB, larger than infrastructure code is expected to be; not read.` };
    }
    buffer = readFileSync(fd);
  } catch (error) {
    observeRead(file, signature ?? fileSignature(file));
    return { error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (mentions && !mentions.some((m) => buffer.includes(m))) {
    if (observing && !observing.files.has(file)) observing.unmentioned.set(file, { signature, mentions });
    return { skipped: true };
  }
  observeRead(file, signature);
  if (buffer.subarray(0, 8000).includes(0)) {
    return { error: 'is a binary file, not text; not read.' };
  }
  return { text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
}

/** Records a file read in full (or that could not be read) into the running discovery's record. */
function observeRead(file: string, signature: string): void {
  if (!observing) return;
  observing.files.set(file, signature);
  observing.unmentioned.delete(file);
}

/** 1-based line of a character offset, using a precomputed table of line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
