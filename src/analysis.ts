import * as path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  findProperty,
  isFunctionNode,
  memberName,
  outerParent,
  propertyKeyName,
  unwrap,
} from './ast.js';
import {
  ALLOWED_EVENT_TYPES_TEXT,
  EVENT_TYPES,
  type EventType,
  type EventTypes,
  REQUEST_EVENTS,
  RESPONSE_EVENTS,
  formatEventTypes,
  intersect,
  isEventType,
  onlyIn,
  union,
} from './event-types.js';
import { lookupFile } from './infra/index.js';
import { readSettings } from './settings.js';
import { type StaticContext, type StaticValue, evaluateStatic, minimumBytes, producesBase64 } from './static-value.js';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type Scope = TSESLint.Scope.Scope;
type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * What an expression is, as far as Lambda@Edge is concerned. `request`/`response` are the
 * objects CloudFront hands to the function; `generated` is a response the code builds.
 */
export type Kind =
  | 'event'
  | 'records'
  | 'record'
  | 'cf'
  | 'config'
  | 'eventType'
  | 'request'
  | 'response'
  | 'generated'
  | 'request-headers'
  | 'response-headers'
  | 'generated-headers'
  | 'headers'
  | 'querystring'
  | 'origin'
  | 'origin-config'
  | 'origin-headers'
  | 'request-body'
  | 'response-body'
  | 'callback';

export const HEADER_KINDS: ReadonlySet<Kind> = new Set([
  'origin-headers',
  'request-headers',
  'response-headers',
  'generated-headers',
  'headers',
]);

export type EventTypeSource = 'comment' | 'settings' | 'infrastructure' | 'code';

export interface Handler {
  node: FunctionNode;
  /** Export name (`handler`, `default`), or the function's own name when not exported. */
  name: string;
  exported: boolean;
  isAsync: boolean;
  /** The `callback` parameter of `(event, context, callback)` handlers. */
  callback: Variable | undefined;
  eventTypes: EventTypes;
  eventTypeSource: EventTypeSource | undefined;
  /** `return x` / `callback(null, x)` values handed back to CloudFront. */
  results: TSESTree.Node[];
}

export type AccessOp = 'read' | 'write' | 'delete' | 'modify';

/** A property of a Lambda@Edge object being read or written. */
export interface MemberAccess {
  /** The member expression, or the pattern property for destructuring reads. */
  node: TSESTree.MemberExpression | TSESTree.Property;
  objectKind: Kind;
  /** Static property name, when known. */
  name: string | undefined;
  /** The node holding the name (`property` of a member expression, `key` of a pattern). */
  keyNode: TSESTree.Node;
  op: AccessOp;
  /** For `=` writes: the assigned value. */
  value: TSESTree.Node | undefined;
}

/** Whose header map: `origin` is `request.origin.custom|s3.customHeaders` (origin-request). */
export type HeaderOwner = 'request' | 'response' | 'generated' | 'origin' | 'unknown';

/** One header in an object literal that is a Lambda@Edge header map. */
export interface HeaderEntry {
  property: TSESTree.Property;
  name: string | undefined;
  value: TSESTree.Node;
  map: TSESTree.ObjectExpression;
  owner: HeaderOwner;
}

export interface ResponseProperty {
  property: TSESTree.Property;
  value: TSESTree.Node;
  /** False when the property comes from a spread object. */
  own: boolean;
}

/** A response object the code builds and hands to CloudFront. */
export interface GeneratedResponse {
  node: TSESTree.ObjectExpression;
  eventTypes: EventTypes;
  /** Own and spread-in properties, later ones winning as at run time. */
  properties: Map<string, ResponseProperty>;
  /** Properties assigned after creation: `res.body = ...`. */
  writes: MemberAccess[];
  /** Header-map literals of this response (own, spread-in or through a variable). */
  headerMaps: TSESTree.ObjectExpression[];
}

export interface ConfigProblem {
  loc: TSESTree.SourceLocation;
  message: string;
}

export interface Analysis {
  /** False for files with nothing Lambda@Edge in them: rules do nothing there. */
  isEdge: boolean;
  handlers: Handler[];
  responses: GeneratedResponse[];
  accesses: MemberAccess[];
  headerEntries: HeaderEntry[];
  problems: ConfigProblem[];
  classify(node: TSESTree.Node): Kind | undefined;
  eventTypesAt(node: TSESTree.Node): EventTypes;
  handlerAt(node: TSESTree.Node): Handler | undefined;
  staticValue(node: TSESTree.Node): StaticValue | undefined;
  /** Does the expression certainly produce base64 text (`buf.toString('base64')`, `btoa(x)`, a const of one)? */
  producesBase64(node: TSESTree.Node): boolean;
  /** A lower bound of a string expression's UTF-8 size, counting only its known parts. */
  minimumBytes(node: TSESTree.Node): number;
  responseFor(node: TSESTree.ObjectExpression): GeneratedResponse | undefined;
  /** The object literal an expression is, or that a constant binding it names holds. */
  objectLiteralOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined;
}

const EMPTY_ANALYSIS: Analysis = {
  isEdge: false,
  handlers: [],
  responses: [],
  accesses: [],
  headerEntries: [],
  problems: [],
  classify: () => undefined,
  eventTypesAt: () => undefined,
  handlerAt: () => undefined,
  staticValue: () => undefined,
  producesBase64: () => false,
  minimumBytes: () => 0,
  responseFor: () => undefined,
  objectLiteralOf: () => undefined,
};

/** Text that any Lambda@Edge file contains somewhere; files without it are skipped cheaply. */
const EDGE_HINT = /Records|CloudFront|lambda-edge-event/;
/**
 * The tag begins the comment or one of its lines (after ` * ` in a JSDoc block), like a JSDoc
 * tag; a mention in prose ("an invalid `@lambda-edge-event`, ...") is not a tag.
 */
const EVENT_TAG = /(?:^|\n)[^\S\n]*(?:\*+[^\S\n]*)?@lambda-edge-event\b([^\n*]*)/g;
/** Test files and folders: their unexported functions are test doubles, not handlers. */
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|test|tests|spec)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

/** Child keys and declarations that only hold TypeScript types, skipped by the walk. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeArguments', 'typeParameters', 'superTypeArguments', 'implements']);
const TYPE_ONLY_NODES = new Set<string>([
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
  AST_NODE_TYPES.TSDeclareFunction,
  AST_NODE_TYPES.TSImportEqualsDeclaration,
]);

const NO_NODES: TSESTree.Node[] = [];

/**
 * The child keys the analysis walks, per node type: the parser's visitor keys without the
 * ones that only hold types (the analysis reads annotations directly where it needs them),
 * and none at all for type-only declarations. Computed once per visitor-key set.
 */
const walkKeysCache = new WeakMap<object, Map<string, readonly string[]>>();
function walkKeysOf(visitorKeys: object): Map<string, readonly string[]> {
  let result = walkKeysCache.get(visitorKeys);
  if (!result) {
    result = new Map();
    for (const [type, keys] of Object.entries(visitorKeys as Record<string, readonly string[] | undefined>)) {
      if (!keys || TYPE_ONLY_NODES.has(type)) continue;
      result.set(type, keys.filter((key) => !TYPE_KEYS.has(key)));
    }
    walkKeysCache.set(visitorKeys, result);
  }
  return result;
}

const cache = new WeakMap<TSESTree.Program, Analysis>();

/**
 * The shared analysis of one file. Computed on first use by any rule, then cached on the
 * AST, so all rules of a lint run share it.
 */
export function getAnalysis(context: AnyContext): Analysis {
  const ast = context.sourceCode.ast;
  // Every rule asks, one file after another: the last file answers most lookups.
  if (ast === lastAst) return lastAnalysis!;
  let result = cache.get(ast);
  if (!result) {
    result = analyze(context);
    cache.set(ast, result);
  }
  lastAst = ast;
  lastAnalysis = result;
  return result;
}
let lastAst: TSESTree.Program | undefined;
let lastAnalysis: Analysis | undefined;

const reportedSettingsProblems = new Map<string, string>();

/**
 * Configuration problems (an invalid `@lambda-edge-event`, invalid settings, a comment that
 * disagrees with infrastructure code) are reported once per file, by the first rule that
 * asks. Settings problems are reported in every Lambda@Edge file and in the first file of
 * the process.
 */
const claimed = new WeakMap<Analysis, string>();
const NO_PROBLEMS: readonly ConfigProblem[] = [];
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

function analyze(context: AnyContext): Analysis {
  const sourceCode = context.sourceCode;
  const settings = readSettings(context.settings);
  const filename = context.filename;
  const infra =
    filename && !filename.startsWith('<')
      ? lookupFile(
          { cwd: context.cwd, infrastructure: settings.infrastructure, handlers: settings.handlers },
          filename,
        )
      : undefined;
  if (!infra && !settings.eventTypes && !EDGE_HINT.test(sourceCode.text)) return EMPTY_ANALYSIS;
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager) return EMPTY_ANALYSIS;
  return new FileAnalyzer(context, settings.eventTypes, infra).run();
}

type CallSite = { call: TSESTree.CallExpression; fn: FunctionNode };

class FileAnalyzer {
  private readonly sourceCode: AnyContext['sourceCode'];
  private readonly awsTypes = new Map<string, string>();
  private readonly awsNamespaces = new Set<string>(['AWSLambda']);
  private readonly kindMemo = new Map<TSESTree.Node, Kind | null>();
  private readonly varMemo = new Map<Variable, Kind | null>();
  private readonly handlersByNode = new Map<FunctionNode, Handler>();
  private readonly handlers: Handler[] = [];
  private readonly responses = new Map<TSESTree.ObjectExpression, GeneratedResponse>();
  private readonly responseVars = new Map<Variable, GeneratedResponse>();
  private readonly headerMapVars = new Map<Variable, HeaderOwner>();
  private readonly headerMaps = new Map<TSESTree.ObjectExpression, HeaderOwner>();
  private readonly accesses: MemberAccess[] = [];
  private readonly problems: ConfigProblem[] = [];
  private readonly members: TSESTree.MemberExpression[] = [];
  private readonly functions: FunctionNode[] = [];
  private readonly patterns: Array<{ pattern: TSESTree.ObjectPattern; source: TSESTree.Node }> = [];
  private readonly inChecks: TSESTree.BinaryExpression[] = [];
  /** Arguments of every `return` in the file, in source order. */
  private readonly returns: TSESTree.Node[] = [];
  private readonly typedObjects: TSESTree.ObjectExpression[] = [];
  private readonly staticCtx: StaticContext;
  private fileEventTypes: EventTypes;

  constructor(
    private readonly context: AnyContext,
    private readonly settingsTypes: EventTypes,
    private readonly infra: ReturnType<typeof lookupFile>,
  ) {
    this.sourceCode = context.sourceCode;
    const filename = context.filename;
    this.staticCtx = {
      dirname: path.dirname(path.resolve(context.cwd, filename)),
      root: context.cwd,
      resolveConst: (id) => this.resolveConst(id),
      importOf: (id) => this.importOf(id),
    };
  }

  run(): Analysis {
    this.collect();
    const comments = this.readComments();
    this.findHandlers(comments);
    if (this.handlers.length === 0 && !this.infra?.importedBy && comments.fileTypes === undefined) {
      // Typed objects (CloudFrontHeaders, CloudFrontResultResponse) still count on their own.
      if (this.typedObjects.length === 0 && !this.hasTypedBindings) return this.finish(false);
    }
    for (const handler of this.handlers) handler.results = this.resultsOf(handler);
    this.fileEventTypes = this.computeFileEventTypes(comments.fileTypes);
    for (const handler of this.handlers) this.traceResults(handler);
    for (const obj of this.typedObjects) this.addResponse(obj, this.eventTypesAt(obj), true);
    if (this.infra?.importedBy && this.handlers.length === 0) this.findShapedResponses();
    // Classifications made before the responses were known may be stale.
    this.kindMemo.clear();
    this.varMemo.clear();
    this.collectAccesses();
    return this.finish(true);
  }

  private hasTypedBindings = false;

  private finish(isEdge: boolean): Analysis {
    if (!isEdge && this.problems.length === 0) return EMPTY_ANALYSIS;
    const headerEntries: HeaderEntry[] = [];
    for (const [map, owner] of this.headerMaps) {
      for (const prop of map.properties) {
        if (prop.type !== AST_NODE_TYPES.Property || prop.kind !== 'init') continue;
        headerEntries.push({ property: prop, name: propertyKeyName(prop), value: prop.value, map, owner });
      }
    }
    return {
      isEdge,
      handlers: this.handlers,
      responses: [...this.responses.values()],
      accesses: this.accesses,
      headerEntries,
      problems: this.problems,
      classify: (node) => this.classify(node),
      eventTypesAt: (node) => this.eventTypesAt(node),
      handlerAt: (node) => this.handlerAt(node),
      staticValue: (node) => evaluateStatic(node, this.staticCtx),
      producesBase64: (node) => producesBase64(node, this.staticCtx),
      minimumBytes: (node) => minimumBytes(node, this.staticCtx),
      responseFor: (node) => this.responses.get(node),
      objectLiteralOf: (node) => this.objectLiteralOf(node),
    };
  }

  // ---------------------------------------------------------------- collection

  /** One walk over the AST, keeping the few node kinds the analysis looks at. */
  private collect(): void {
    const keys = walkKeysOf(this.sourceCode.visitorKeys);
    const stack: TSESTree.Node[] = [this.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      switch (node.type) {
        case AST_NODE_TYPES.ReturnStatement:
          if (node.argument) this.returns.push(node.argument);
          break;
        case AST_NODE_TYPES.MemberExpression:
          this.members.push(node);
          break;
        case AST_NODE_TYPES.FunctionDeclaration:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
          this.functions.push(node);
          for (const param of node.params) this.typeKindOf(param);
          break;
        case AST_NODE_TYPES.VariableDeclarator:
          if (node.id.type === AST_NODE_TYPES.ObjectPattern && node.init) {
            this.patterns.push({ pattern: node.id, source: node.init });
          }
          if (node.init && this.typeKindOf(node.id) === 'generated') this.collectTypedObject(node.init);
          if (node.init && this.typeKindOf(node.id) === 'headers') {
            const init = unwrap(node.init);
            if (init.type === AST_NODE_TYPES.ObjectExpression) this.headerMaps.set(init, 'unknown');
          }
          break;
        case AST_NODE_TYPES.AssignmentExpression:
          if (node.left.type === AST_NODE_TYPES.ObjectPattern) {
            this.patterns.push({ pattern: node.left, source: node.right });
          }
          break;
        case AST_NODE_TYPES.BinaryExpression:
          if (node.operator === 'in') this.inChecks.push(node);
          break;
        case AST_NODE_TYPES.TSAsExpression:
        case AST_NODE_TYPES.TSSatisfiesExpression:
          if (this.typeNameKind(node.typeAnnotation) === 'generated') this.collectTypedObject(node.expression);
          break;
        case AST_NODE_TYPES.ImportDeclaration:
          if (node.source.value === 'aws-lambda' || node.source.value === '@types/aws-lambda') {
            for (const spec of node.specifiers) {
              if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
                const imported =
                  spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : String(spec.imported.value);
                this.awsTypes.set(spec.local.name, imported);
              } else {
                this.awsNamespaces.add(spec.local.name);
              }
            }
          }
          break;
        default:
          break;
      }
      const childKeys = keys.get(node.type);
      if (!childKeys) continue;
      for (let i = childKeys.length - 1; i >= 0; i--) {
        const child = (node as unknown as Record<string, unknown>)[childKeys[i]!];
        if (Array.isArray(child)) {
          for (let j = child.length - 1; j >= 0; j--) {
            const c = child[j] as TSESTree.Node | null;
            if (c && typeof c.type === 'string') stack.push(c);
          }
        } else if (child && typeof (child as TSESTree.Node).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    }
    // Functions with a CloudFront return type: their object-literal returns are responses.
    for (const fn of this.functions) {
      const returnKind = this.returnTypeKind(fn);
      if (returnKind === 'generated') {
        for (const result of this.returnValues(fn)) this.collectTypedObject(result);
      }
    }
  }

  private collectTypedObject(node: TSESTree.Node): void {
    const value = unwrap(node);
    if (value.type === AST_NODE_TYPES.ObjectExpression && !findProperty(value, 'statusCode')) {
      this.typedObjects.push(value);
    } else if (value.type === AST_NODE_TYPES.ConditionalExpression) {
      this.collectTypedObject(value.consequent);
      this.collectTypedObject(value.alternate);
    }
  }

  // ---------------------------------------------------------------- aws-lambda types

  /** The kind a type annotation gives: `CloudFrontHeaders` → 'headers', etc. */
  private typeNameKind(type: TSESTree.TypeNode | undefined): Kind | 'request-handler' | 'response-handler' | undefined {
    if (!type) return undefined;
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      // `CloudFrontResultResponse | undefined`
      const kinds = type.types.map((t) => this.typeNameKind(t)).filter((k) => k !== undefined);
      return kinds.length === 1 ? kinds[0] : undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
    let name: string | undefined;
    if (type.typeName.type === AST_NODE_TYPES.Identifier) {
      name = this.awsTypes.get(type.typeName.name);
      if (!name && type.typeName.name === 'Promise' && type.typeArguments?.params.length === 1) {
        return this.typeNameKind(type.typeArguments.params[0]);
      }
    } else if (
      type.typeName.type === AST_NODE_TYPES.TSQualifiedName &&
      type.typeName.left.type === AST_NODE_TYPES.Identifier &&
      this.awsNamespaces.has(type.typeName.left.name)
    ) {
      name = type.typeName.right.name;
    }
    switch (name) {
      case 'CloudFrontRequestEvent':
      case 'CloudFrontResponseEvent':
        return 'event';
      case 'CloudFrontRequest':
        return 'request';
      case 'CloudFrontResponse':
        return 'response';
      case 'CloudFrontResultResponse':
        return 'generated';
      case 'CloudFrontHeaders':
        return 'headers';
      case 'CloudFrontRequestHandler':
        return 'request-handler';
      case 'CloudFrontResponseHandler':
        return 'response-handler';
      default:
        return undefined;
    }
  }

  private typeKindOf(node: TSESTree.Node): ReturnType<FileAnalyzer['typeNameKind']> {
    if (!('typeAnnotation' in node) || !node.typeAnnotation || node.typeAnnotation.type !== AST_NODE_TYPES.TSTypeAnnotation) {
      return undefined;
    }
    const kind = this.typeNameKind(node.typeAnnotation.typeAnnotation);
    if (kind !== undefined) this.hasTypedBindings = true;
    return kind;
  }

  private returnTypeKind(fn: FunctionNode): ReturnType<FileAnalyzer['typeNameKind']> {
    return fn.returnType ? this.typeNameKind(fn.returnType.typeAnnotation) : undefined;
  }

  // ---------------------------------------------------------------- comments

  private readComments(): { fileTypes: EventTypes; attached: Map<TSESTree.Comment, EventTypes> } {
    let fileTypes: EventTypes;
    const attached = new Map<TSESTree.Comment, EventTypes>();
    // Most files have no tag: one search of the text instead of a look at every comment.
    if (!this.sourceCode.text.includes('@lambda-edge-event')) return { fileTypes, attached };
    for (const comment of this.sourceCode.getAllComments()) {
      if (!comment.value.includes('@lambda-edge-event')) continue;
      EVENT_TAG.lastIndex = 0;
      const match = EVENT_TAG.exec(comment.value);
      if (!match) continue;
      const words = match[1]!.split(/[\s,|]+/).filter(Boolean);
      const good = words.filter(isEventType);
      const bad = words.filter((w) => !isEventType(w));
      if (bad.length > 0 || words.length === 0) {
        this.problems.push({
          loc: comment.loc,
          message:
            words.length === 0
              ? `@lambda-edge-event needs an event type; allowed values are ${ALLOWED_EVENT_TYPES_TEXT}.`
              : `@lambda-edge-event has the unknown event type ${bad.map((b) => `'${b}'`).join(', ')}; allowed values are ${ALLOWED_EVENT_TYPES_TEXT}.`,
        });
      }
      if (good.length === 0) continue;
      const types = new Set(good);
      attached.set(comment, types);
      fileTypes = fileTypes ? union(fileTypes, types) : types;
    }
    return { fileTypes, attached };
  }

  // ---------------------------------------------------------------- handlers

  private findHandlers(comments: { fileTypes: EventTypes; attached: Map<TSESTree.Comment, EventTypes> }): void {
    const exported = this.exportedFunctions();
    // A file that declares its event type (a comment, or settings scoped to it through
    // flat-config `files`) declares its exported functions to be handlers.
    const declared = comments.fileTypes !== undefined || this.settingsTypes !== undefined;
    const seen = new Set<FunctionNode>();
    for (const { name, fn, statement } of exported) {
      if (seen.has(fn)) continue;
      const bound = this.infra?.byExport.get(name);
      const typed = this.handlerTypeKind(fn);
      if (!bound && !typed && !(declared && fn.params.length > 0) && !this.usesCloudFrontEvent(fn, 0)) continue;
      seen.add(fn);
      this.addHandler(fn, name, true, statement, comments, bound, typed);
    }
    // Unexported functions that receive a CloudFront event and are not called in this file
    // (wrapped before export, or exported in a way we cannot see). Not in test files, where
    // such functions are test doubles (`jest.fn((event) => event.Records[0].cf.request)`).
    if (TEST_FILE.test(this.context.filename)) return;
    for (const fn of this.functions) {
      if (seen.has(fn) || fn.params.length === 0) continue;
      if (!this.usesCloudFrontEvent(fn, 0)) continue;
      if (this.callSites(fn).length > 0) continue;
      seen.add(fn);
      this.addHandler(fn, this.functionName(fn) ?? 'handler', false, this.topStatement(fn), comments, undefined, undefined);
    }
  }

  private addHandler(
    fn: FunctionNode,
    name: string,
    exported: boolean,
    statement: TSESTree.Node | undefined,
    comments: { fileTypes: EventTypes; attached: Map<TSESTree.Comment, EventTypes> },
    bound: ReadonlySet<EventType> | undefined,
    typed: 'request-handler' | 'response-handler' | undefined,
  ): void {
    let callback: Variable | undefined;
    const cbParam = fn.params[2];
    if (cbParam && cbParam.type === AST_NODE_TYPES.Identifier) callback = this.variableOf(cbParam);

    let eventTypes: EventTypes;
    let source: EventTypeSource | undefined;
    let commentTypes: EventTypes;
    if (statement) {
      for (const comment of this.sourceCode.getCommentsBefore(statement)) {
        const t = comments.attached.get(comment);
        if (t) commentTypes = t;
      }
    }
    commentTypes ??= comments.fileTypes;
    if (commentTypes) {
      eventTypes = commentTypes;
      source = 'comment';
    } else if (this.settingsTypes) {
      eventTypes = this.settingsTypes;
      source = 'settings';
    }
    if (bound && bound.size > 0) {
      if (eventTypes && !sameSet(eventTypes, bound)) {
        this.problems.push({
          loc: (statement ?? fn).loc,
          message: `The ${source === 'comment' ? '@lambda-edge-event comment' : "settings['lambda-edge'].eventType"} says ${formatEventTypes(eventTypes)}, but ${this.infra!.declaredIn} attaches '${name}' to ${formatEventTypes(bound)}; the ${source === 'comment' ? 'comment' : 'setting'} wins. Make them agree.`,
        });
      } else if (!eventTypes) {
        eventTypes = bound;
        source = 'infrastructure';
      }
    }
    const handler: Handler = {
      node: fn,
      name,
      exported,
      isAsync: fn.async,
      callback,
      eventTypes,
      eventTypeSource: source,
      results: [],
    };
    this.handlers.push(handler);
    this.handlersByNode.set(fn, handler);
    if (!eventTypes) {
      if (typed === 'request-handler') handler.eventTypes = REQUEST_EVENTS;
      else if (typed === 'response-handler') handler.eventTypes = RESPONSE_EVENTS;
      if (handler.eventTypes) handler.eventTypeSource = 'code';
    }
  }

  /** After results are traced: a handler that touches `cf.response` serves a response event. */
  private inferFromCode(handler: Handler): void {
    if (handler.eventTypes) return;
    // A handler that checks cf.config.eventType serves several events: leave it to narrowing.
    for (const member of this.members) {
      if (within(member, handler.node) && memberName(member) === 'eventType' && this.classify(member.object) === 'config') {
        return;
      }
    }
    for (const member of this.members) {
      if (!within(member, handler.node)) continue;
      if (memberName(member) === 'response' && this.classify(member.object) === 'cf') {
        handler.eventTypes = RESPONSE_EVENTS;
        handler.eventTypeSource = 'code';
        return;
      }
    }
    for (const { pattern, source } of this.patterns) {
      if (!within(pattern, handler.node)) continue;
      if (this.classify(source) === 'cf' && findPatternKey(pattern, 'response')) {
        handler.eventTypes = RESPONSE_EVENTS;
        handler.eventTypeSource = 'code';
        return;
      }
    }
    for (const result of handler.results) {
      if (this.classify(result) === 'request') {
        handler.eventTypes = REQUEST_EVENTS;
        handler.eventTypeSource = 'code';
        return;
      }
    }
  }

  private handlerTypeKind(fn: FunctionNode): 'request-handler' | 'response-handler' | undefined {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
      const kind = this.typeKindOf(parent.id);
      if (kind === 'request-handler' || kind === 'response-handler') return kind;
    }
    const param = fn.params[0];
    if (param && this.typeKindOf(param) === 'event' && param.type === AST_NODE_TYPES.Identifier) {
      const annotation = param.typeAnnotation?.typeAnnotation;
      let typeName: string | undefined;
      if (annotation?.type === AST_NODE_TYPES.TSTypeReference) {
        if (annotation.typeName.type === AST_NODE_TYPES.Identifier) typeName = this.awsTypes.get(annotation.typeName.name);
        else if (annotation.typeName.type === AST_NODE_TYPES.TSQualifiedName) typeName = annotation.typeName.right.name;
      }
      if (typeName === 'CloudFrontRequestEvent') return 'request-handler';
      if (typeName === 'CloudFrontResponseEvent') return 'response-handler';
    }
    return undefined;
  }

  private exportedFunctions(): Array<{ name: string; fn: FunctionNode; statement: TSESTree.Node }> {
    const out: Array<{ name: string; fn: FunctionNode; statement: TSESTree.Node }> = [];
    const add = (name: string, value: TSESTree.Node | null | undefined, statement: TSESTree.Node) => {
      const fn = value ? this.resolveFunction(value, true) : undefined;
      if (fn) out.push({ name, fn, statement });
    };
    for (const statement of this.sourceCode.ast.body) {
      switch (statement.type) {
        case AST_NODE_TYPES.ExpressionStatement: {
          const expr = statement.expression;
          if (expr.type !== AST_NODE_TYPES.AssignmentExpression || expr.operator !== '=') break;
          const target = exportTarget(expr.left);
          if (target === 'module') {
            const right = unwrap(expr.right);
            if (right.type === AST_NODE_TYPES.ObjectExpression) {
              for (const prop of right.properties) {
                if (prop.type !== AST_NODE_TYPES.Property) continue;
                const key = propertyKeyName(prop);
                if (key) add(key, prop.value, statement);
              }
            } else add('default', right, statement);
          } else if (target) add(target, expr.right, statement);
          break;
        }
        case AST_NODE_TYPES.ExportNamedDeclaration: {
          const decl = statement.declaration;
          if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) add(decl.id.name, decl, statement);
          else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const d of decl.declarations) {
              if (d.id.type === AST_NODE_TYPES.Identifier) add(d.id.name, d.init, statement);
            }
          }
          if (!statement.source) {
            for (const spec of statement.specifiers) {
              if (spec.type !== AST_NODE_TYPES.ExportSpecifier) continue;
              const exportedName =
                spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
              if (spec.local.type === AST_NODE_TYPES.Identifier) add(exportedName, spec.local, statement);
            }
          }
          break;
        }
        case AST_NODE_TYPES.ExportDefaultDeclaration:
          add('default', statement.declaration, statement);
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** `fn`, `const fn = () => {}`, `function fn() {}`, and `wrap(fn)` when `unwrapCalls`. */
  private resolveFunction(raw: TSESTree.Node, unwrapCalls = false, depth = 0): FunctionNode | undefined {
    if (depth > 5) return undefined;
    const node = unwrap(raw);
    if (isFunctionNode(node)) return node;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(node);
      if (!variable || variable.defs.length !== 1) return undefined;
      const def = variable.defs[0]!;
      if (def.type === 'FunctionName' && isFunctionNode(def.node as TSESTree.Node)) return def.node as FunctionNode;
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        return this.resolveFunction(def.node.init, unwrapCalls, depth + 1);
      }
      return undefined;
    }
    if (unwrapCalls && node.type === AST_NODE_TYPES.CallExpression) {
      for (const arg of node.arguments) {
        const fn = this.resolveFunction(arg, true, depth + 1);
        if (fn) return fn;
      }
    }
    return undefined;
  }

  private functionName(fn: FunctionNode): string | undefined {
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      return parent.id.name;
    }
    return undefined;
  }

  private topStatement(node: TSESTree.Node): TSESTree.Node | undefined {
    let current: TSESTree.Node | undefined = node;
    while (current && current.parent && current.parent.type !== AST_NODE_TYPES.Program) current = current.parent;
    return current;
  }

  /** Is parameter `index` of `fn` used as `<event>.Records[n].cf` (here or in a local helper)? */
  private usesCloudFrontEvent(fn: FunctionNode, index: number, depth = 0): boolean {
    if (depth > 2) return false;
    const param = fn.params[index];
    if (!param) return false;
    if (param.type === AST_NODE_TYPES.ObjectPattern) return this.patternReachesCf(param);
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = this.variableOf(param);
    if (!variable) return false;
    for (const ref of variable.references) {
      const { node: id, parent } = outerParent(ref.identifier);
      if (!parent) continue;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === id && memberName(parent) === 'Records') {
        // event.Records[0].cf — an S3 or SQS event has Records too, but no `cf`.
        if (this.recordsReachCf(parent)) return true;
        continue;
      }
      if (
        parent.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init === id &&
        parent.id.type === AST_NODE_TYPES.ObjectPattern &&
        this.patternReachesCf(parent.id)
      ) {
        return true;
      }
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== id) {
        const callee = this.resolveFunction(parent.callee);
        const argIndex = parent.arguments.indexOf(id as TSESTree.CallExpressionArgument);
        if (callee && callee !== fn && argIndex >= 0 && this.usesCloudFrontEvent(callee, argIndex, depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * `<records>[i].cf`, where `records` is an expression holding `event.Records`. `seen` holds
   * the variables this query has followed: `var x = x` makes a variable its own reference.
   */
  private recordsReachCf(records: TSESTree.Node, seen = new Set<Variable>()): boolean {
    const { node: outer, parent } = outerParent(records);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return this.recordReachesCf(parent, seen);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(parent.id);
      if (!variable || seen.has(variable)) return false;
      seen.add(variable);
      return variable.references.some((ref) => ref.identifier !== parent.id && this.recordsReachCf(ref.identifier, seen));
    }
    // const [{ cf }] = event.Records; const [record] = event.Records;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.ArrayPattern) {
      const first = parent.id.elements[0];
      const inner = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
      if (inner?.type === AST_NODE_TYPES.ObjectPattern) return !!findPatternKey(inner, 'cf');
      if (inner?.type === AST_NODE_TYPES.Identifier) return this.recordVariableReachesCf(inner, seen);
    }
    return false;
  }

  /** `<record>.cf`, `const { cf } = <record>`, `const record = <record>; record.cf`. */
  private recordReachesCf(record: TSESTree.Node, seen: Set<Variable>): boolean {
    const { node: outer, parent } = outerParent(record);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return memberName(parent) === 'cf';
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      if (parent.id.type === AST_NODE_TYPES.ObjectPattern) return !!findPatternKey(parent.id, 'cf');
      if (parent.id.type === AST_NODE_TYPES.Identifier) return this.recordVariableReachesCf(parent.id, seen);
    }
    return false;
  }

  private recordVariableReachesCf(id: TSESTree.Identifier, seen: Set<Variable>): boolean {
    const variable = this.variableOf(id);
    if (!variable || seen.has(variable)) return false; // `var r = r`
    seen.add(variable);
    return variable.references.some((ref) => ref.identifier !== id && !ref.isWrite() && this.recordReachesCf(ref.identifier, seen));
  }

  /** `{ Records: [{ cf }] }`, `{ Records }` with `Records[0].cf` later. */
  private patternReachesCf(pattern: TSESTree.ObjectPattern): boolean {
    const prop = findPatternKey(pattern, 'Records');
    if (!prop) return false;
    const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
    if (value.type === AST_NODE_TYPES.ArrayPattern) {
      const first = value.elements[0];
      const inner = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
      return inner?.type === AST_NODE_TYPES.ObjectPattern && !!findPatternKey(inner, 'cf');
    }
    if (value.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(value);
      return !!variable?.references.some((ref) => this.recordsReachCf(ref.identifier));
    }
    return false;
  }

  private callSitesMemo = new Map<FunctionNode, CallSite[]>();

  /** Calls of a local function by its name. */
  private callSites(fn: FunctionNode): CallSite[] {
    const hit = this.callSitesMemo.get(fn);
    if (hit) return hit;
    const sites: CallSite[] = [];
    let variable: Variable | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) variable = this.variableOf(fn.id);
    else {
      const { parent } = outerParent(fn);
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        variable = this.variableOf(parent.id);
      }
    }
    if (variable) {
      for (const ref of variable.references) {
        const { node: id, parent } = outerParent(ref.identifier);
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id) sites.push({ call: parent, fn });
      }
    }
    this.callSitesMemo.set(fn, sites);
    return sites;
  }

  // ---------------------------------------------------------------- event types

  private computeFileEventTypes(commentTypes: EventTypes): EventTypes {
    if (this.handlers.length > 0) {
      for (const handler of this.handlers) {
        this.inferFromCode(handler);
      }
      let types: EventTypes = this.handlers[0]!.eventTypes;
      for (const handler of this.handlers.slice(1)) types = union(types, handler.eventTypes);
      return types;
    }
    return commentTypes ?? this.settingsTypes ?? this.infra?.importedBy;
  }

  private handlerAt(node: TSESTree.Node): Handler | undefined {
    let current: TSESTree.Node | undefined = node;
    while (current) {
      if (isFunctionNode(current)) {
        const handler = this.handlersByNode.get(current);
        if (handler) return handler;
      }
      current = current.parent;
    }
    return undefined;
  }

  /** The event types that code at `node` can run under, with `eventType` checks applied. */
  eventTypesAt(node: TSESTree.Node): EventTypes {
    let narrowed: EventTypes;
    let child: TSESTree.Node = node;
    let current: TSESTree.Node | undefined = node.parent;
    while (current) {
      switch (current.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.ConditionalExpression:
          if (child === current.consequent) narrowed = intersect(narrowed, this.narrow(current.test, true));
          else if (child === current.alternate) narrowed = intersect(narrowed, this.narrow(current.test, false));
          break;
        case AST_NODE_TYPES.LogicalExpression:
          if (child === current.right && current.operator === '&&') {
            narrowed = intersect(narrowed, this.narrow(current.left, true));
          } else if (child === current.right && current.operator === '||') {
            narrowed = intersect(narrowed, this.narrow(current.left, false));
          }
          break;
        case AST_NODE_TYPES.SwitchCase:
          narrowed = intersect(narrowed, this.narrowSwitchCase(current));
          break;
        case AST_NODE_TYPES.BlockStatement:
        case AST_NODE_TYPES.Program:
        case AST_NODE_TYPES.StaticBlock: {
          // `if (type !== 'origin-response') return;` narrows everything after it.
          const body = current.body as TSESTree.Node[];
          const index = body.indexOf(child);
          for (let i = 0; i < index; i++) {
            const stmt = body[i]!;
            if (stmt.type === AST_NODE_TYPES.IfStatement && !stmt.alternate && alwaysExits(stmt.consequent)) {
              narrowed = intersect(narrowed, this.narrow(stmt.test, false));
            }
          }
          break;
        }
        default:
          break;
      }
      if (isFunctionNode(current)) {
        const handler = this.handlersByNode.get(current);
        if (handler) return intersect(handler.eventTypes, narrowed);
      }
      child = current;
      current = current.parent;
    }
    return intersect(this.fileEventTypes, narrowed);
  }

  private narrow(raw: TSESTree.Node, positive: boolean): EventTypes {
    const test = unwrap(raw);
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return this.narrow(test.argument, !positive);
    if (test.type === AST_NODE_TYPES.LogicalExpression) {
      const l = this.narrow(test.left, positive);
      const r = this.narrow(test.right, positive);
      const conjunction = (test.operator === '&&') === positive;
      if (test.operator === '??') return undefined;
      return conjunction ? intersect(l, r) : union(l, r);
    }
    if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
      let value: string | undefined;
      if (test.left.type !== AST_NODE_TYPES.PrivateIdentifier && this.classify(test.left) === 'eventType') {
        value = literalString(test.right);
      } else if (this.classify(test.right) === 'eventType') {
        value = literalString(test.left);
      }
      if (value === undefined || !isEventType(value)) return undefined;
      const equal = test.operator === '===' || test.operator === '==';
      return equal === positive ? new Set([value]) : complement(new Set([value]));
    }
    // ['origin-request', 'origin-response'].includes(eventType)
    if (
      test.type === AST_NODE_TYPES.CallExpression &&
      test.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(test.callee) === 'includes' &&
      test.arguments.length === 1 &&
      this.classify(test.arguments[0]!) === 'eventType'
    ) {
      const list = unwrap(test.callee.object);
      if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      const values = list.elements.map((e) => (e ? literalString(e) : undefined));
      if (!values.every((v): v is EventType => v !== undefined && isEventType(v))) return undefined;
      const set = new Set(values);
      return positive ? set : complement(set);
    }
    return undefined;
  }

  private narrowSwitchCase(switchCase: TSESTree.SwitchCase): EventTypes {
    const statement = switchCase.parent as TSESTree.SwitchStatement;
    if (this.classify(statement.discriminant) !== 'eventType') return undefined;
    const cases = statement.cases;
    const index = cases.indexOf(switchCase);
    if (!switchCase.test) {
      const listed = new Set(cases.map((c) => (c.test ? literalString(c.test) : undefined)).filter(isEventType));
      return complement(listed);
    }
    const set = new Set<EventType>();
    // Fall-through from empty cases above: `case 'a': case 'b': ...`
    for (let i = index; i >= 0; i--) {
      const c = cases[i]!;
      if (i < index && c.consequent.length > 0) break;
      if (!c.test) return undefined;
      const value = literalString(c.test);
      if (value === undefined || !isEventType(value)) return undefined;
      set.add(value);
    }
    return set;
  }

  // ---------------------------------------------------------------- classification

  classify(raw: TSESTree.Node): Kind | undefined {
    const node = unwrap(raw);
    const memo = this.kindMemo.get(node);
    if (memo !== undefined) return memo ?? undefined;
    this.kindMemo.set(node, null); // cycle guard
    const kind = this.classifyUncached(node);
    this.kindMemo.set(node, kind ?? null);
    return kind;
  }

  private classifyUncached(node: TSESTree.Node): Kind | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier: {
        const variable = this.variableOf(node);
        return variable ? this.classifyVariable(variable) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const base = this.classify(node.object);
        return base ? transition(base, memberName(node), node.computed) : undefined;
      }
      case AST_NODE_TYPES.AwaitExpression:
        return this.classify(node.argument);
      case AST_NODE_TYPES.ConditionalExpression: {
        const a = this.classify(node.consequent);
        return a && a === this.classify(node.alternate) ? a : undefined;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return this.classify(node.left) ?? this.classify(node.right);
      case AST_NODE_TYPES.CallExpression: {
        const fn = this.resolveFunction(node.callee);
        if (!fn || this.handlersByNode.has(fn)) return undefined;
        for (const value of this.returnValues(fn)) {
          const kind = this.classify(value);
          if (kind) return kind;
        }
        return undefined;
      }
      case AST_NODE_TYPES.ObjectExpression:
        if (this.responses.has(node)) return 'generated';
        if (this.headerMaps.has(node)) return ownerHeaderKind(this.headerMaps.get(node)!);
        return undefined;
      default:
        return undefined;
    }
  }

  private classifyVariable(variable: Variable): Kind | undefined {
    const memo = this.varMemo.get(variable);
    if (memo !== undefined) return memo ?? undefined;
    this.varMemo.set(variable, null);
    const kind = this.classifyVariableUncached(variable);
    this.varMemo.set(variable, kind ?? null);
    return kind;
  }

  private classifyVariableUncached(variable: Variable): Kind | undefined {
    if (this.responseVars.has(variable)) return 'generated';
    const owner = this.headerMapVars.get(variable);
    if (owner) return ownerHeaderKind(owner);
    for (const handler of this.handlers) if (handler.callback === variable) return 'callback';
    for (const def of variable.defs) {
      if (def.type === 'Parameter') {
        const fn = def.node as TSESTree.Node;
        if (!isFunctionNode(fn)) continue;
        const index = fn.params.findIndex((p) => within(def.name, p));
        if (index < 0) continue;
        const root = fn.params[index]!;
        const typed = this.typeKindOf(def.name);
        if (typed && typed !== 'request-handler' && typed !== 'response-handler') return typed;
        const base = this.classifyParam(fn, index);
        const kind = base && applyPath(base, patternPath(def.name, root));
        if (kind) return kind;
      } else if (def.type === 'Variable') {
        const declarator = def.node as TSESTree.VariableDeclarator;
        const typed = this.typeKindOf(def.name);
        if (typed && typed !== 'request-handler' && typed !== 'response-handler') return typed;
        if (declarator.init) {
          const base = this.classify(declarator.init);
          const kind = base && applyPath(base, patternPath(def.name, declarator.id));
          if (kind) return kind;
        }
        if (declarator.id === def.name) {
          // `let request; request = event.Records[0].cf.request;`
          for (const ref of variable.references) {
            if (ref.writeExpr && ref.writeExpr !== declarator.init) {
              const kind = this.classify(ref.writeExpr);
              if (kind) return kind;
            }
          }
        }
      }
    }
    return undefined;
  }

  private classifyParam(fn: FunctionNode, index: number): Kind | undefined {
    const handler = this.handlersByNode.get(fn);
    if (handler) return index === 0 ? 'event' : undefined;
    for (const site of this.callSites(fn)) {
      const arg = site.call.arguments[index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
      const kind = this.classify(arg);
      if (kind) return kind;
    }
    return undefined;
  }

  /**
   * The reference an identifier makes: in the innermost scope around it, or failing that in
   * one of the scopes that scope is nested in. References are indexed per scope on first use,
   * so a file pays only for the scopes the analysis looks into.
   */
  private readonly scopeRefs = new Map<Scope, Map<TSESTree.Node, Reference>>();
  private referenceOf(id: TSESTree.Identifier): Reference | undefined {
    for (let scope: Scope | null = this.sourceCode.getScope(id); scope; scope = scope.upper) {
      let refs = this.scopeRefs.get(scope);
      if (!refs) {
        refs = new Map();
        for (const ref of scope.references) refs.set(ref.identifier, ref);
        this.scopeRefs.set(scope, refs);
      }
      const hit = refs.get(id);
      if (hit) return hit;
    }
    return undefined;
  }

  private variableOf(id: TSESTree.Identifier): Variable | undefined {
    const ref = this.referenceOf(id);
    if (ref) return ref.resolved ?? undefined;
    // A declaration name, not a reference.
    for (const variable of this.sourceCode.getDeclaredVariables(declarationOf(id) ?? id)) {
      if (variable.identifiers.includes(id)) return variable;
    }
    return undefined;
  }

  /** For static evaluation: the module and name an identifier was imported or required from. */
  private importOf(id: TSESTree.Identifier): { source: string; imported: string } | undefined {
    const variable = this.referenceOf(id)?.resolved;
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
      const spec = def.node;
      const imported =
        spec.type === AST_NODE_TYPES.ImportSpecifier
          ? spec.imported.type === AST_NODE_TYPES.Identifier
            ? spec.imported.name
            : String(spec.imported.value)
          : '*';
      return { source: String(def.parent.source.value), imported };
    }
    // const path = require('path'); const { join } = require('node:path');
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (
        init.type !== AST_NODE_TYPES.CallExpression ||
        init.callee.type !== AST_NODE_TYPES.Identifier ||
        init.callee.name !== 'require' ||
        init.arguments[0]?.type !== AST_NODE_TYPES.Literal ||
        typeof init.arguments[0].value !== 'string'
      ) {
        return undefined;
      }
      const source = init.arguments[0].value;
      if (def.node.id === def.name) return { source, imported: '*' };
      const prop = def.name.parent;
      if (prop?.type === AST_NODE_TYPES.Property && prop.parent?.type === AST_NODE_TYPES.ObjectPattern) {
        const key = propertyKeyName(prop);
        if (key) return { source, imported: key };
      }
    }
    return undefined;
  }

  /** For static evaluation: the expression a constant binding holds; null for a global name. */
  private resolveConst(id: TSESTree.Identifier): TSESTree.Node | undefined | null {
    const ref = this.referenceOf(id);
    if (!ref) return undefined;
    const variable = ref.resolved;
    if (!variable) return null;
    if (variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    if (def.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id !== def.name || !declarator.init) return undefined;
    const decl = declarator.parent as TSESTree.VariableDeclaration;
    if (decl.kind !== 'const' && variable.references.some((r) => r.isWrite() && r.writeExpr !== declarator.init)) {
      return undefined;
    }
    return declarator.init;
  }

  // ---------------------------------------------------------------- results and responses

  /** `return` values by the function they return from; built from the walk on first use. */
  private returnsByFunction: Map<FunctionNode, TSESTree.Node[]> | undefined;
  /** Values that a function returns: `return x`, arrow bodies. Nested functions excluded. */
  private returnValues(fn: FunctionNode): TSESTree.Node[] {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
    if (!this.returnsByFunction) {
      this.returnsByFunction = new Map();
      for (const value of this.returns) {
        let owner: TSESTree.Node | undefined = value.parent;
        while (owner && !isFunctionNode(owner)) owner = owner.parent;
        if (!owner) continue;
        const list = this.returnsByFunction.get(owner as FunctionNode);
        if (list) list.push(value);
        else this.returnsByFunction.set(owner as FunctionNode, [value]);
      }
    }
    return this.returnsByFunction.get(fn) ?? NO_NODES;
  }

  private resultsOf(handler: Handler): TSESTree.Node[] {
    const results: TSESTree.Node[] = [...this.returnValues(handler.node)];
    if (handler.callback) {
      for (const ref of handler.callback.references) {
        const { node: id, parent } = outerParent(ref.identifier);
        if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === id && parent.arguments[1]) {
          results.push(parent.arguments[1]);
        }
      }
    }
    return results;
  }

  private traceResults(handler: Handler): void {
    for (const result of handler.results) {
      const types = this.eventTypesAt(result);
      for (const obj of this.sources(result, new Set(), 0)) this.considerResult(obj, types, handler);
    }
  }

  /** Object literals (with the variables holding them) that can flow into `node`. */
  private sources(
    raw: TSESTree.Node,
    seen: Set<TSESTree.Node | Variable>,
    depth: number,
  ): Array<{ obj: TSESTree.ObjectExpression; vars: Variable[] }> {
    if (depth > 12) return [];
    const node = unwrap(raw);
    if (seen.has(node)) return [];
    seen.add(node);
    switch (node.type) {
      case AST_NODE_TYPES.ObjectExpression:
        return [{ obj: node, vars: [] }];
      case AST_NODE_TYPES.ConditionalExpression:
        return [...this.sources(node.consequent, seen, depth + 1), ...this.sources(node.alternate, seen, depth + 1)];
      case AST_NODE_TYPES.LogicalExpression:
        return [...this.sources(node.left, seen, depth + 1), ...this.sources(node.right, seen, depth + 1)];
      case AST_NODE_TYPES.SequenceExpression:
        return this.sources(node.expressions[node.expressions.length - 1]!, seen, depth + 1);
      case AST_NODE_TYPES.AwaitExpression:
        return this.sources(node.argument, seen, depth + 1);
      case AST_NODE_TYPES.Identifier: {
        const variable = this.variableOf(node);
        if (!variable || seen.has(variable)) return [];
        seen.add(variable);
        const out: Array<{ obj: TSESTree.ObjectExpression; vars: Variable[] }> = [];
        for (const ref of variable.references) {
          if (ref.writeExpr) {
            for (const s of this.sources(ref.writeExpr, seen, depth + 1)) out.push({ obj: s.obj, vars: [...s.vars, variable] });
          }
        }
        return out;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        // Promise.resolve(x)
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(callee) === 'resolve' &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          callee.object.name === 'Promise' &&
          node.arguments[0]
        ) {
          return this.sources(node.arguments[0], seen, depth + 1);
        }
        // somePromise.then((x) => response)
        if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then' && node.arguments[0]) {
          const fn = this.resolveFunction(node.arguments[0]);
          return fn ? this.returnValues(fn).flatMap((v) => this.sources(v, seen, depth + 1)) : [];
        }
        const fn = this.resolveFunction(node.callee);
        if (!fn || this.handlersByNode.has(fn)) return [];
        return this.returnValues(fn).flatMap((v) => this.sources(v, seen, depth + 1));
      }
      default:
        return [];
    }
  }

  private considerResult(
    source: { obj: TSESTree.ObjectExpression; vars: Variable[] },
    types: EventTypes,
    handler: Handler | undefined,
  ): void {
    const { obj, vars } = source;
    const existing = this.responses.get(obj);
    if (existing) {
      existing.eventTypes = union(existing.eventTypes, types);
      for (const v of vars) this.responseVars.set(v, existing);
      return;
    }
    if (!this.looksLikeResponse(obj, vars, handler, types)) return;
    const response = this.addResponse(obj, types, false);
    if (response) for (const v of vars) this.responseVars.set(v, response);
  }

  private looksLikeResponse(
    obj: TSESTree.ObjectExpression,
    vars: Variable[],
    handler: Handler | undefined,
    types: EventTypes,
  ): boolean {
    const props = this.effectiveProperties(obj, new Set());
    if (props.names.has('statusCode')) return false; // API Gateway / CloudFront Functions shape
    if (props.spreads.some((k) => k === 'request')) return false;
    if (['uri', 'method', 'clientIp', 'querystring', 'origin'].some((n) => props.names.has(n))) return false;
    if (['status', 'statusDescription', 'bodyEncoding'].some((n) => props.names.has(n))) return true;
    if (props.spreads.some((k) => k === 'response' || k === 'generated')) return true;
    // Properties assigned later through a variable: `res.status = '200'`.
    for (const v of vars) {
      for (const ref of v.references) {
        const { node: id, parent } = outerParent(ref.identifier);
        if (
          parent?.type === AST_NODE_TYPES.MemberExpression &&
          parent.object === id &&
          memberName(parent) === 'status' &&
          outerParent(parent).parent?.type === AST_NODE_TYPES.AssignmentExpression
        ) {
          return true;
        }
      }
    }
    return !!handler && onlyIn(types, RESPONSE_EVENTS) && (props.names.has('headers') || props.names.has('body'));
  }

  /** Property names of an object literal including spread-in literals, and the kinds it spreads. */
  private effectiveProperties(
    obj: TSESTree.ObjectExpression,
    seen: Set<TSESTree.Node>,
  ): { names: Map<string, ResponseProperty>; spreads: Kind[] } {
    const names = new Map<string, ResponseProperty>();
    const spreads: Kind[] = [];
    if (seen.has(obj)) return { names, spreads };
    seen.add(obj);
    for (const prop of obj.properties) {
      if (prop.type === AST_NODE_TYPES.SpreadElement) {
        const inner = this.objectLiteralOf(prop.argument);
        if (inner) {
          const nested = this.effectiveProperties(inner, seen);
          for (const [k, v] of nested.names) names.set(k, { ...v, own: false });
          spreads.push(...nested.spreads);
        } else {
          const kind = this.classify(prop.argument);
          if (kind) spreads.push(kind);
        }
        continue;
      }
      const key = propertyKeyName(prop);
      if (key !== undefined) names.set(key, { property: prop, value: prop.value, own: true });
    }
    return { names, spreads };
  }

  /** The object literal an expression is, or a `const` holding one. */
  private objectLiteralOf(raw: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    const node = unwrap(raw);
    if (node.type === AST_NODE_TYPES.ObjectExpression) return node;
    if (node.type === AST_NODE_TYPES.Identifier) {
      const target = this.resolveConst(node);
      if (target) {
        const inner = unwrap(target);
        if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner;
      }
    }
    return undefined;
  }

  private addResponse(obj: TSESTree.ObjectExpression, types: EventTypes, typed: boolean): GeneratedResponse | undefined {
    const existing = this.responses.get(obj);
    if (existing) return existing;
    if (typed && this.effectiveProperties(obj, new Set()).names.has('uri')) return undefined;
    const properties = this.effectiveProperties(obj, new Set()).names;
    const response: GeneratedResponse = { node: obj, eventTypes: types, properties, writes: [], headerMaps: [] };
    this.responses.set(obj, response);
    // Variables that hold this literal directly.
    const { parent } = outerParent(obj);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      const v = this.variableOf(parent.id);
      if (v) this.responseVars.set(v, response);
    }
    const headers = properties.get('headers');
    if (headers) this.addHeaderMap(headers.value, 'generated', response);
    return response;
  }

  /**
   * Marks the header-map literals that `raw` can hold. `seen` holds the variables this query
   * has followed: `headers = headers` (or `a = b; b = a`) writes a variable into itself.
   */
  private addHeaderMap(raw: TSESTree.Node, owner: HeaderOwner, response?: GeneratedResponse, seen = new Set<Variable>()): void {
    const node = unwrap(raw);
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = this.variableOf(node);
      if (variable && !seen.has(variable)) {
        seen.add(variable);
        this.headerMapVars.set(variable, owner);
        for (const ref of variable.references) if (ref.writeExpr) this.addHeaderMap(ref.writeExpr, owner, response, seen);
      }
      return;
    }
    if (node.type === AST_NODE_TYPES.ConditionalExpression) {
      this.addHeaderMap(node.consequent, owner, response, seen);
      this.addHeaderMap(node.alternate, owner, response, seen);
      return;
    }
    // `headers: securityHeaders()`: the literals a local helper returns are header maps.
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const fn = this.resolveFunction(node.callee);
      if (fn && !this.handlersByNode.has(fn)) {
        for (const value of this.returnValues(fn)) {
          const literal = this.objectLiteralOf(value);
          if (literal) this.addHeaderMap(literal, owner, response);
        }
      }
      return;
    }
    if (node.type !== AST_NODE_TYPES.ObjectExpression || this.headerMaps.has(node)) return;
    this.headerMaps.set(node, owner);
    response?.headerMaps.push(node);
    const { parent } = outerParent(node);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      const v = this.variableOf(parent.id);
      if (v) this.headerMapVars.set(v, owner);
    }
    // `{ ...baseHeaders, 'x-a': [...] }`: the spread literal is part of the same map.
    for (const prop of node.properties) {
      if (prop.type === AST_NODE_TYPES.SpreadElement) {
        const inner = this.objectLiteralOf(prop.argument);
        if (inner) this.addHeaderMap(inner, owner, response);
        else if (unwrap(prop.argument).type === AST_NODE_TYPES.CallExpression) this.addHeaderMap(prop.argument, owner, response);
      }
    }
  }

  /** In helper modules of edge code: literals shaped like a Lambda@Edge response. */
  private findShapedResponses(): void {
    for (const fn of this.functions) {
      for (const value of this.returnValues(fn)) {
        for (const { obj, vars } of this.sources(value, new Set(), 0)) {
          const props = this.effectiveProperties(obj, new Set()).names;
          if (props.has('status') && !props.has('statusCode') && (props.has('headers') || props.has('body') || props.has('statusDescription'))) {
            const response = this.addResponse(obj, this.eventTypesAt(obj), false);
            if (response) for (const v of vars) this.responseVars.set(v, response);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- accesses

  private collectAccesses(): void {
    // Header maps assigned onto Lambda@Edge objects (`response.headers = {...}`), and origin
    // custom headers (`request.origin = { custom: { customHeaders: {...} } }`).
    for (const member of this.members) {
      const name = memberName(member);
      if (name !== 'headers' && name !== 'customHeaders' && name !== 'origin') continue;
      const { node: outer, parent } = outerParent(member);
      if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== outer) continue;
      const kind = this.classify(member.object);
      if (name === 'headers' && (kind === 'request' || kind === 'response' || kind === 'generated')) {
        this.addHeaderMap(parent.right, kind);
      } else if (name === 'customHeaders' && kind === 'origin-config') {
        this.addHeaderMap(parent.right, 'origin');
      } else if (name === 'origin' && kind === 'request') {
        const origin = this.objectLiteralOf(parent.right);
        for (const key of ['custom', 's3']) {
          const config = origin && findProperty(origin, key);
          const literal = config && this.objectLiteralOf(config.value);
          const headers = literal && findProperty(literal, 'customHeaders');
          if (headers) this.addHeaderMap(headers.value, 'origin');
        }
      }
    }
    // Header objects merged in with Object.assign(headers, {...}).
    for (const member of this.members) {
      if (memberName(member) !== 'assign' || member.object.type !== AST_NODE_TYPES.Identifier || member.object.name !== 'Object') continue;
      const call = outerParent(member).parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments[0]) continue;
      const target = this.classify(call.arguments[0]);
      if (target && HEADER_KINDS.has(target)) {
        for (const arg of call.arguments.slice(1)) {
          const literal = this.objectLiteralOf(arg);
          if (literal) this.addHeaderMap(literal, headerOwnerOf(target));
          else if (unwrap(arg).type === AST_NODE_TYPES.CallExpression) this.addHeaderMap(arg, headerOwnerOf(target));
        }
      }
    }

    this.kindMemo.clear();
    this.varMemo.clear();
    for (const member of this.members) {
      const objectKind = this.classify(member.object);
      if (!objectKind || objectKind === 'callback') continue;
      const { op, value } = accessOp(member);
      const access: MemberAccess = {
        node: member,
        objectKind,
        name: memberName(member),
        keyNode: member.property,
        op,
        value,
      };
      this.accesses.push(access);
      if (objectKind === 'generated' && member.object.type === AST_NODE_TYPES.Identifier) {
        const variable = this.variableOf(member.object);
        const response = variable && this.responseVars.get(variable);
        if (response && (op === 'write' || op === 'delete')) response.writes.push(access);
      }
    }
    for (const { pattern, source } of this.patterns) {
      const objectKind = this.classify(source);
      if (objectKind) this.addPatternReads(pattern, objectKind);
    }
    for (const fn of this.functions) {
      fn.params.forEach((param, index) => {
        if (param.type !== AST_NODE_TYPES.ObjectPattern) return;
        const kind = this.typeKindOf(param) ?? this.classifyParam(fn, index);
        if (kind && kind !== 'request-handler' && kind !== 'response-handler') this.addPatternReads(param, kind);
      });
    }
    for (const check of this.inChecks) {
      const kind = this.classify(check.right);
      if (!kind || !HEADER_KINDS.has(kind) || check.left.type === AST_NODE_TYPES.PrivateIdentifier) continue;
      const name = literalString(check.left);
      if (name === undefined) continue;
      this.accesses.push({
        node: check as unknown as TSESTree.MemberExpression,
        objectKind: kind,
        name,
        keyNode: check.left,
        op: 'read',
        value: undefined,
      });
    }
  }

  private addPatternReads(pattern: TSESTree.ObjectPattern, objectKind: Kind): void {
    for (const prop of pattern.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyKeyName(prop);
      this.accesses.push({ node: prop, objectKind, name, keyNode: prop.key, op: 'read', value: undefined });
      const next = name === undefined ? undefined : transition(objectKind, name, prop.computed);
      const inner = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
      if (next && inner.type === AST_NODE_TYPES.ObjectPattern) this.addPatternReads(inner, next);
    }
  }
}

// ---------------------------------------------------------------- helpers

function sameSet(a: ReadonlySet<EventType>, b: ReadonlySet<EventType>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function complement(set: ReadonlySet<EventType>): Set<EventType> {
  return new Set(EVENT_TYPES.filter((t) => !set.has(t)));
}

function within(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

function literalString(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') return n.value;
  if (n.type === AST_NODE_TYPES.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function ownerHeaderKind(owner: HeaderOwner): Kind {
  return owner === 'unknown' ? 'headers' : `${owner}-headers`;
}

/** Whose header map a header-map kind is. */
export function headerOwnerOf(kind: Kind): HeaderOwner {
  if (kind === 'request-headers') return 'request';
  if (kind === 'response-headers') return 'response';
  if (kind === 'generated-headers') return 'generated';
  if (kind === 'origin-headers') return 'origin';
  return 'unknown';
}

/** `exports.x` / `module.exports.x` → 'x'; `module.exports` → 'module'. */
function exportTarget(left: TSESTree.Node): string | undefined {
  const node = unwrap(left);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrap(node.object);
  const name = memberName(node);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return 'module';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    memberName(object) === 'exports'
  ) {
    return name;
  }
  return undefined;
}

function transition(kind: Kind, name: string | undefined, computed: boolean): Kind | undefined {
  switch (kind) {
    case 'event':
      return name === 'Records' ? 'records' : undefined;
    case 'records':
      return (name !== undefined && /^\d+$/.test(name)) || (computed && name === undefined) ? 'record' : undefined;
    case 'record':
      return name === 'cf' ? 'cf' : undefined;
    case 'cf':
      return name === 'request' ? 'request' : name === 'response' ? 'response' : name === 'config' ? 'config' : undefined;
    case 'config':
      return name === 'eventType' ? 'eventType' : undefined;
    case 'request':
      return name === 'headers'
        ? 'request-headers'
        : name === 'querystring'
          ? 'querystring'
          : name === 'body'
            ? 'request-body'
            : name === 'origin'
              ? 'origin'
              : undefined;
    case 'origin':
      return name === 'custom' || name === 's3' ? 'origin-config' : undefined;
    case 'origin-config':
      return name === 'customHeaders' ? 'origin-headers' : undefined;
    case 'response':
      return name === 'headers' ? 'response-headers' : name === 'body' ? 'response-body' : undefined;
    case 'generated':
      return name === 'headers' ? 'generated-headers' : undefined;
    default:
      return undefined;
  }
}

/** Property path from a pattern's root to an identifier inside it: `{ Records: [{ cf }] }` → Records, 0, cf. */
function patternPath(id: TSESTree.Node, root: TSESTree.Node): Array<string | undefined> {
  const steps: Array<string | undefined> = [];
  let current: TSESTree.Node = id;
  while (current !== root && current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current && parent.parent?.type === AST_NODE_TYPES.ObjectPattern) {
      steps.unshift(propertyKeyName(parent));
    } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      steps.unshift(String(parent.elements.indexOf(current as TSESTree.DestructuringPattern)));
    } else if (parent.type === AST_NODE_TYPES.RestElement) {
      return [undefined];
    }
    current = parent;
  }
  return steps;
}

function applyPath(kind: Kind, steps: Array<string | undefined>): Kind | undefined {
  let current: Kind | undefined = kind;
  for (const step of steps) {
    if (!current || step === undefined) return undefined;
    current = transition(current, step, false);
  }
  return current;
}

function findPatternKey(pattern: TSESTree.ObjectPattern, key: string): TSESTree.Property | undefined {
  for (const prop of pattern.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyKeyName(prop) === key) return prop;
  }
  return undefined;
}

function declarationOf(id: TSESTree.Identifier): TSESTree.Node | undefined {
  let current: TSESTree.Node | undefined = id.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.VariableDeclarator ||
      isFunctionNode(current) ||
      current.type === AST_NODE_TYPES.ImportDeclaration ||
      current.type === AST_NODE_TYPES.CatchClause
    ) {
      return current;
    }
    current = current.parent;
  }
  return undefined;
}

function alwaysExits(node: TSESTree.Statement): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (node.type === AST_NODE_TYPES.BlockStatement) {
    const last = node.body[node.body.length - 1];
    return !!last && alwaysExits(last);
  }
  return false;
}

/** How a member expression uses its object's property. */
function accessOp(member: TSESTree.MemberExpression): { op: AccessOp; value: TSESTree.Node | undefined } {
  const { node: outer, parent } = outerParent(member);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer) {
    return parent.operator === '=' ? { op: 'write', value: parent.right } : { op: 'modify', value: undefined };
  }
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return { op: 'delete', value: undefined };
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { op: 'modify', value: undefined };
  // headers['x'][0].value = ..., headers['x'].push(...): changes the existing header.
  let current: TSESTree.Node = outer;
  let up: TSESTree.Node | undefined = parent;
  let climbed = false;
  while (up?.type === AST_NODE_TYPES.MemberExpression && up.object === current) {
    climbed = true;
    const next = outerParent(up);
    current = next.node;
    up = next.parent;
  }
  if (climbed) {
    if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === current) return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.UnaryExpression && up.operator === 'delete') return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.UpdateExpression) return { op: 'modify', value: undefined };
    if (up?.type === AST_NODE_TYPES.CallExpression && up.callee === current && current.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(current);
      if (method && ['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'sort', 'reverse'].includes(method)) {
        return { op: 'modify', value: undefined };
      }
    }
  }
  return { op: 'read', value: undefined };
}
