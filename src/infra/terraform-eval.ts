import { dirname } from 'node:path';
import type * as Hcl from '../languages/hcl/ast.js';
import { childNodes } from '../languages/hcl/ast.js';
import { staticTemplate } from '../languages/hcl/static-value.js';

/**
 * Terraform as discovery reads it: the blocks of a module (folder) and the small evaluator of
 * their attributes (literals, templates, `path.module`, `local.x`, `var.x` defaults) and of the
 * references an expression makes.
 */

export type SyntaxNode = Hcl.Expression;

export interface TfFile {
  path: string;
  text: string;
}

export interface TfAttribute {
  expr: SyntaxNode;
  line: number;
  file: TfFile;
}

export interface TfBlock {
  type: string;
  labels: string[];
  attributes: Map<string, TfAttribute>;
  blocks: TfBlock[];
  line: number;
  file: TfFile;
  /** The block as parsed. */
  node?: Hcl.Block;
}

/** All top-level blocks of the .tf files of one folder (a Terraform module). */
export interface TfModule {
  dir: string;
  blocks: TfBlock[];
  /**
   * The root module's folder, when this module was reached from another one (a module block's
   * `source`, or a caller of it): Terraform resolves a relative path from there, not from the
   * module's own folder (`path.module` is the module's own folder).
   */
  root?: string;
  /**
   * The module block that instantiates this module and the module holding that block: a
   * `var.x` of this module is what the block sets (its default only where the block sets none).
   */
  instance?: { block: TfBlock; caller: TfModule };
  /**
   * What the folder's auto-loaded variable files (`terraform.tfvars`, `*.auto.tfvars`) set, the
   * last one loaded winning; 'unknown' for a variable a JSON one may set. A root module's only.
   */
  tfvars?: ReadonlyMap<string, TfAttribute | 'unknown'>;
}

export function text(file: TfFile, node: SyntaxNode): string {
  return file.text.slice(node.range[0], node.range[1]);
}

export function findBlock(mod: TfModule, kind: string, type: string, name: string): TfBlock | undefined {
  return mod.blocks.find((b) => b.type === kind && b.labels[0] === type && b.labels[1] === name);
}

/** The folder a relative path of `mod` is resolved from. */
export function baseDir(mod: TfModule, file: TfFile): string {
  return mod.root ?? dirname(file.path);
}

export type TfValue = string | number | boolean | null | undefined;

/** Evaluates literals, templates, `path.module`, `local.x` and `var.x` defaults; else undefined. */
export function evaluate(mod: TfModule, attr: TfAttribute, depth = 0): TfValue {
  return evalNode(mod, attr.expr, attr.file, depth);
}

export function evalNode(mod: TfModule, node: SyntaxNode, file: TfFile, depth: number): TfValue {
  if (depth > 20) return undefined;
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'Parenthesized':
      return evalNode(mod, node.expression, file, depth + 1);
    case 'Template':
      return node.heredoc ? staticTemplate(node) : evalTemplate(mod, node, file, depth);
    case 'Variable':
    case 'GetAttr': {
      const parts = traversalOf(node);
      return parts ? evalTraversal(mod, parts, file, depth) : undefined;
    }
    case 'FunctionCall': {
      const fn = node.namespace.length === 0 ? node.name.name : '';
      if ((fn === 'abspath' || fn === 'trimspace') && node.args.length === 1 && !node.expandFinal) {
        return evalNode(mod, node.args[0]!, file, depth + 1);
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function evalTemplate(mod: TfModule, node: Hcl.Template, file: TfFile, depth: number): TfValue {
  let out = '';
  for (const part of node.parts) {
    if (part.type === 'TemplateLiteral') out += part.value;
    else if (part.type === 'TemplateInterpolation') {
      const value = evalNode(mod, part.expression, file, depth + 1);
      if (value === undefined || value === null) return undefined;
      out += String(value);
    } else return undefined;
  }
  return out;
}

/** `a.b.c` of a reference (`[…]` and splats skipped); undefined when the expression is not one. */
export function traversalOf(expr: SyntaxNode): string[] | undefined {
  const parts: string[] = [];
  let node: SyntaxNode = expr;
  for (;;) {
    if (node.type === 'Variable') return [node.name, ...parts.reverse()];
    if (node.type === 'GetAttr') parts.push(node.name.name);
    else if (node.type !== 'Index' && node.type !== 'Splat') return undefined;
    node = node.object;
  }
}

function evalTraversal(mod: TfModule, parts: string[], file: TfFile, depth: number): TfValue {
  const [root, name] = parts;
  if (root === 'path' && (name === 'module' || name === 'root' || name === 'cwd')) return dirname(file.path);
  if (root === 'local' && name) {
    for (const block of mod.blocks) {
      if (block.type !== 'locals') continue;
      const attr = block.attributes.get(name);
      if (attr) return evaluate(mod, attr, depth + 1);
    }
  }
  if (root === 'var' && name) {
    if (mod.instance) {
      const arg = mod.instance.block.attributes.get(name);
      if (arg) return evaluate(mod.instance.caller, arg, depth + 1);
    } else {
      const set = mod.tfvars?.get(name);
      if (set === 'unknown') return undefined;
      if (set) return evaluate(mod, set, depth + 1);
    }
    const variable = mod.blocks.find((b) => b.type === 'variable' && b.labels[0] === name);
    const def = variable?.attributes.get('default');
    if (def) return evaluate(mod, def, depth + 1);
  }
  return undefined;
}

/**
 * Every reference (`aws_lambda_function.f.qualified_arn`) anywhere in an expression, with
 * `local.x` followed to its own references.
 */
export function traversals(mod: TfModule, node: SyntaxNode, file: TfFile, depth: number): string[][] {
  const found: string[][] = [];
  if (depth > 10) return found;
  // An explicit stack: a long chain of operators makes a deep tree.
  const stack: Hcl.HclNode[] = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    const parts = n.type === 'Variable' || n.type === 'GetAttr' || n.type === 'Index' || n.type === 'Splat' ? traversalOf(n) : undefined;
    if (!parts) {
      stack.push(...childNodes(n).reverse());
      continue;
    }
    if (parts[0] === 'local' && parts[1]) {
      for (const block of mod.blocks) {
        const attr = block.type === 'locals' ? block.attributes.get(parts[1]) : undefined;
        if (attr) found.push(...traversals(mod, attr.expr, attr.file, depth + 1));
      }
    } else {
      found.push(parts);
    }
    // Index keys inside the reference may hold references of their own.
    for (let inner = n as SyntaxNode; inner.type !== 'Variable'; inner = (inner as Hcl.GetAttr).object) {
      if (inner.type === 'Index') stack.push(inner.key);
    }
  }
  return found;
}
