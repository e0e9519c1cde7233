import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from '@eslint/plugin-kit';
import type * as AST from './ast.js';
import { childNodes, visitorKeys } from './ast.js';
import { parseHcl } from './parser.js';

/**
 * The ESLint language for Terraform/HCL files (ESLint ≥ 9.7 `languages`), registered by the
 * plugin as `lambda-edge/hcl`:
 *
 *   { files: ['**\/*.tf'], plugins: { 'lambda-edge': lambdaEdge }, language: 'lambda-edge/hcl' }
 *
 * Lines and columns of the tree are 1-based (`lineStart: 1`, `columnStart: 1`), as HashiCorp's
 * diagnostics print them. A file that does not parse gives ESLint one error (ESLint reports it
 * as the file's single fatal "Parsing error" at that line and column). `# eslint-disable-line`,
 * `// eslint-disable-next-line`, `/* eslint-disable *\/` and `/* eslint rule: "off" *\/` comments
 * work as in JavaScript.
 */

export interface HclFile {
  body: string | Uint8Array;
  path: string;
}

type ParseResult =
  | { ok: true; ast: AST.ConfigFile }
  | { ok: false; errors: { message: string; line: number; column: number }[] };

/** Location as ESLint's core types describe it (plugin-kit's and ESLint's own). */
interface Problem {
  ruleId: null;
  message: string;
  loc: AST.SourceLocation;
}

/** A rule's setting in an `/* eslint … *\/` comment, as ESLint's RulesConfig types it. */
type Severity = 0 | 1 | 2 | 'off' | 'warn' | 'error';
type InlineRules = Record<string, Severity | [Severity, ...unknown[]]>;
type InlineConfig = { config: { rules: InlineRules }; loc: AST.SourceLocation };

const commentParser = new ConfigCommentParser();

/** SourceCode of one HCL file: text, lines, tree, comments, positions, parents, inline config. */
export class HclSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, never>;
  RootNode: AST.ConfigFile;
  SyntaxElementWithLoc: AST.HclNode;
  ConfigNode: AST.Comment;
}> {
  declare ast: AST.ConfigFile;
  readonly comments: AST.Comment[];
  private parents: WeakMap<AST.HclNode, AST.HclNode> | undefined;

  constructor({ text, ast }: { text: string; ast: AST.ConfigFile }) {
    super({ text, ast });
    this.comments = ast.comments;
  }

  /** The node's parent; undefined for the root. */
  override getParent(node: AST.HclNode): AST.HclNode | undefined {
    if (!this.parents) {
      this.parents = new WeakMap();
      for (const step of this.walk()) if (step.parent) this.parents.set(step.node, step.parent);
    }
    return this.parents.get(node);
  }

  /** Every node in source order, entering and leaving (an explicit stack: no recursion). */
  override *traverse(): Iterable<VisitNodeStep> {
    for (const { node, parent, phase } of this.walk()) {
      yield new VisitNodeStep({ target: node, phase, args: [node, parent] });
    }
  }

  private *walk(): Generator<{ node: AST.HclNode; parent: AST.HclNode | undefined; phase: 1 | 2 }> {
    const stack: { node: AST.HclNode; parent: AST.HclNode | undefined; leaving: boolean }[] = [
      { node: this.ast, parent: undefined, leaving: false },
    ];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const { node, parent } = entry;
      if (entry.leaving) {
        yield { node, parent, phase: 2 };
        continue;
      }
      yield { node, parent, phase: 1 };
      stack.push({ node, parent, leaving: true });
      const children = childNodes(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, parent: node, leaving: false });
    }
  }

  /** The comments that hold an ESLint directive. */
  getInlineConfigNodes(): AST.Comment[] {
    // The parser gives any comment a label (its first word): only ESLint's own are directives.
    return this.comments.filter((comment) => DIRECTIVE_LABELS.has(commentParser.parseDirective(comment.value)?.label ?? ''));
  }

  /** `eslint-disable`, `eslint-enable`, `eslint-disable-line`, `eslint-disable-next-line` comments. */
  getDisableDirectives(): { problems: Problem[]; directives: Directive[] } {
    const problems: Problem[] = [];
    const directives: Directive[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value, justification } = commentParser.parseDirective(comment.value)!;
      if (label === 'eslint-disable-line' && comment.loc.start.line !== comment.loc.end.line) {
        problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
        continue;
      }
      if (label === 'eslint-disable' || label === 'eslint-enable' || label === 'eslint-disable-line' || label === 'eslint-disable-next-line') {
        const type = label.slice('eslint-'.length) as 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
        directives.push(new Directive({ type, node: comment, value, justification }));
      }
    }
    return { problems, directives };
  }

  /** `/* eslint rule: "off" *\/` comments: rule configuration for this file. */
  applyInlineConfig(): { configs: InlineConfig[]; problems: Problem[] } {
    const configs: InlineConfig[] = [];
    const problems: Problem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const { label, value } = commentParser.parseDirective(comment.value)!;
      if (label !== 'eslint') continue;
      const result = commentParser.parseJSONLikeConfig(value);
      if (result.ok) configs.push({ config: { rules: result.config as InlineRules }, loc: comment.loc });
      else problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
    }
    return { configs, problems };
  }
}

/** The directive comments ESLint reads in a file of this language (no `global`: HCL has no scopes). */
const DIRECTIVE_LABELS: ReadonlySet<string> = new Set(['eslint', 'eslint-enable', 'eslint-disable', 'eslint-disable-line', 'eslint-disable-next-line']);

function textOf(file: HclFile): string {
  return typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
}

/** The language object ESLint calls: parse, then a SourceCode for the rules. */
export const hclLanguage = {
  fileType: 'text' as const,
  lineStart: 1 as const,
  columnStart: 1 as const,
  nodeTypeKey: 'type',
  visitorKeys: visitorKeys as unknown as Record<string, string[]>,
  defaultLanguageOptions: {},

  /** The language has no options: any key is a configuration mistake. */
  validateLanguageOptions(languageOptions: Record<string, unknown>): void {
    const keys = Object.keys(languageOptions ?? {});
    if (keys.length > 0) throw new TypeError(`The HCL language has no options; unexpected key "${keys[0]}".`);
  },

  parse(file: HclFile): ParseResult {
    const result = parseHcl(textOf(file));
    if (result.ok) return { ok: true, ast: result.ast };
    const { message, line, column } = result.error;
    return { ok: false, errors: [{ message, line, column }] };
  },

  /** `input` is what `parse` returned (typed loosely, as ESLint's Language interface has it). */
  createSourceCode(file: HclFile, input: { ast: unknown }): HclSourceCode {
    return new HclSourceCode({ text: textOf(file), ast: input.ast as AST.ConfigFile });
  },
};

export type HclLanguage = typeof hclLanguage;
