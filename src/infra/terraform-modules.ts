import { dirname, resolve } from 'node:path';
import type { DiscoveryContext } from './context.js';
import { evaluate, text, traversals, type SyntaxNode, type TfBlock, type TfFile, type TfModule } from './terraform-eval.js';

/**
 * A `lambda_arn` that leaves its module: `module.<name>.<output>` of a module block whose
 * `source` is a folder of the project (`./modules/edge`), and `var.<name>` of a module that
 * modules of the project call with that argument. Both are followed to the
 * `aws_lambda_function` they end at, in whichever module declares it, without running
 * Terraform: a module's folder is its `source`, an output its `value`, a variable what each
 * caller passes. A module from a registry or a Git URL, or a variable no module sets, is not.
 */

/** The Terraform modules of the project, parsed when first needed. */
export interface TfProject {
  /** The module of a folder, or undefined when no .tf file of the project is there. */
  module(dir: string): TfModule | undefined;
  /** The module blocks of the project whose `source` is `dir`, with the module holding each. */
  callers(dir: string): { mod: TfModule; block: TfBlock }[];
}

/** An `aws_lambda_function` a `lambda_arn` ends at. */
export interface ReachedFunction {
  mod: TfModule;
  name: string;
  versioned: boolean;
}

const MAX_DEPTH = 8;

/**
 * The functions that references of a `lambda_arn` in `mod` reach across modules, and why the
 * references to other modules that reach none were not followed.
 */
export function followAcrossModules(
  ctx: DiscoveryContext,
  project: TfProject | undefined,
  mod: TfModule,
  refs: string[][],
): { functions: ReachedFunction[]; why: string[] } {
  const out = { functions: [] as ReachedFunction[], why: [] as string[] };
  for (const ref of refs) follow(ctx, project, mod, ref, out, 0);
  return out;
}

function follow(
  ctx: DiscoveryContext,
  project: TfProject | undefined,
  mod: TfModule,
  ref: string[],
  out: { functions: ReachedFunction[]; why: string[] },
  depth: number,
): void {
  if (depth > MAX_DEPTH) return;
  const [root, name, attribute] = ref;
  if (root === 'aws_lambda_function' && name) {
    out.functions.push({ mod, name, versioned: attribute === 'qualified_arn' || attribute === 'version' });
  } else if (!project) {
    return;
  } else if (root === 'module' && name && attribute) {
    const reached = outputOf(ctx, project, mod, name, ref.slice(2));
    if (typeof reached === 'string') out.why.push(reached);
    else for (const next of traversals(reached.mod, reached.expr, reached.file, 0)) follow(ctx, project, reached.mod, next, out, depth + 1);
  } else if (root === 'var' && name) {
    // A variable no module of the project sets (a root module's input) says nothing more.
    const callers = mod.instance ? [{ mod: mod.instance.caller, block: mod.instance.block }] : project.callers(mod.dir);
    for (const { mod: caller, block } of callers) {
      const arg = block.attributes.get(name);
      if (!arg) {
        out.why.push(`${ctx.where(block.file.path, block.line)} does not set it`);
        continue;
      }
      const before = out.functions.length;
      for (const next of traversals(caller, arg.expr, arg.file, 0)) follow(ctx, project, caller, next, out, depth + 1);
      if (out.functions.length === before) out.why.push(`${ctx.where(arg.file.path, arg.line)} sets it to ${text(arg.file, arg.expr)}`);
    }
  }
}

/**
 * The expression of output `path[0]` of module block `name` (a key of it, `out.arn`, when the
 * output is an object), in the module its `source` folder holds; or why it cannot be read.
 */
function outputOf(
  ctx: DiscoveryContext,
  project: TfProject,
  mod: TfModule,
  name: string,
  path: string[],
): { mod: TfModule; expr: SyntaxNode; file: TfFile } | string {
  const block = mod.blocks.find((b) => b.type === 'module' && b.labels[0] === name);
  const dir = block && moduleFolder(mod, block);
  const child = dir === undefined ? undefined : project.module(dir);
  if (!block || !child) return `module.${name} is not a folder of the project`;
  const output = child.blocks.find((b) => b.type === 'output' && b.labels[0] === path[0]);
  const value = output?.attributes.get('value');
  if (!value) return `${ctx.rel(child.dir)} declares no output ${path[0]}`;
  let expr: SyntaxNode = value.expr;
  if (path[1] !== undefined && expr.type === 'Object') {
    const item = expr.items.find((i) => keyOf(i.key) === path[1]);
    if (item) expr = item.value;
  }
  return { mod: instantiated(child, block, mod), expr, file: value.file };
}

/**
 * `mod` as module block `block` of `caller` instantiates it: its variables are the block's
 * arguments, and its relative paths are relative to the root module, the caller's own root.
 */
function instantiated(mod: TfModule, block: TfBlock, caller: TfModule): TfModule {
  return { ...mod, root: caller.root ?? caller.dir, instance: { block, caller } };
}

/**
 * The module as the project uses it: once for each module block of the project that calls
 * its folder (so `var.x` is what that caller sets, never a default the caller overrides), or
 * once as it is, a root module, when nothing calls it.
 */
export function instancesOf(project: TfProject, mod: TfModule): TfModule[] {
  const callers = project.callers(mod.dir);
  return callers.length === 0 ? [mod] : callers.map(({ mod: caller, block }) => instantiated(mod, block, caller));
}

/** The folder of a module block of `mod`, when its `source` is a relative path. */
function moduleFolder(mod: TfModule, block: TfBlock): string | undefined {
  const sourceAttr = block.attributes.get('source');
  const source = sourceAttr ? evaluate(mod, sourceAttr) : undefined;
  return isLocalSource(source) ? resolve(dirname(block.file.path), source) : undefined;
}

/** `./x` or `../x`: a module in a folder of the project (Terraform's own rule for local paths). */
export function isLocalSource(source: unknown): source is string {
  return typeof source === 'string' && /^\.\.?[\\/]/.test(source);
}

function keyOf(key: SyntaxNode): string | undefined {
  if (key.type === 'Variable') return key.name;
  const value = key.type === 'Template' && key.parts.length === 1 && key.parts[0]!.type === 'TemplateLiteral' ? key.parts[0]!.value : undefined;
  return value;
}

/**
 * A project over the .tf files discovery read, each folder parsed on first use with `parse`.
 * Callers are looked for among the folders whose text has a module block; a file there that
 * does not parse is skipped without a problem, since that folder is only looked through.
 */
export function terraformProject(
  files: ReadonlyMap<string, { path: string; text: string }[]>,
  parsed: ReadonlyMap<string, TfModule>,
  /** Parses a file; `quiet`: a file that does not parse is not reported (a folder only looked through). */
  parse: (file: { path: string; text: string }, quiet: boolean) => TfBlock[] | undefined,
  tfvars: (dir: string) => TfModule['tfvars'],
): TfProject {
  const modules = new Map<string, TfModule | undefined>(parsed);
  const module = (dir: string, quiet = false): TfModule | undefined => {
    if (modules.has(dir)) return modules.get(dir);
    const list = files.get(dir);
    const blocks = list?.flatMap((f) => parse(f, quiet) ?? []);
    const mod = blocks ? { dir, blocks, tfvars: tfvars(dir) } : undefined;
    modules.set(dir, mod);
    return mod;
  };
  let byTarget: Map<string, { mod: TfModule; block: TfBlock }[]> | undefined;
  const callers = (dir: string) => {
    if (!byTarget) {
      byTarget = new Map();
      for (const [folder, list] of files) {
        if (!list.some((f) => /\bmodule\s+"/.test(f.text))) continue;
        const mod = module(folder, true);
        for (const block of mod?.blocks ?? []) {
          if (block.type !== 'module' || !block.labels[0]) continue;
          const target = moduleFolder(mod!, block);
          if (target !== undefined) byTarget.set(target, [...(byTarget.get(target) ?? []), { mod: mod!, block }]);
        }
      }
    }
    return byTarget.get(dir) ?? [];
  };
  return { module, callers };
}
