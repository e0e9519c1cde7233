import { basename, dirname, extname, resolve } from 'node:path';
import type * as Hcl from '../languages/hcl/ast.js';
import { parseHcl } from '../languages/hcl/parser.js';
import { staticTemplate } from '../languages/hcl/static-value.js';
import type { DiscoveryContext } from './context.js';
import {
  baseDir,
  evalNode,
  evaluate,
  findBlock,
  text,
  traversalOf,
  traversals,
  type SyntaxNode,
  type TfAttribute,
  type TfBlock,
  type TfFile,
  type TfModule,
} from './terraform-eval.js';
import { followAcrossModules, instancesOf, terraformProject, type TfProject } from './terraform-modules.js';
import { expandTerraformBlocks, isLambdaModuleSource, resolveInScope, type Scoped } from './edge-functions/terraform.js';

/**
 * Terraform: `aws_cloudfront_distribution` → `lambda_function_association` blocks in
 * `default_cache_behavior` and each `ordered_cache_behavior`, `lambda_arn` followed to an
 * `aws_lambda_function` of the same module (folder), and its code to `data.archive_file`'s
 * `source_file` or `source_dir`. `dynamic` behaviors and associations are expanded as the
 * infra-* rules expand them (a literal or `local` for_each; one that cannot be read is a problem).
 *
 * The HCL is parsed with the plugin's own HCL2 parser (src/languages/hcl): synchronous, pure
 * JavaScript, and checked against HashiCorp's parser (ESLint rules cannot wait for a
 * WebAssembly one).
 */

/** Cheap test on the text: only folders with one of these are worth parsing. */
export function mayBeTerraformOfInterest(text: string): boolean {
  return text.includes('aws_cloudfront_distribution') || text.includes('aws_lambda_function') || text.includes('archive_file');
}

/** Parses one .tf file; records a problem and returns undefined when it does not parse. */
export function parseTerraformFile(ctx: DiscoveryContext, path: string, text: string): TfBlock[] | undefined {
  const result = parseHcl(text);
  if (!result.ok) {
    const { line, column, message } = result.error;
    ctx.problem(path, line, `does not parse as HCL (column ${column}: ${message}); its resources are not read.`, 'parse');
    return undefined;
  }
  return readBody(result.ast.body, { path, text }).blocks;
}

/**
 * The values a folder's auto-loaded variable files set, in Terraform's order of loading
 * (`terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars` and `*.auto.tfvars.json` by
 * name), the last one winning. A JSON file is not evaluated: its variables become 'unknown'
 * (read as unknown, never as their defaults). A file that does not parse makes nothing known.
 */
function readTfvars(files: readonly TfFile[] | undefined): TfModule['tfvars'] {
  if (!files || files.length === 0) return undefined;
  const first = ['terraform.tfvars', 'terraform.tfvars.json'];
  const rank = (path: string) => (first.includes(basename(path)) ? first.indexOf(basename(path)) : first.length);
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (basename(a.path) < basename(b.path) ? -1 : 1));
  const set = new Map<string, TfAttribute | 'unknown'>();
  for (const file of ordered) {
    if (file.path.endsWith('.json')) {
      for (const match of file.text.matchAll(/"([\w-]+)"\s*:/g)) set.set(match[1]!, 'unknown');
      continue;
    }
    const result = parseHcl(file.text);
    if (!result.ok) continue;
    for (const [name, attr] of readBody(result.ast.body, file).attributes) set.set(name, attr);
  }
  return set;
}

function parseQuietly(path: string, text: string): TfBlock[] | undefined {
  const result = parseHcl(text);
  return result.ok ? readBody(result.ast.body, { path, text }).blocks : undefined;
}

function readBody(body: Hcl.Body, file: TfFile): { attributes: Map<string, TfAttribute>; blocks: TfBlock[] } {
  const attributes = new Map<string, TfAttribute>();
  const blocks: TfBlock[] = [];
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      attributes.set(item.name.name, { expr: item.value, line: item.loc.start.line, file });
    } else {
      blocks.push({
        type: item.blockType.name,
        labels: item.labels.map((label) => label.value),
        ...readBody(item.body, file),
        line: item.loc.start.line,
        file,
        node: item,
      });
    }
  }
  return { attributes, blocks };
}

/** Reads the bindings of every module (folder) given as parsed files. */
export function readTerraformModules(
  ctx: DiscoveryContext,
  files: { path: string; blocks: TfBlock[] }[],
  /** Every .tf file read, by folder: the other modules a `lambda_arn` may lead to. */
  allFiles: ReadonlyMap<string, { path: string; text: string }[]> = new Map(),
  /** The auto-loaded variable files read (`terraform.tfvars`, `*.auto.tfvars`, their `.json`), by folder. */
  varFiles: ReadonlyMap<string, { path: string; text: string }[]> = new Map(),
): void {
  const tfvars = (dir: string) => readTfvars(varFiles.get(dir));
  const byDir = new Map<string, TfModule>();
  for (const f of files) {
    const dir = dirname(f.path);
    let mod = byDir.get(dir);
    if (!mod) byDir.set(dir, (mod = { dir, blocks: [], tfvars: tfvars(dir) }));
    mod.blocks.push(...f.blocks);
  }
  const parse = (f: TfFile, quiet: boolean) => (quiet ? parseQuietly(f.path, f.text) : parseTerraformFile(ctx, f.path, f.text));
  const project = terraformProject(allFiles, byDir, parse, tfvars);
  for (const mod of byDir.values()) {
    for (const instance of instancesOf(project, mod)) readModule(ctx, instance, project);
  }
}

function readModule(ctx: DiscoveryContext, mod: TfModule, project: TfProject | undefined): void {
  const locals = new Map<string, { value: SyntaxNode }>();
  for (const block of mod.blocks) {
    if (block.type !== 'locals') continue;
    for (const [name, attr] of block.attributes) if (!locals.has(name)) locals.set(name, { value: attr.expr });
  }
  for (const block of mod.blocks) {
    if (block.type !== 'resource' || block.labels[0] !== 'aws_cloudfront_distribution' || !block.node) continue;
    const distName = block.labels[1] ?? '?';
    const body = block.node.body;
    // Behaviors and associations, `dynamic` ones expanded when their for_each can be read.
    const unreadable: Hcl.Block[] = [];
    const behaviors: Array<[string, Scoped]> = expandTerraformBlocks(body, 'default_cache_behavior', locals, undefined, unreadable).map((s) => ['default_cache_behavior', s]);
    expandTerraformBlocks(body, 'ordered_cache_behavior', locals, undefined, unreadable).forEach((s, i) => behaviors.push([`ordered_cache_behavior[${i}]`, s]));
    for (const [behaviorName, scope] of behaviors) {
      const what = `aws_cloudfront_distribution.${distName} ${behaviorName}`;
      for (const assoc of expandTerraformBlocks(scope.body, 'lambda_function_association', locals, scope, unreadable)) {
        readAssociation(ctx, mod, scopedBlock(assoc, block.file), `${what} lambda_function_association`, project);
      }
    }
    for (const dynamic of unreadable) {
      ctx.problem(
        block.file.path,
        dynamic.loc.start.line,
        `aws_cloudfront_distribution.${distName} has a dynamic ${dynamic.labels[0]?.value ?? ''} block whose for_each cannot be read (a variable, a condition, a for expression), which is not followed.`,
        'unresolved',
      );
    }
  }
}

/**
 * A block of a distribution as discovery reads it, its attributes with the iterators of the
 * `dynamic` blocks around it replaced (an attribute that uses one in a way not followed keeps
 * its expression, and is reported as unreadable where it is read).
 */
function scopedBlock(scope: Scoped, file: TfFile): TfBlock {
  const attributes = new Map<string, TfAttribute>();
  for (const item of scope.body.items) {
    if (item.type !== 'Attribute') continue;
    attributes.set(item.name.name, { expr: resolveInScope(item.value, scope) ?? item.value, line: item.loc.start.line, file });
  }
  return { type: 'lambda_function_association', labels: [], attributes, blocks: [], line: scope.body.loc.start.line, file };
}

function readAssociation(ctx: DiscoveryContext, mod: TfModule, assoc: TfBlock, what: string, project: TfProject | undefined): void {
  const file = assoc.file.path;
  const eventAttr = assoc.attributes.get('event_type');
  const line = eventAttr?.line ?? assoc.line;
  const rawEvent = eventAttr ? evaluate(mod, eventAttr) : undefined;
  const eventType = ctx.eventType(typeof rawEvent === 'string' ? rawEvent : undefined, file, line, what);
  if (!eventType) return;
  const arnAttr = assoc.attributes.get('lambda_arn');
  if (!arnAttr) {
    ctx.problem(file, line, `${what} has no lambda_arn.`, 'unresolved');
    return;
  }
  const includeBodyAttr = assoc.attributes.get('include_body');
  const bind = (target: { file: string; exportName: string } | undefined, runtime: unknown) => {
    if (target) ctx.bind('terraform', typeof runtime === 'string' ? { ...target, runtime } : target, eventType, file, line, includeBodyAttr ? evaluate(mod, includeBodyAttr) === true : false);
  };
  const refs = traversals(mod, arnAttr.expr, arnAttr.file, 0);
  const lambdaModules = bindLambdaModules(ctx, mod, refs, what, arnAttr, bind);
  const { functions, why } = followAcrossModules(ctx, project, mod, refs.filter((r) => !(r[0] === 'module' && r[1] && lambdaModules.has(r[1]))));
  if (functions.length === 0 && lambdaModules.size > 0) return;
  if (functions.length === 0) {
    const described = refs.length > 0 ? refs.map((r) => r.join('.')).join(', ') : text(arnAttr.file, arnAttr.expr);
    ctx.problem(file, arnAttr.line, `${what} lambda_arn ${described} is not an aws_lambda_function of this module; cannot find the function${why.length > 0 ? ` (${why.join('; ')})` : ''}.`, 'unresolved');
    return;
  }
  // One function reached twice (its `arn` and its `version`) is versioned if either is.
  const versioned = new Map<string, boolean>();
  for (const f of functions) versioned.set(`${f.mod.dir}\0${f.name}`, versioned.get(`${f.mod.dir}\0${f.name}`) === true || f.versioned);
  const seen = new Set<string>();
  for (const { mod: fnMod, name } of functions) {
    const key = `${fnMod.dir}\0${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!versioned.get(key)) {
      ctx.problem(file, arnAttr.line, `${what} lambda_arn uses aws_lambda_function.${name} without its version; Lambda@Edge needs a numbered version (qualified_arn with publish = true).`, 'deploy');
    }
    const found = functionHandler(ctx, fnMod, name, what, { file, line: arnAttr.line });
    const runtimeAttr = findBlock(fnMod, 'resource', 'aws_lambda_function', name)?.attributes.get('runtime');
    bind(found, runtimeAttr ? evaluate(fnMod, runtimeAttr) : undefined);
  }
}

/** Binds the terraform-aws-modules/lambda modules `refs` name; returns their names. */
function bindLambdaModules(
  ctx: DiscoveryContext,
  mod: TfModule,
  refs: string[][],
  what: string,
  arnAttr: TfAttribute,
  bind: (target: { file: string; exportName: string } | undefined, runtime: unknown) => void,
): Set<string> {
  const names = new Set<string>();
  for (const ref of refs) {
    const [root, name, output] = ref;
    if (root !== 'module' || !name || !output || names.has(name)) continue;
    const block = findLambdaModule(mod, name);
    if (!block) continue;
    names.add(name);
    if (output !== 'lambda_function_qualified_arn' && output !== 'lambda_function_version') {
      ctx.problem(
        arnAttr.file.path,
        arnAttr.line,
        `${what} lambda_arn uses module.${name}.${output}, which is not a numbered version; Lambda@Edge needs module.${name}.lambda_function_qualified_arn (the module publishes a version when lambda_at_edge = true).`,
        'deploy',
      );
    }
    const runtimeAttr = block.attributes.get('runtime');
    bind(lambdaModuleHandler(ctx, mod, block, `${what} → module.${name}`), runtimeAttr ? evaluate(mod, runtimeAttr) : undefined);
  }
  return names;
}

/**
 * `filename = "${path.module}/fn.zip"` written as a string where a `data.archive_file` makes that
 * zip: the archive whose `output_path` is the same path, or the one `source_code_hash` reads
 * (`data.archive_file.pkg.output_base64sha256`). The reference a `filename` of the archive would be.
 */
function archiveWrittenAs(mod: TfModule, fn: TfBlock, codeAttr: TfAttribute): string[] | undefined {
  const hash = fn.attributes.get('source_code_hash');
  const fromHash = hash && traversals(mod, hash.expr, hash.file, 0).find((r) => r[0] === 'data' && r[1] === 'archive_file' && r[2]);
  if (fromHash) return fromHash;
  const path = evaluate(mod, codeAttr);
  if (typeof path !== 'string') return undefined;
  for (const block of mod.blocks) {
    if (block.type !== 'data' || block.labels[0] !== 'archive_file' || !block.labels[1]) continue;
    const output = block.attributes.get('output_path');
    if (output && evaluate(mod, output) === path) return ['data', 'archive_file', block.labels[1]];
  }
  return undefined;
}

function functionHandler(
  ctx: DiscoveryContext,
  mod: TfModule,
  name: string,
  what: string,
  /** The association's `lambda_arn`: where a function that is not declared is reported. */
  reference: { file: string; line: number },
): { file: string; exportName: string } | undefined {
  const fnWhat = `${what} → aws_lambda_function.${name}`;
  const fn = findBlock(mod, 'resource', 'aws_lambda_function', name);
  if (!fn) {
    ctx.problem(reference.file, reference.line, `${fnWhat} is not declared in ${ctx.rel(mod.dir)}.`, 'unresolved');
    return undefined;
  }
  const file = fn.file.path;
  const handlerAttr = fn.attributes.get('handler');
  const handler = handlerAttr ? evaluate(mod, handlerAttr) : undefined;
  if (typeof handler !== 'string') {
    // An image function (package_type = "Image") has no handler and no source in the project.
    const image = fn.attributes.has('image_uri') && !handlerAttr;
    ctx.problem(file, handlerAttr?.line ?? fn.line, `${fnWhat} has no handler string that can be read.`, image ? 'remote' : 'unresolved');
    return undefined;
  }
  const codeAttr = fn.attributes.get('filename');
  if (!codeAttr) {
    const where = fn.attributes.has('s3_bucket') ? 'in S3 (s3_bucket)' : fn.attributes.has('image_uri') ? 'a container image' : 'not given';
    ctx.problem(file, fn.line, `${fnWhat} code is ${where}; no source to lint.`, where === 'not given' ? 'unresolved' : 'remote');
    return undefined;
  }
  const refs = traversals(mod, codeAttr.expr, codeAttr.file, 0);
  const archiveRef = refs.find((r) => r[0] === 'data' && r[1] === 'archive_file' && r[2]) ?? archiveWrittenAs(mod, fn, codeAttr);
  if (!archiveRef) {
    const value = evaluate(mod, codeAttr);
    ctx.problem(
      file,
      codeAttr.line,
      `${fnWhat} filename ${typeof value === 'string' ? `'${ctx.rel(value)}' is a prebuilt archive` : 'is not a data.archive_file output'}; no source to lint.`,
      typeof value === 'string' ? 'remote' : 'unresolved',
    );
    return undefined;
  }
  const archive = findBlock(mod, 'data', 'archive_file', archiveRef[2]!);
  if (!archive) {
    ctx.problem(file, codeAttr.line, `${fnWhat} uses data.archive_file.${archiveRef[2]}, which is not declared in this module.`, 'unresolved');
    return undefined;
  }
  const sourceFile = archive.attributes.get('source_file');
  const sourceDir = archive.attributes.get('source_dir');
  const archiveWhat = `data.archive_file.${archiveRef[2]}`;
  if (sourceDir) {
    const dir = evaluate(mod, sourceDir);
    if (typeof dir !== 'string') {
      ctx.problem(archive.file.path, sourceDir.line, `${archiveWhat} source_dir cannot be read as a path.`, 'unresolved');
      return undefined;
    }
    return ctx.resolveHandler(resolve(baseDir(mod, archive.file), dir), handler, file, handlerAttr!.line, fnWhat);
  }
  if (sourceFile) {
    const path = evaluate(mod, sourceFile);
    if (typeof path !== 'string') {
      ctx.problem(archive.file.path, sourceFile.line, `${archiveWhat} source_file cannot be read as a path.`, 'unresolved');
      return undefined;
    }
    const absolute = resolve(baseDir(mod, archive.file), path);
    const dot = handler.lastIndexOf('.');
    const moduleName = handler.slice(0, dot);
    if (dot <= 0 || basename(absolute, extname(absolute)) !== moduleName) {
      ctx.problem(
        file,
        handlerAttr!.line,
        `${fnWhat} handler '${handler}' does not name the archived file ${basename(absolute)} (${archiveWhat}.source_file).`,
        'unresolved',
      );
      return undefined;
    }
    if (ctx.kind(absolute) !== 'file') {
      ctx.problem(archive.file.path, sourceFile.line, `${archiveWhat} source_file ${ctx.rel(absolute)} does not exist.`, 'unresolved');
      return undefined;
    }
    return { file: absolute, exportName: handler.slice(dot + 1) };
  }
  const fromContent = archivedContent(ctx, mod, archive, handler, archiveWhat);
  if (fromContent === 'reported') return undefined;
  if (fromContent) return fromContent;
  ctx.problem(
    archive.file.path,
    archive.line,
    `${archiveWhat} has neither source_file nor source_dir, and no source block with content = file(...) and a filename that handler '${handler}' names; no source to lint.`,
    'unresolved',
  );
  return undefined;
}

/**
 * `source { content = file("${path.module}/edge/index.js"), filename = "index.js" }`: the
 * block whose `filename` is the handler's module (`index` of `index.handler`), its code the
 * file `file(...)` reads (or `templatefile(...)`, or a `template_file` renders). Inline
 * `content` (a string, a template of the module's own text) has no file to lint.
 */
function archivedContent(
  ctx: DiscoveryContext,
  mod: TfModule,
  archive: TfBlock,
  handler: string,
  archiveWhat: string,
): { file: string; exportName: string } | 'reported' | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const moduleName = handler.slice(0, dot);
  for (const source of archive.blocks) {
    if (source.type !== 'source') continue;
    const filenameAttr = source.attributes.get('filename');
    const filename = filenameAttr ? evaluate(mod, filenameAttr) : undefined;
    if (typeof filename !== 'string') continue;
    const ext = extname(filename);
    if (filename.slice(0, filename.length - ext.length).replace(/^\.\//, '') !== moduleName) continue;
    const content = source.attributes.get('content');
    const read = content && fileReadBy(mod, content.expr, content.file, 0);
    if (!content || !read) {
      ctx.problem(archive.file.path, content?.line ?? source.line, `${archiveWhat} source ${filename} is inline content, not file(...); no source to lint.`, 'unresolved');
      return 'reported';
    }
    const path = evalNode(mod, read.node, read.file, 0);
    if (typeof path !== 'string') {
      ctx.problem(archive.file.path, content.line, `${archiveWhat} source ${filename}: the path given to file(...) cannot be read.`, 'unresolved');
      return 'reported';
    }
    const absolute = resolve(baseDir(mod, read.file), path);
    if (ctx.kind(absolute) !== 'file') {
      ctx.problem(archive.file.path, content.line, `${archiveWhat} source ${filename} reads ${ctx.rel(absolute)}, which does not exist.`, 'unresolved');
      return 'reported';
    }
    return { file: absolute, exportName: handler.slice(dot + 1) };
  }
  return undefined;
}

/**
 * The path argument of the file whose text an expression is: `file(p)`, `templatefile(p, vars)`
 * (the file with its `${...}` filled in: still that file's code), `"${file(p)}"`, or
 * `data.template_file.<name>.rendered` of a `template_file` whose `template` is one of those.
 */
function fileReadBy(mod: TfModule, expr: SyntaxNode, file: TfFile, depth: number): { node: SyntaxNode; file: TfFile } | undefined {
  if (depth > 4) return undefined;
  if (expr.type === 'FunctionCall' && expr.namespace.length === 0 && !expr.expandFinal) {
    const name = expr.name.name;
    const arity = name === 'file' ? 1 : name === 'templatefile' ? 2 : 0;
    return arity > 0 && expr.args.length === arity ? { node: expr.args[0]!, file } : undefined;
  }
  if (expr.type === 'Template' && !expr.heredoc && expr.parts.length === 1 && expr.parts[0]!.type === 'TemplateInterpolation') {
    return fileReadBy(mod, expr.parts[0]!.expression, file, depth + 1);
  }
  const ref = expr.type === 'GetAttr' ? traversalOf(expr) : undefined;
  if (ref?.length !== 4 || ref[0] !== 'data' || ref[1] !== 'template_file' || ref[3] !== 'rendered') return undefined;
  const template = findBlock(mod, 'data', 'template_file', ref[2]!)?.attributes.get('template');
  return template && fileReadBy(mod, template.expr, template.file, depth + 1);
}

function findLambdaModule(mod: TfModule, name: string): TfBlock | undefined {
  const block = mod.blocks.find((b) => b.type === 'module' && b.labels[0] === name);
  const source = block?.attributes.get('source');
  return block && source && isLambdaModuleSource(evaluate(mod, source)) ? block : undefined;
}

/**
 * The code of a terraform-aws-modules/lambda function: `handler` in `source_path` (a folder
 * or a file, or the first `{ path = ... }` of a list). A prebuilt package
 * (`create_package = false`, `local_existing_package`, `s3_existing_package`) or an image has
 * no source to lint.
 */
function lambdaModuleHandler(ctx: DiscoveryContext, mod: TfModule, block: TfBlock, what: string): { file: string; exportName: string } | undefined {
  const file = block.file.path;
  const handlerAttr = block.attributes.get('handler');
  const handler = handlerAttr ? evaluate(mod, handlerAttr) : undefined;
  if (typeof handler !== 'string') {
    const image = block.attributes.has('image_uri') && !handlerAttr;
    ctx.problem(file, handlerAttr?.line ?? block.line, `${what} has no handler string that can be read.`, image ? 'remote' : 'unresolved');
    return undefined;
  }
  const sourceAttr = block.attributes.get('source_path');
  if (!sourceAttr) {
    const prebuilt = ['local_existing_package', 's3_existing_package', 'image_uri'].find((k) => block.attributes.has(k));
    // A prebuilt package or image is not in the project: nothing to lint, nothing lost.
    ctx.problem(file, block.line, `${what} has no source_path${prebuilt ? ` (its code is ${prebuilt})` : ''}; no source to lint.`, prebuilt ? 'remote' : 'unresolved');
    return undefined;
  }
  let pathNode: SyntaxNode = sourceAttr.expr;
  if (pathNode.type === 'Tuple' && pathNode.elements[0]) pathNode = pathNode.elements[0];
  if (pathNode.type === 'Object') {
    const item = pathNode.items.find((i) => i.key.type === 'Variable' ? i.key.name === 'path' : i.key.type === 'Template' && staticTemplate(i.key) === 'path');
    if (item) pathNode = item.value;
  }
  const path = evalNode(mod, pathNode, sourceAttr.file, 0);
  if (typeof path !== 'string') {
    ctx.problem(file, sourceAttr.line, `${what} source_path cannot be read as a path.`, 'unresolved');
    return undefined;
  }
  const absolute = resolve(baseDir(mod, block.file), path);
  if (ctx.kind(absolute) === 'dir') return ctx.resolveHandler(absolute, handler, file, handlerAttr!.line, what);
  const dot = handler.lastIndexOf('.');
  if (ctx.kind(absolute) === 'file' && dot > 0 && basename(absolute, extname(absolute)) === handler.slice(0, dot)) {
    return { file: absolute, exportName: handler.slice(dot + 1) };
  }
  ctx.problem(file, sourceAttr.line, `${what} source_path ${ctx.rel(absolute)} is not a source folder or the file handler '${handler}' names.`, 'unresolved');
  return undefined;
}

export type { TfBlock };
