import { basename, dirname, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { EventType } from '../event-types.js';
import { CDK_MENTIONS, CdkReader, mayBeCdkCode } from './cdk.js';
import { mayBeTemplateWithDistribution, readTemplate } from './cloudformation.js';
import { DiscoveryContext, observe, readText, type Observed } from './context.js';
import { importedByHandlers } from './module-graph.js';
import { listFiles, isInside, observeFolders, SKIPPED_DIRS } from './scan.js';
import { readServerless, SERVERLESS_FILE, isObject } from './serverless.js';
import { readServerlessTs, SERVERLESS_TS_FILE } from './serverless-ts.js';
import { mayBeTerraformOfInterest, parseTerraformFile, readTerraformModules, type TfBlock } from './terraform.js';
import type { InfrastructureBinding, InfrastructureProblem } from './types.js';
import { readYaml } from './yaml-data.js';

const CODE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const DECLARATION_FILE = /\.d\.[mc]?ts$/;
const DATA_FILE = /\.(ya?ml|json|template)$/;
/** The variable files Terraform loads on its own in a root module's folder. */
const TFVARS_FILE = /^(terraform|.+\.auto)\.tfvars(\.json)?$/;
/** Data files that are never templates and can be large. */
const NOT_TEMPLATES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'composer.lock', 'cdk.context.json']);

export interface FileEntry {
  byExport: Map<string, Set<EventType>>;
  /** Runtimes per export, where the infrastructure names them. */
  runtimes?: Map<string, Set<string>>;
  importedBy?: Set<EventType>;
  declaredIn: string[];
  /** `process.env.X` names the function's bundling defines (CDK `bundling.define`). */
  defines?: Set<string>;
  /** Exports deployed as functions that are not Lambda@Edge (see FileInfrastructure.otherExports). */
  otherExports?: Set<string>;
}

export interface Discovery {
  cwd: string;
  bindings: InfrastructureBinding[];
  problems: InfrastructureProblem[];
  files: Map<string, FileEntry>;
  /** The files, folders and paths this discovery read, listed or stat'ed, to tell when it is stale. */
  observed: Observed;
}

/**
 * Reads the infrastructure code under `cwd` (or only the files the `infrastructure` globs
 * name), or takes a handler map as written by `map --write`, then follows the handlers'
 * imports. Never throws: whatever fails becomes a problem.
 */
export function discover(
  cwd: string,
  infrastructure: string[] | undefined,
  handlers: Record<string, Record<string, EventType[]>> | undefined,
): Discovery {
  const ctx = new DiscoveryContext(cwd);
  const found = observe(ctx.observed, () => {
    try {
      if (handlers) fromHandlerMap(ctx, handlers);
      else readInfrastructure(ctx, infrastructure);
    } catch (error) {
      // A bug in a reader must not take ESLint down with it; say so and keep what was found.
      ctx.problem(cwd, undefined, `infrastructure discovery stopped early: ${(error as Error).stack ?? String(error)}`);
    }
    return assemble(ctx);
  });
  ctx.observed.settle();
  return found;
}

function fromHandlerMap(ctx: DiscoveryContext, handlers: Record<string, Record<string, EventType[]>>): void {
  for (const [relFile, exports] of Object.entries(handlers)) {
    const file = resolve(ctx.cwd, relFile);
    if (ctx.kind(file) !== 'file') {
      ctx.problem(ctx.cwd, undefined, `settings['lambda-edge'].handlers names ${relFile}, which does not exist (relative to ${ctx.cwd}).`);
      continue;
    }
    for (const [exportName, types] of Object.entries(exports)) {
      for (const t of types) ctx.bind('settings', { file, exportName }, t, ctx.cwd, 0);
    }
  }
}

/**
 * Can the project hold a CDK app? Finding CDK code means reading every code file of the
 * project, the one cost of discovery that grows with the project. A CDK app (or construct
 * library) declares aws-cdk-lib or @aws-cdk/* in a package.json: in the project, or above it
 * in a monorepo. When the project has package.json files and neither they nor those above
 * it name CDK, no code file is read. A project without a package.json of its own gives
 * nothing to go by (and one above it may be a stranger's), so its code is read.
 */
function mayDependOnCdk(ctx: DiscoveryContext, files: readonly string[]): boolean {
  const cwd = ctx.cwd;
  const manifests = files.filter((f) => basename(f) === 'package.json');
  if (manifests.length === 0) return true;
  for (let dir = dirname(cwd); ; dir = dirname(dir)) {
    const manifest = resolve(dir, 'package.json');
    if (ctx.kind(manifest) !== undefined) manifests.push(manifest);
    if (dirname(dir) === dir) break;
  }
  return manifests.some((manifest) => 'text' in readText(manifest, CDK_MENTIONS));
}

/** The files the `infrastructure` globs name, each folder they can match in recorded. */
function globFiles(ctx: DiscoveryContext, infrastructure: string[]): string[] {
  const files: string[] = [];
  for (const pattern of infrastructure) {
    const matched = globSync(pattern, {
      cwd: ctx.cwd,
      absolute: true,
      dot: true,
      ignore: [...SKIPPED_DIRS].map((d) => `**/${d}/**`),
    }).map((f) => resolve(f));
    observeGlobFolders(ctx.cwd, pattern);
    if (matched.length === 0) {
      ctx.problem(ctx.cwd, undefined, `settings['lambda-edge'].infrastructure entry '${pattern}' matches no file under ${ctx.cwd}.`);
    }
    files.push(...matched);
  }
  return [...new Set(files)].sort();
}

function readInfrastructure(ctx: DiscoveryContext, infrastructure: string[] | undefined): void {
  const explicit = infrastructure !== undefined;
  const files = explicit ? globFiles(ctx, infrastructure) : listFiles(ctx, ctx.cwd);

  const cdkRoots = explicit ? [] : files.filter((f) => basename(f) === 'cdk.json').map(dirname);
  const lookForCdk = explicit || cdkRoots.length > 0 || mayDependOnCdk(ctx, files);
  const cdkFiles: string[] = [];
  const cdkTexts = new Map<string, string>();
  const tfByDir = new Map<string, { path: string; text: string }[]>();
  const tfvarsByDir = new Map<string, { path: string; text: string }[]>();

  for (const file of files) {
    const name = basename(file);
    if (SERVERLESS_TS_FILE.test(name)) {
      readServerlessTsFile(ctx, file);
    } else if (CODE_FILE.test(name) && !DECLARATION_FILE.test(name)) {
      if (!lookForCdk) continue;
      if (!explicit && cdkRoots.length > 0 && !cdkRoots.some((root) => isInside(root, file))) continue;
      const read = explicit ? readText(file) : readText(file, CDK_MENTIONS);
      if ('skipped' in read) continue;
      if ('error' in read) {
        if (explicit) ctx.problem(file, undefined, read.error);
        continue;
      }
      if (explicit || mayBeCdkCode(read.text)) {
        cdkFiles.push(file);
        cdkTexts.set(file, read.text);
      }
    } else if (name.endsWith('.tf')) {
      const read = readText(file);
      if ('error' in read) {
        ctx.problem(file, undefined, read.error);
        continue;
      }
      const dir = dirname(file);
      const list = tfByDir.get(dir) ?? [];
      list.push({ path: file, text: read.text });
      tfByDir.set(dir, list);
    } else if (TFVARS_FILE.test(name)) {
      const read = readText(file);
      if ('text' in read) push(tfvarsByDir, dirname(file), { path: file, text: read.text });
    } else if (SERVERLESS_FILE.test(name)) {
      readDataFile(ctx, file, 'serverless');
    } else if (DATA_FILE.test(name) && !NOT_TEMPLATES.has(name) && !/^tsconfig.*\.json$/.test(name)) {
      readDataFile(ctx, file, explicit ? 'any' : 'template');
    }
  }

  if (cdkFiles.length > 0) new CdkReader(ctx).read(cdkFiles, cdkTexts);

  const parsed: { path: string; blocks: TfBlock[] }[] = [];
  for (const list of tfByDir.values()) {
    if (!explicit && !list.some((f) => f.text.includes('aws_cloudfront_distribution'))) continue;
    if (!list.some((f) => mayBeTerraformOfInterest(f.text))) continue;
    for (const f of list) {
      const blocks = parseTerraformFile(ctx, f.path, f.text);
      if (blocks) parsed.push({ path: f.path, blocks });
    }
  }
  if (parsed.length > 0) readTerraformModules(ctx, parsed, tfByDir, tfvarsByDir);
}

/**
 * Records the folders a glob can match files in: from its last folder without glob syntax,
 * as deep as its folder segments reach (all the way down for `**`).
 */
function observeGlobFolders(cwd: string, pattern: string): void {
  const parts = pattern.split('/');
  let fixed = 0;
  while (fixed < parts.length - 1 && !/[*?[\]{}()!+@]/.test(parts[fixed]!)) fixed++;
  const rest = parts.slice(fixed);
  const depth = rest.some((p) => p.includes('**')) ? Number.POSITIVE_INFINITY : rest.length - 1;
  observeFolders(resolve(cwd, parts.slice(0, fixed).join('/') || '.'), depth);
}

function readServerlessTsFile(ctx: DiscoveryContext, file: string): void {
  const read = readText(file);
  if ('error' in read) {
    ctx.problem(file, undefined, read.error);
    return;
  }
  const parsed = readServerlessTs(file, read.text);
  if (!parsed) {
    if (/\bfunctions\b/.test(read.text)) {
      ctx.problem(file, undefined, 'exports no object literal that can be read statically (module.exports = {...}, export default {...}, or a const of this file); its functions are not read.');
    }
    return;
  }
  if ('error' in parsed) {
    ctx.problem(file, parsed.line, parsed.error, 'parse');
    return;
  }
  readServerless(ctx, file, parsed.data);
}

function readDataFile(ctx: DiscoveryContext, file: string, kind: 'serverless' | 'template' | 'any'): void {
  const read = readText(file);
  if ('error' in read) {
    if (kind !== 'template') ctx.problem(file, undefined, read.error);
    return;
  }
  if (kind === 'template' && !mayBeTemplateWithDistribution(read.text)) return;
  const parsed = readYaml(read.text);
  if ('error' in parsed) {
    ctx.problem(file, parsed.line, parsed.error, 'parse');
    return;
  }
  const root = parsed.data.value;
  const looksServerless = isObject(root) && 'functions' in root && !('Resources' in root);
  if (kind === 'serverless' || (kind === 'any' && looksServerless)) {
    readServerless(ctx, file, parsed.data);
  } else {
    readTemplate(ctx, file, parsed.data);
  }
}

function assemble(ctx: DiscoveryContext): Discovery {
  const merged = new Map<string, InfrastructureBinding>();
  const files = new Map<string, FileEntry>();
  for (const a of ctx.associations) {
    const declaredIn = a.source === 'settings' ? "settings['lambda-edge'].handlers" : ctx.where(a.declaredFile, a.declaredLine);
    const key = `${a.file}\0${a.exportName}\0${a.source}\0${declaredIn}`;
    const existing = merged.get(key);
    if (existing) {
      if (!existing.eventTypes.includes(a.eventType)) existing.eventTypes.push(a.eventType);
      if (a.includeBody) existing.includeBody = true;
    } else {
      merged.set(key, {
        file: a.file,
        exportName: a.exportName,
        eventTypes: [a.eventType],
        ...(a.includeBody ? { includeBody: true } : {}),
        declaredIn,
        source: a.source,
      });
    }
    let entry = files.get(a.file);
    if (!entry) files.set(a.file, (entry = { byExport: new Map(), declaredIn: [] }));
    let types = entry.byExport.get(a.exportName);
    if (!types) entry.byExport.set(a.exportName, (types = new Set()));
    types.add(a.eventType);
    if (a.runtime) {
      entry.runtimes ??= new Map();
      let runtimes = entry.runtimes.get(a.exportName);
      if (!runtimes) entry.runtimes.set(a.exportName, (runtimes = new Set()));
      runtimes.add(a.runtime);
    }
    if (!entry.declaredIn.includes(declaredIn)) entry.declaredIn.push(declaredIn);
  }

  for (const [file, names] of ctx.defines) {
    const entry = files.get(file);
    if (entry) entry.defines = new Set(names);
  }

  const handlerTypes = new Map<string, Set<EventType>>();
  for (const [file, entry] of files) {
    const all = new Set<EventType>();
    for (const types of entry.byExport.values()) for (const t of types) all.add(t);
    handlerTypes.set(file, all);
  }
  try {
    for (const [file, reach] of importedByHandlers(ctx, handlerTypes)) {
      let entry = files.get(file);
      if (!entry) files.set(file, (entry = { byExport: new Map(), declaredIn: [] }));
      entry.importedBy = reach.types;
      // A module bundled with a handler gets that handler's defines.
      for (const h of reach.handlers) {
        for (const name of ctx.defines.get(h) ?? []) (entry.defines ??= new Set()).add(name);
      }
      const via = [...reach.handlers].map((h) => `imported from ${ctx.rel(h)}`);
      for (const v of via) if (!entry.declaredIn.includes(v)) entry.declaredIn.push(v);
    }
  } catch (error) {
    ctx.problem(ctx.cwd, undefined, `following the handlers' imports stopped early: ${(error as Error).message}`);
  }

  // Only in a file the edge model reads anyway: a file of regional functions alone gets no entry.
  for (const { file, exportName } of ctx.regional) {
    const entry = files.get(file);
    if (entry && !entry.byExport.has(exportName)) (entry.otherExports ??= new Set()).add(exportName);
  }

  const bindings = [...merged.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.exportName, b.exportName) || cmp(a.declaredIn, b.declaredIn),
  );
  return { cwd: ctx.cwd, bindings, problems: ctx.problems, files, observed: ctx.observed };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
