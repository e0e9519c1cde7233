import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ts as TsNamespace } from 'ts-morph';
import { isEventType, type EventType } from '../event-types.js';
import { LineIndex, readText, type DiscoveryContext } from './context.js';
import { type Compiler, loadCompiler } from './lazy.js';
import { resolveRelativeModule } from './module-resolve.js';
import { EVERY_VARIABLE } from '../build-defines.js';

/**
 * AWS CDK apps (TypeScript and JavaScript), read with ts-morph and never run: every
 * `new Distribution(...)` (default and additional behaviors, and `addBehavior`) and legacy
 * `new CloudFrontWebDistribution(...)`, with each edge lambda's `functionVersion` followed
 * back through variables, parameters, `this.x` members and constructs of other files to the
 * function's code: `EdgeFunction`/`Function` with `Code.fromAsset(dir)` + `handler`, or
 * `NodejsFunction` with `entry` + `handler`.
 *
 * The evaluator is small and symbolic: it knows strings, object and array literals,
 * `path.join`/`path.resolve`, `__dirname`, `import.meta`, and "something from a package"
 * (`cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE`). What it cannot follow becomes a
 * problem naming the file and line.
 */

type ts = typeof TsNamespace;
type Node = TsNamespace.Node;
type Expression = TsNamespace.Expression;

/** `import ... from 'aws-cdk-lib/...'`, `require('aws-cdk-lib')`, `@aws-cdk/...` (v1). */
const CDK_IMPORT = /(?:from\s*|require\(\s*|import\(\s*)['"](?:aws-cdk-lib|@aws-cdk\/)/;

/** Cheap test on the text before a file is parsed: it imports the CDK, not merely names it. */
/** Every CDK module a CDK app imports names one of these. */
export const CDK_MENTIONS: readonly string[] = ['aws-cdk-lib', '@aws-cdk/'];

export function mayBeCdkCode(text: string): boolean {
  return CDK_MENTIONS.some((m) => text.includes(m)) && CDK_IMPORT.test(text);
}

const EVENT_MEMBERS: Record<string, EventType> = {
  VIEWER_REQUEST: 'viewer-request',
  ORIGIN_REQUEST: 'origin-request',
  ORIGIN_RESPONSE: 'origin-response',
  VIEWER_RESPONSE: 'viewer-response',
};
const ASSET_FUNCTIONS = new Set(['EdgeFunction', 'Function', 'SingletonFunction']);
/** `lambda.Code` factories whose code is not in the project (S3, an image, a deploy parameter). */
const REMOTE_CODE = new Set(['fromBucket', 'fromBucketV2', 'fromEcrImage', 'fromCfnParameters']);
const DISTRIBUTIONS = new Set(['Distribution', 'CloudFrontWebDistribution']);
const MAX_DEPTH = 40;
const MAX_ENVS = 16;

interface AppFile {
  path: string;
  dir: string;
  /** Folder `cdk synth` runs in (the one with cdk.json): relative asset paths start here. */
  appDir: string;
  sf: TsNamespace.SourceFile;
  lines: LineIndex;
  /** `new X(...)` by the last name of X, for finding where constructs are created. */
  news: Map<string, TsNamespace.NewExpression[]>;
  /** `f(...)` and `a.f(...)` by f. */
  calls: Map<string, TsNamespace.CallExpression[]>;
}

interface Env {
  file: AppFile;
  /** Arguments bound to parameters; `val` when the value is already known (a callback's element). */
  params?: Map<Node, { expr: Expression | undefined; env: Env; val?: Val }>;
  self?: Val;
}

type Val =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'bool'; v: boolean }
  | { k: 'obj'; node: TsNamespace.ObjectLiteralExpression; env: Env }
  | { k: 'arr'; node: TsNamespace.ArrayLiteralExpression; env: Env }
  /** An array whose elements were computed: `push`ed later, or made by `.map(callback)`. */
  | { k: 'list'; items: Val[] }
  /** Something from a package or a global: `path.join`, `cloudfront.LambdaEdgeEventType.X`. */
  | { k: 'ext'; module: string; path: string[] }
  | { k: 'module'; file: AppFile }
  | { k: 'class'; decl: TsNamespace.ClassLikeDeclaration; file: AppFile }
  | { k: 'fn'; decl: TsNamespace.FunctionLikeDeclaration; file: AppFile; self?: Val }
  | { k: 'new'; cls: Val; args: readonly Expression[]; env: Env; node?: Node }
  /** A member of a construct from a package: `fn.currentVersion`. */
  | { k: 'prop'; base: Val; name: string }
  | { k: 'call'; callee: Val; args: readonly Expression[]; env: Env; node: Node }
  | { k: 'unknown'; why: string };

const unknown = (why: string): Val => ({ k: 'unknown', why });
/** A define key built from a name: `` `process.env.${name}` `` or `'process.env.' + name`. */
const BUILT_ENV_KEY = /`process\.env\.\$\{|['"]process\.env\.['"]\s*\+/;

/** `fn.addVersion('v1')` (aws-cdk v1's `Function#addVersion`): a numbered version of `fn`; returns `fn`. */
function addVersionBase(val: Val): Val | undefined {
  return val.k === 'call' && val.callee.k === 'prop' && val.callee.name === 'addVersion' ? val.callee.base : undefined;
}

/** Character offsets in a file, end exclusive. */
export interface CdkSpan {
  start: number;
  end: number;
}

/**
 * One element of a behavior's `edgeLambdas` as discovery follows it (pushes, `forEach`/`.map`
 * callbacks, helpers, spreads), for the `infra-*` checks of the same file: each span is where
 * the value is written in that file (a helper's argument rather than its parameter), or
 * absent when it is written in another file.
 */
export interface FollowedEdgeLambda {
  eventType: EventType;
  eventTypeSpan?: CdkSpan;
  /** What `functionVersion` names: a numbered version (`currentVersion`, `new Version`, an EdgeFunction), `$LATEST`, or something else. */
  version: 'version' | 'latest' | 'other';
  versionSpan?: CdkSpan;
  /** The `new …Function(scope, id, props)` the version belongs to. */
  functionSpan?: CdkSpan;
  /** `includeBody: true`. */
  includeBodySpan?: CdkSpan;
}

export class CdkReader {
  private readonly ts: ts;
  private readonly compiler: Compiler;
  private readonly files = new Map<string, AppFile | null>();
  private readonly appDirs = new Map<string, string>();
  private depth = 0;

  constructor(private readonly ctx: DiscoveryContext) {
    this.compiler = loadCompiler();
    this.ts = this.compiler.ts;
  }

  /** Reads the app files given (already known to mention aws-cdk-lib) and binds what they attach. */
  read(paths: string[], texts: Map<string, string>): void {
    const loaded = paths.map((p) => this.load(p, texts.get(p))).filter((f): f is AppFile => !!f);
    for (const file of loaded) {
      this.guarded(file.path, () => {
        for (const [name, list] of file.news) {
          if (!DISTRIBUTIONS.has(name)) continue;
          for (const node of list) this.readDistribution(file, node);
        }
        for (const call of file.calls.get('addBehavior') ?? []) this.readAddBehavior(file, call);
      });
    }
  }

  /**
   * Runs one file's work so that a failure inside it (TypeScript's recursive parser and our
   * resolver overflow the stack on code nested a thousand levels deep) becomes one problem
   * naming that file, and the other files are still read.
   */
  private guarded<T>(path: string, work: () => T): T | undefined {
    try {
      return work();
    } catch (error) {
      const why = error instanceof RangeError ? 'it is nested too deeply to analyse' : `reading it failed (${String(error)})`;
      this.ctx.problem(path, undefined, `${why}; its CDK constructs are not read.`, 'unresolved');
      return undefined;
    }
  }

  private load(path: string, text?: string): AppFile | undefined {
    const cached = this.files.get(path);
    if (cached !== undefined) return cached ?? undefined;
    return this.guarded(path, () => this.loadUnguarded(path, text));
  }

  private loadUnguarded(path: string, text?: string): AppFile | undefined {
    const cached = this.files.get(path);
    if (cached !== undefined) return cached ?? undefined;
    this.files.set(path, null);
    if (text === undefined) {
      const read = readText(path);
      if ('error' in read) {
        this.ctx.problem(path, undefined, read.error);
        return undefined;
      }
      text = read.text;
    }
    const sf = this.compiler.parse(path, text);
    const lines = new LineIndex(text);
    const diagnostics = (sf as unknown as { parseDiagnostics?: TsNamespace.DiagnosticWithLocation[] }).parseDiagnostics;
    if (diagnostics && diagnostics.length > 0) {
      const first = diagnostics[0]!;
      const message = this.ts.flattenDiagnosticMessageText(first.messageText, ' ');
      this.ctx.problem(path, lines.line(first.start), `does not parse as ${/\.[mc]?tsx?$/.test(path) ? 'TypeScript' : 'JavaScript'}: ${message}; its CDK constructs are not read.`, 'parse');
      return undefined;
    }
    const file: AppFile = { path, dir: dirname(path), appDir: this.appDirOf(dirname(path)), sf, lines, news: new Map(), calls: new Map() };
    this.index(file);
    this.files.set(path, file);
    return file;
  }

  /** The nearest folder with cdk.json, up to the discovery root; else the root itself. */
  private appDirOf(dir: string): string {
    const hit = this.appDirs.get(dir);
    if (hit) return hit;
    let result: string;
    if (this.ctx.kind(join(dir, 'cdk.json')) === 'file') result = dir;
    else if (dir === this.ctx.cwd || dirname(dir) === dir || !dir.startsWith(this.ctx.cwd)) result = this.ctx.cwd;
    else result = this.appDirOf(dirname(dir));
    this.appDirs.set(dir, result);
    return result;
  }

  private index(file: AppFile): void {
    const ts = this.ts;
    const add = <T>(map: Map<string, T[]>, key: string | undefined, node: T) => {
      if (!key) return;
      const list = map.get(key);
      if (list) list.push(node);
      else map.set(key, [node]);
    };
    const visit = (node: Node): void => {
      if (ts.isNewExpression(node)) add(file.news, this.lastName(node.expression), node);
      else if (ts.isCallExpression(node)) add(file.calls, this.lastName(node.expression), node);
      ts.forEachChild(node, visit);
    };
    visit(file.sf);
  }

  private lastName(expr: Expression): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(expr)) return expr.text;
    if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
    return undefined;
  }

  private line(file: AppFile, node: Node): number {
    return file.lines.line(node.getStart(file.sf));
  }

  // ---------------------------------------------------------------- distributions

  private readDistribution(file: AppFile, node: TsNamespace.NewExpression): void {
    const name = this.lastName(node.expression)!;
    for (const env of this.envsFor(file, node)) {
      const cls = this.evaluate(node.expression, env);
      if (cls.k !== 'ext') continue; // a class of the app that happens to be called Distribution
      const props = node.arguments?.[2] ? this.evaluate(node.arguments[2], env) : undefined;
      if (!props || props.k !== 'obj') {
        if (props?.k === 'unknown') this.ctx.problem(file.path, this.line(file, node), `new ${name}(...) props cannot be followed: ${props.why}.`, 'unresolved');
        continue;
      }
      if (name === 'Distribution') {
        this.readBehavior(this.member(props, 'defaultBehavior'), 'defaultBehavior');
        const additional = this.member(props, 'additionalBehaviors');
        if (additional?.k === 'obj') {
          for (const [key, value] of this.entries(additional)) this.readBehavior(value, `additionalBehaviors['${key}']`);
        }
      } else {
        for (const origin of this.elements(this.member(props, 'originConfigs'))) {
          for (const behavior of this.elements(this.member(origin, 'behaviors'))) {
            for (const assoc of this.elements(this.member(behavior, 'lambdaFunctionAssociations'))) {
              this.readEdgeLambda(assoc, 'lambdaFunction', 'lambdaFunctionAssociations');
            }
          }
        }
      }
    }
  }

  private readAddBehavior(file: AppFile, call: TsNamespace.CallExpression): void {
    if (call.arguments.length < 3 || !this.ts.isPropertyAccessExpression(call.expression)) return;
    for (const env of this.envsFor(file, call)) {
      const options = this.evaluate(call.arguments[2]!, env);
      if (options.k === 'obj') this.readBehavior(options, 'addBehavior');
    }
  }

  private readBehavior(behavior: Val | undefined, where: string): void {
    if (!behavior || behavior.k !== 'obj') return;
    const edgeLambdas = this.member(behavior, 'edgeLambdas');
    if (!edgeLambdas) return;
    const file = behavior.env.file;
    const line = this.line(file, this.propertyNode(behavior.node, 'edgeLambdas') ?? behavior.node);
    if (edgeLambdas.k === 'unknown') {
      this.ctx.problem(file.path, line, `${where}.edgeLambdas cannot be followed: ${edgeLambdas.why}.`, 'unresolved');
      return;
    }
    for (const edgeLambda of this.elements(edgeLambdas)) {
      if (edgeLambda.k === 'unknown') {
        this.ctx.problem(file.path, line, `${where}.edgeLambdas has an element that cannot be followed: ${edgeLambda.why}.`, 'unresolved');
        continue;
      }
      this.readEdgeLambda(edgeLambda, 'functionVersion', `${where}.edgeLambdas`);
    }
  }

  private readEdgeLambda(value: Val, functionKey: string, where: string): void {
    // An object literal, or an instance of a class of the app that implements `EdgeLambda`
    // (`class Gate extends Construct implements cloudfront.EdgeLambda { functionVersion; eventType = … }`).
    const isInstance = value.k === 'new' && value.cls.k === 'class' && value.node !== undefined;
    if (value.k !== 'obj' && !isInstance) return;
    const file = value.env.file;
    const eventNode = value.k === 'obj' ? this.propertyNode(value.node, 'eventType') : undefined;
    const line = this.line(file, eventNode ?? (value as { node: Node }).node);
    const what = where;
    const eventVal = this.member(value, 'eventType');
    let eventType: EventType | undefined;
    if (eventVal?.k === 'ext' && eventVal.path.length >= 2 && eventVal.path.at(-2) === 'LambdaEdgeEventType') {
      eventType = EVENT_MEMBERS[eventVal.path.at(-1)!];
    } else if (eventVal?.k === 'str') {
      eventType = this.ctx.eventType(eventVal.v, file.path, line, what);
      if (!eventType) return;
    }
    if (!eventType) {
      // LambdaEdgeEventType.VIEWER_REQUETS is undefined at synth (a type error in TypeScript): invalid.
      const invalid = eventVal?.k === 'ext' && eventVal.path.at(-2) === 'LambdaEdgeEventType';
      this.ctx.problem(
        file.path,
        line,
        `${what} eventType ${eventVal?.k === 'unknown' ? `cannot be followed: ${eventVal.why}` : 'is not a LambdaEdgeEventType member'}.`,
        invalid ? 'invalid' : 'unresolved',
      );
      return;
    }
    const fnVal = this.member(value, functionKey);
    if (!fnVal) {
      this.ctx.problem(file.path, line, `${what} has no ${functionKey}.`, 'unresolved');
      return;
    }
    const includeBody = this.member(value, 'includeBody');
    const found = this.versionTarget(fnVal, file, line, `${what} ${functionKey}`);
    const runtime = found ? this.runtimeOf(fnVal) : undefined;
    const target = found && runtime ? { ...found, runtime } : found;
    if (target) this.ctx.bind('cdk', target, eventType, file.path, line, includeBody?.k === 'bool' && includeBody.v);
  }

  /**
   * The runtime of the function an edge lambda names, when its props say it literally:
   * `Runtime.NODEJS_24_X` → nodejs24.x, `Runtime.NODEJS_LATEST` → nodejs24.x (what it resolves
   * to since aws-cdk-lib 2.259.0), `new Runtime('nodejs24.x')`.
   */
  private runtimeOf(version: Val): string | undefined {
    let fn = version;
    if (fn.k === 'prop' && (fn.name === 'currentVersion' || fn.name === 'latestVersion')) fn = fn.base;
    fn = addVersionBase(fn) ?? fn;
    if (fn.k === 'new' && this.extTail(fn.cls) === 'Version') {
      const props = fn.args[2] ? this.evaluate(fn.args[2], fn.env) : undefined;
      const lambda = props ? this.member(props, 'lambda') : undefined;
      if (!lambda) return undefined;
      fn = lambda;
    }
    if (fn.k !== 'new') return undefined;
    let props: Val | undefined;
    if (fn.cls.k === 'class') {
      const superCall = this.superCall(fn.cls.decl);
      props = superCall?.arguments[2] ? this.evaluate(superCall.arguments[2], this.ctorEnv(fn)) : undefined;
    } else {
      props = fn.args[2] ? this.evaluate(fn.args[2], fn.env) : undefined;
    }
    const runtime = props ? this.member(props, 'runtime') : undefined;
    if (runtime?.k === 'new' && this.extTail(runtime.cls) === 'Runtime' && runtime.args[0]) {
      const name = this.evaluate(runtime.args[0], runtime.env);
      return name.k === 'str' ? name.v : undefined;
    }
    if (runtime?.k !== 'ext' || runtime.path.at(-2) !== 'Runtime') return undefined;
    const member = runtime.path.at(-1)!;
    if (member === 'NODEJS_LATEST') return 'nodejs24.x';
    const node = /^NODEJS_(\d+)_X$/.exec(member);
    if (node) return `nodejs${node[1]}.x`;
    const python = /^PYTHON_(\d+)_(\d+)$/.exec(member);
    return python ? `python${python[1]}.${python[2]}` : undefined;
  }

  /** From what an edge lambda names (a version) to the handler file and export. */
  private versionTarget(val: Val, file: AppFile, line: number, what: string): { file: string; exportName: string } | undefined {
    if (val.k === 'prop' && val.name === 'currentVersion') return this.functionTarget(val.base, file, line, what);
    const added = addVersionBase(val);
    if (added) return this.functionTarget(added, file, line, what);
    if (val.k === 'prop' && val.name === 'latestVersion') {
      this.ctx.problem(file.path, line, `${what} is latestVersion ($LATEST); Lambda@Edge needs a numbered version: use currentVersion or new lambda.Version(...).`, 'deploy');
      return this.functionTarget(val.base, file, line, what);
    }
    if (val.k === 'new' && this.extTail(val.cls) === 'Version') {
      const props = val.args[2] ? this.evaluate(val.args[2], val.env) : undefined;
      const fn = props ? this.member(props, 'lambda') : undefined;
      if (!fn) {
        this.ctx.problem(file.path, line, `${what} is a lambda.Version whose lambda cannot be found.`, 'unresolved');
        return undefined;
      }
      return this.functionTarget(fn, file, line, what);
    }
    if (val.k === 'call' && val.callee.k === 'ext' && val.callee.path.some((p) => p.startsWith('fromVersion') || p.startsWith('fromFunction'))) {
      this.ctx.problem(file.path, line, `${what} is an imported version (${val.callee.path.join('.')}); its code is not in this app.`, 'unresolved');
      return undefined;
    }
    // EdgeFunction is itself a version; other functions are reported by functionTarget if wrong.
    return this.functionTarget(val, file, line, what);
  }

  private functionTarget(val: Val, file: AppFile, line: number, what: string): { file: string; exportName: string } | undefined {
    const fail = (why: string, kind: 'unresolved' | 'remote' = 'unresolved') => {
      this.ctx.problem(file.path, line, `${what} cannot be followed to a function's code: ${why}.`, kind);
      return undefined;
    };
    if (val.k === 'unknown') return fail(val.why);
    if (val.k !== 'new') return fail(`it is ${this.describe(val)}, not a new EdgeFunction, Function or NodejsFunction`);
    let kind = this.extTail(val.cls);
    let props: Val | undefined;
    let id: Val | undefined;
    let definedIn = val.env.file;
    if (val.cls.k === 'class') {
      // A subclass of a CDK function: its super(scope, id, props) call carries the props.
      const base = this.baseClass(val.cls);
      const superCall = this.superCall(val.cls.decl);
      if (base?.k !== 'ext' || !superCall) {
        return fail(`${val.cls.decl.name?.text ?? 'the class'} is a construct of the app, not a Lambda function; name its function or version instead`);
      }
      kind = base.path.at(-1);
      const env = this.ctorEnv(val);
      props = superCall.arguments[2] ? this.evaluate(superCall.arguments[2], env) : undefined;
      id = superCall.arguments[1] ? this.evaluate(superCall.arguments[1], env) : undefined;
      definedIn = val.cls.file;
    } else {
      props = val.args[2] ? this.evaluate(val.args[2], val.env) : undefined;
      id = val.args[1] ? this.evaluate(val.args[1], val.env) : undefined;
    }
    if (kind === 'NodejsFunction') {
      const entry = props ? this.member(props, 'entry') : undefined;
      const handler = props ? this.member(props, 'handler') : undefined;
      let exportName = 'handler';
      if (handler?.k === 'str') exportName = handler.v.slice(handler.v.lastIndexOf('.') + 1);
      else if (handler) return fail(`NodejsFunction handler is ${this.describe(handler)}`);
      let entryFile: string | undefined;
      if (!entry) {
        // NodejsFunction's default: <defining file>.<id>.ts (or .js) beside the defining file.
        if (id?.k !== 'str') return fail('NodejsFunction has no entry and its id is not a string');
        const stem = definedIn.path.slice(0, -extname(definedIn.path).length);
        entryFile = this.ctx.findModuleFile(`${stem}.${id.v}`);
        if (!entryFile) return fail(`NodejsFunction has no entry and ${this.ctx.rel(stem)}.${id.v}.ts does not exist`);
      } else if (entry.k === 'str') {
        entryFile = resolve(definedIn.appDir, entry.v);
        if (this.ctx.kind(entryFile) !== 'file') return fail(`NodejsFunction entry ${this.ctx.rel(entryFile)} does not exist`);
      } else {
        return fail(`NodejsFunction entry is ${this.describe(entry)}`);
      }
      if (props) this.noteDefines(props, entryFile);
      return { file: entryFile, exportName };
    }
    if (kind && ASSET_FUNCTIONS.has(kind)) {
      const code = props ? this.member(props, 'code') : undefined;
      const handler = props ? this.member(props, 'handler') : undefined;
      const inline = code && this.inlineCodeFile(code);
      if (inline !== undefined) {
        if (inline === null) return undefined; // inline text: nothing to lint
        return this.inlineTarget(inline, handler, definedIn, fail);
      }
      let dir: Val | undefined;
      if (code?.k === 'call' && code.callee.k === 'ext' && code.callee.path.at(-1) === 'fromAsset' && code.args[0]) {
        dir = this.evaluate(code.args[0], code.env);
      } else if (code?.k === 'new' && this.extTail(code.cls) === 'AssetCode' && code.args[0]) {
        dir = this.evaluate(code.args[0], code.env);
      } else {
        // Code.fromBucket, fromEcrImage, fromCfnParameters…: the code is not in the project.
        const remote = code?.k === 'call' && code.callee.k === 'ext' && REMOTE_CODE.has(code.callee.path.at(-1) ?? '');
        return fail(`${kind} code is ${code ? this.describe(code) : 'missing'}, not Code.fromAsset(<folder>)`, remote ? 'remote' : 'unresolved');
      }
      if (dir.k !== 'str') return fail(`the Code.fromAsset path is ${this.describe(dir)}`);
      if (handler?.k !== 'str') return fail(`${kind} handler is ${handler ? this.describe(handler) : 'missing'}`);
      const codeDir = resolve(definedIn.appDir, dir.v);
      const noteCommandDefines = (target: { file: string; exportName: string } | undefined) => {
        if (target && code.k === 'call' && code.args[1]) this.noteCommandDefines(this.evaluate(code.args[1], code.env), target.file);
        return target;
      };
      if (this.ctx.kind(codeDir) !== 'dir') {
        // A folder a package.json script bundles into (`esbuild src/edge.ts --outfile=<dir>/index.js`).
        const dot = handler.v.lastIndexOf('.');
        const entry = dot > 0 ? this.ctx.bundledFrom(resolve(codeDir, handler.v.slice(0, dot))) : undefined;
        if (entry) return noteCommandDefines({ file: entry, exportName: handler.v.slice(dot + 1) });
        return fail(`the asset ${this.ctx.rel(codeDir)} is not a source folder`);
      }
      return noteCommandDefines(this.ctx.resolveHandler(codeDir, handler.v, file.path, line, what));
    }
    return fail(`it is a ${kind ?? 'construct'}, not an EdgeFunction, Function or NodejsFunction`, kind === 'DockerImageFunction' ? 'remote' : 'unresolved');
  }

  /**
   * The code of `Code.fromInline(x)`, `InlineCode.fromInline(x)` or `new InlineCode(x)`: the
   * path `x` reads when it is `readFileSync(path, …)` of `fs` (a Val), null for inline text,
   * undefined when the code is not inline.
   */
  private inlineCodeFile(code: Val): Val | null | undefined {
    let arg: Val | undefined;
    if (code.k === 'call' && code.callee.k === 'ext' && code.callee.path.at(-1) === 'fromInline') {
      arg = code.args[0] ? this.evaluate(code.args[0], code.env) : undefined;
    } else if (code.k === 'new' && this.extTail(code.cls) === 'InlineCode') {
      arg = code.args[0] ? this.evaluate(code.args[0], code.env) : undefined;
    } else {
      return undefined;
    }
    if (arg?.k !== 'call' || arg.callee.k !== 'ext' || arg.callee.module !== 'fs' || arg.callee.path.at(-1) !== 'readFileSync') return null;
    return arg.args[0] ? this.evaluate(arg.args[0], arg.env) : null;
  }

  /** The handler file of inline code read from `path`: CloudFormation writes it as index.js. */
  private inlineTarget(
    path: Val,
    handler: Val | undefined,
    definedIn: AppFile,
    fail: (why: string) => undefined,
  ): { file: string; exportName: string } | undefined {
    if (path.k !== 'str') return fail(`the inline code reads ${this.describe(path)}`);
    if (handler?.k !== 'str') return fail(`the handler is ${handler ? this.describe(handler) : 'missing'}`);
    const dot = handler.v.lastIndexOf('.');
    if (dot <= 0 || handler.v.slice(0, dot) !== 'index') {
      return fail(`inline code is written as index.js, and the handler '${handler.v}' names another module`);
    }
    // readFileSync reads a relative path from the working folder: the app's, as `cdk synth` runs.
    const file = resolve(definedIn.appDir, path.v);
    if (this.ctx.kind(file) !== 'file') return fail(`the inline code reads ${this.ctx.rel(file)}, which does not exist`);
    return { file, exportName: handler.v.slice(dot + 1) };
  }

  /**
   * The edge lambdas of the behavior object literal that starts at `behaviorStart` in the file
   * `path` (whose text is `text`), followed as discovery follows them; undefined when there is
   * no such behavior or its `edgeLambdas` cannot be followed. Nothing is bound or reported.
   */
  followEdgeLambdas(path: string, text: string, behaviorStart: number): FollowedEdgeLambda[] | undefined {
    return this.guarded(path, () => {
      const ts = this.ts;
      const file = this.load(path, text);
      if (!file) return undefined;
      let behavior: TsNamespace.ObjectLiteralExpression | undefined;
      const find = (node: Node): void => {
        if (behavior || node.getEnd() <= behaviorStart || node.getStart(file.sf) > behaviorStart) return;
        if (ts.isObjectLiteralExpression(node) && node.getStart(file.sf) === behaviorStart && this.propertyNode(node, 'edgeLambdas')) behavior = node;
        else ts.forEachChild(node, find);
      };
      find(file.sf);
      if (!behavior) return undefined;
      const out: FollowedEdgeLambda[] = [];
      const seen = new Set<string>();
      let followed = false;
      for (const env of this.envsFor(file, behavior)) {
        const list = this.member({ k: 'obj', node: behavior, env }, 'edgeLambdas');
        if (list?.k !== 'arr' && list?.k !== 'list') continue;
        followed = true;
        for (const element of this.elements(list)) {
          if (element.k !== 'obj') continue;
          const eventVal = this.member(element, 'eventType');
          const eventType =
            eventVal?.k === 'ext' && eventVal.path.at(-2) === 'LambdaEdgeEventType'
              ? EVENT_MEMBERS[eventVal.path.at(-1)!]
              : eventVal?.k === 'str' && isEventType(eventVal.v)
                ? eventVal.v
                : undefined;
          if (!eventType) continue;
          const fnVal = this.member(element, 'functionVersion');
          let version: FollowedEdgeLambda['version'] = 'other';
          let fn: Val | undefined;
          const added = fnVal && addVersionBase(fnVal);
          if (fnVal?.k === 'prop' && (fnVal.name === 'currentVersion' || fnVal.name === 'latestVersion')) {
            version = fnVal.name === 'currentVersion' ? 'version' : 'latest';
            fn = fnVal.base;
          } else if (fnVal?.k === 'new' && this.extTail(fnVal.cls) === 'Version') {
            version = 'version';
            const props = fnVal.args[2] ? this.evaluate(fnVal.args[2], fnVal.env) : undefined;
            fn = props ? this.member(props, 'lambda') : undefined;
          } else if (fnVal?.k === 'new' && this.extTail(fnVal.cls) === 'EdgeFunction') {
            version = 'version';
            fn = fnVal;
          } else if (added) {
            version = 'version';
            fn = added;
          }
          const include = this.member(element, 'includeBody');
          const item: FollowedEdgeLambda = { eventType, version };
          const span = (node: Node | undefined, where: AppFile) =>
            node && where.path === path ? { start: node.getStart(where.sf), end: node.getEnd() } : undefined;
          const eventTypeSpan = this.writtenAt(element, 'eventType', path);
          if (eventTypeSpan) item.eventTypeSpan = eventTypeSpan;
          const versionSpan = this.writtenAt(element, 'functionVersion', path);
          if (versionSpan) item.versionSpan = versionSpan;
          const functionSpan = fn?.k === 'new' && fn.cls.k === 'ext' ? span(fn.node, fn.env.file) : undefined;
          if (functionSpan) item.functionSpan = functionSpan;
          const includeBodySpan = include?.k === 'bool' && include.v ? this.writtenAt(element, 'includeBody', path) : undefined;
          if (includeBodySpan) item.includeBodySpan = includeBodySpan;
          const key = JSON.stringify(item);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(item);
        }
      }
      return followed ? out : undefined;
    });
  }

  /**
   * Where the value of `key` in an object literal is written: the property's value, or, when
   * that is a parameter of a helper or callback, the argument or element it was given.
   */
  private writtenAt(obj: Val & { k: 'obj' }, key: string, path: string): CdkSpan | undefined {
    const ts = this.ts;
    const prop = this.propertyNode(obj.node, key);
    let expr: Node | undefined = prop && ts.isPropertyAssignment(prop) ? prop.initializer : prop && ts.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
    let env = obj.env;
    for (let i = 0; expr && i < 10; i++) {
      const base = ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) ? expr.expression : ts.isIdentifier(expr) ? expr : undefined;
      const decl = base ? this.declarationOf(base.text, base) : undefined;
      const bound = decl && ts.isParameter(decl) ? env.params?.get(decl) : undefined;
      if (!bound) break;
      if (base === expr && bound.expr) {
        expr = bound.expr;
        env = bound.env;
      } else if (base !== expr && bound.val?.k === 'obj') {
        // `item.type` in a callback over an array of object literals: the element's property.
        const inner = this.propertyNode(bound.val.node, (expr as TsNamespace.PropertyAccessExpression).name.text);
        if (!inner || !ts.isPropertyAssignment(inner)) break;
        expr = inner.initializer;
        env = bound.val.env;
      } else break;
    }
    return expr && env.file.path === path ? { start: expr.getStart(env.file.sf), end: expr.getEnd() } : undefined;
  }

  // ---------------------------------------------------------------- evaluation

  private evaluate(expr: Expression, env: Env): Val {
    if (this.depth > MAX_DEPTH) return unknown('the value is defined in too deep a chain (or a cycle)');
    this.depth++;
    try {
      return this.evaluateInner(expr, env);
    } finally {
      this.depth--;
    }
  }

  private evaluateInner(expr: Expression, env: Env): Val {
    const ts = this.ts;
    const at = () => `${this.ctx.rel(env.file.path)}:${this.line(env.file, expr)}`;
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isTypeAssertionExpression(expr)) {
      return this.evaluate(expr.expression, env);
    }
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { k: 'str', v: expr.text };
    if (ts.isNumericLiteral(expr)) return { k: 'num', v: Number(expr.text) };
    if (expr.kind === ts.SyntaxKind.TrueKeyword) return { k: 'bool', v: true };
    if (expr.kind === ts.SyntaxKind.FalseKeyword) return { k: 'bool', v: false };
    if (ts.isTemplateExpression(expr)) {
      let out = expr.head.text;
      for (const span of expr.templateSpans) {
        const v = this.evaluate(span.expression, env);
        if (v.k !== 'str' && v.k !== 'num') return v.k === 'unknown' ? v : unknown(`the template at ${at()} has a part that is not a string`);
        out += String(v.v) + span.literal.text;
      }
      return { k: 'str', v: out };
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) {
        const l = this.evaluate(expr.left, env);
        const r = this.evaluate(expr.right, env);
        if ((l.k === 'str' || l.k === 'num') && (r.k === 'str' || r.k === 'num')) return { k: 'str', v: String(l.v) + String(r.v) };
        return l.k === 'unknown' ? l : r.k === 'unknown' ? r : unknown(`the + at ${at()} is not on strings`);
      }
      if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        const l = this.evaluate(expr.left, env);
        return l.k === 'unknown' ? this.evaluate(expr.right, env) : l;
      }
      return unknown(`the expression at ${at()} is computed`);
    }
    if (ts.isObjectLiteralExpression(expr)) return { k: 'obj', node: expr, env };
    if (ts.isArrayLiteralExpression(expr)) return { k: 'arr', node: expr, env };
    if (ts.isIdentifier(expr)) return this.identifier(expr, env);
    if (expr.kind === ts.SyntaxKind.ThisKeyword) return env.self ?? unknown(`'this' at ${at()} is not inside a class`);
    if (ts.isMetaProperty(expr)) return { k: 'ext', module: '<import.meta>', path: [] };
    if (ts.isPropertyAccessExpression(expr)) {
      const base = this.evaluate(expr.expression, env);
      return this.member(base, expr.name.text, env.file) ?? unknown(`${expr.getText(env.file.sf)} at ${at()} has no value that can be read`);
    }
    if (ts.isElementAccessExpression(expr)) {
      const key = this.evaluate(expr.argumentExpression, env);
      if (key.k !== 'str' && key.k !== 'num') return unknown(`the index at ${at()} is computed`);
      const base = this.evaluate(expr.expression, env);
      return this.member(base, String(key.v), env.file) ?? unknown(`${expr.getText(env.file.sf)} at ${at()} has no value that can be read`);
    }
    if (ts.isNewExpression(expr)) {
      const cls = this.evaluate(expr.expression, env);
      const args = expr.arguments ?? [];
      if (cls.k === 'ext' && cls.module === '<global>' && cls.path.join('.') === 'URL') {
        const [rel, base] = args.map((a) => this.evaluate(a, env));
        if (rel?.k === 'str' && base?.k === 'str') {
          try {
            return { k: 'str', v: new URL(rel.v, base.v).href };
          } catch {
            return unknown(`new URL at ${at()} is not a valid URL`);
          }
        }
      }
      if (cls.k === 'unknown') return cls;
      return { k: 'new', cls, args, env, node: expr };
    }
    if (ts.isCallExpression(expr)) return this.call(expr, env, at);
    if (ts.isConditionalExpression(expr)) return unknown(`the value at ${at()} depends on a condition`);
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr)) return { k: 'fn', decl: expr, file: env.file };
    if (ts.isClassExpression(expr)) return { k: 'class', decl: expr, file: env.file };
    return unknown(`the expression at ${at()} is not followed`);
  }

  private call(expr: TsNamespace.CallExpression, env: Env, at: () => string): Val {
    const ts = this.ts;
    if (expr.expression.kind === ts.SyntaxKind.ImportKeyword) return unknown(`the dynamic import at ${at()} is not followed`);
    const mapped = this.mappedArray(expr, env);
    if (mapped) return mapped;
    const joined = this.joinedArray(expr, env);
    if (joined) return joined;
    const callee = this.evaluate(expr.expression, env);
    const args = expr.arguments;
    if (callee.k === 'ext') {
      const name = callee.path.at(-1);
      const strings = () => {
        const values = args.map((a) => this.evaluate(a, env));
        const bad = values.find((v) => v.k !== 'str');
        return bad ? bad : values.map((v) => (v as { v: string }).v);
      };
      if (callee.module === 'path' && (name === 'join' || name === 'resolve' || name === 'dirname' || name === 'normalize')) {
        const parts = strings();
        if (!Array.isArray(parts)) return parts.k === 'unknown' ? parts : unknown(`path.${name} at ${at()} has an argument that is not a string`);
        if (name === 'join') return { k: 'str', v: join(...parts) };
        if (name === 'resolve') return { k: 'str', v: resolve(env.file.appDir, ...parts) };
        if (name === 'dirname') return { k: 'str', v: dirname(parts[0] ?? '.') };
        return { k: 'str', v: join(parts[0] ?? '.') };
      }
      if (callee.module === 'url' && name === 'fileURLToPath') {
        const [url] = args.map((a) => this.evaluate(a, env));
        if (url?.k === 'str' && url.v.startsWith('file:')) return { k: 'str', v: fileURLToPath(url.v) };
        return unknown(`fileURLToPath at ${at()} is not given a file: URL`);
      }
      if (callee.module === '<global>' && callee.path.join('.') === 'process.cwd') return { k: 'str', v: env.file.appDir };
      if (callee.module === '<global>' && callee.path.join('.') === 'require') {
        const spec = args[0] ? this.evaluate(args[0], env) : undefined;
        if (spec?.k === 'str') return this.moduleValue(spec.v, env.file);
        return unknown(`the require at ${at()} is not of a string`);
      }
      return { k: 'call', callee, args, env, node: expr };
    }
    if (callee.k === 'fn') {
      const returned = this.returnedExpression(callee.decl);
      if (!returned) return unknown(`the function called at ${at()} does not end in a single return`);
      const params = this.bindParams(callee.decl.parameters, args, env);
      return this.evaluate(returned, { file: callee.file, params, self: callee.self ?? env.self });
    }
    if (callee.k === 'unknown') return callee;
    return { k: 'call', callee, args, env, node: expr };
  }

  /**
   * `Code.fromAsset(dir, { bundling: { command: ['bash', '-c', 'esbuild … --define:process.env.X=…'] } })`:
   * the names an esbuild command line of the asset's bundling replaces.
   */
  private noteCommandDefines(options: Val, entryFile: string): void {
    const bundling = this.member(options, 'bundling');
    const command = bundling ? this.member(bundling, 'command') : undefined;
    const parts = command?.k === 'arr' ? command.node.elements.map((e) => this.evaluate(e, command.env)) : command?.k === 'list' ? command.items : [];
    for (const part of parts) {
      if (part.k !== 'str') continue;
      for (const match of part.v.matchAll(/--define:process\.env\.([A-Za-z_$][\w$]*)=/g)) this.addDefine(entryFile, match[1]!);
    }
  }

  private addDefine(entryFile: string, name: string): void {
    let names = this.ctx.defines.get(entryFile);
    if (!names) this.ctx.defines.set(entryFile, (names = new Set()));
    names.add(name);
  }

  /**
   * `bundling: { define: { 'process.env.X': … } }`: the names esbuild replaces in this entry's
   * bundle. A define map the app computes under `process.env.${name}` keys (a helper of the
   * app, `Object.fromEntries(…)`) replaces names the app lists at synth: every name, for us.
   */
  private noteDefines(props: Val, entryFile: string): void {
    const bundling = this.member(props, 'bundling');
    const define = bundling ? this.member(bundling, 'define') : undefined;
    if (bundling && define && this.computesEnvDefines(bundling)) this.addDefine(entryFile, EVERY_VARIABLE);
    if (define?.k !== 'obj') return;
    for (const prop of define.node.properties) {
      const key = prop.name ? this.propertyName(prop.name) : undefined;
      const m = key ? /^process\.env\.([A-Za-z_$][\w$]*)$/.exec(key) : null;
      if (m) this.addDefine(entryFile, m[1]!);
    }
  }

  /** Whether `bundling.define` is written as code that builds `process.env.` keys: inline, or in the body of the app's function it calls. */
  private computesEnvDefines(bundling: Val): boolean {
    const ts = this.ts;
    if (bundling.k !== 'obj') return false;
    const prop = [...bundling.node.properties].reverse().find((p) => ts.isPropertyAssignment(p) && this.propertyName(p.name) === 'define');
    if (!prop || !ts.isPropertyAssignment(prop)) return false;
    const init = prop.initializer;
    if (BUILT_ENV_KEY.test(init.getText(bundling.env.file.sf))) return true;
    if (!ts.isCallExpression(init)) return false;
    const callee = this.evaluate(init.expression, bundling.env);
    return callee.k === 'fn' && BUILT_ENV_KEY.test(callee.decl.getText(callee.file.sf));
  }

  /**
   * `array.map(callback)` / `flatMap` over an array the evaluator knows: the callback's
   * returned expression once per element, its first parameter bound to the element.
   */
  private mappedArray(expr: TsNamespace.CallExpression, env: Env): Val | undefined {
    const ts = this.ts;
    const callee = expr.expression;
    if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'map' && callee.name.text !== 'flatMap')) return undefined;
    const receiver = this.evaluate(callee.expression, env);
    if (receiver.k !== 'arr' && receiver.k !== 'list') return undefined;
    const callback = expr.arguments[0] ? this.evaluate(expr.arguments[0], env) : undefined;
    if (callback?.k !== 'fn') return unknown(`the callback of .${callee.name.text} at ${this.ctx.rel(env.file.path)}:${this.line(env.file, expr)} is not a function of the app`);
    const returned = this.returnedExpression(callback.decl);
    if (!returned) return unknown(`the callback of .${callee.name.text} at ${this.ctx.rel(env.file.path)}:${this.line(env.file, expr)} does not end in a single return`);
    const items: Val[] = [];
    for (const element of this.elements(receiver)) {
      const value = this.evaluate(returned, this.callbackEnv(callback.decl, element, env));
      if (callee.name.text === 'flatMap' && (value.k === 'arr' || value.k === 'list')) items.push(...this.elements(value));
      else items.push(value);
    }
    return { k: 'list', items };
  }

  /**
   * `[…].join(' && ')` over strings the evaluator knows (a bundling command written as a list
   * of shell steps): the joined string; undefined for any other call.
   */
  private joinedArray(expr: TsNamespace.CallExpression, env: Env): Val | undefined {
    const ts = this.ts;
    const callee = expr.expression;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'join' || expr.arguments.length > 1) return undefined;
    const receiver = this.evaluate(callee.expression, env);
    if (receiver.k !== 'arr' && receiver.k !== 'list') return undefined;
    const separator = expr.arguments[0] ? this.evaluate(expr.arguments[0], env) : { k: 'str' as const, v: ',' };
    if (separator.k !== 'str') return undefined;
    const parts: string[] = [];
    for (const element of this.elements(receiver)) {
      if (element.k !== 'str') return undefined;
      parts.push(element.v);
    }
    return { k: 'str', v: parts.join(separator.v) };
  }

  /** The environment of a callback called with `element` as its first argument. */
  private callbackEnv(decl: TsNamespace.FunctionLikeDeclaration, element: Val, outer: Env): Env {
    const params = new Map(outer.params);
    const first = decl.parameters[0];
    if (first) params.set(first, { expr: undefined, env: outer, val: element });
    return { file: outer.file, params, ...(outer.self ? { self: outer.self } : {}) };
  }

  /**
   * The values `name.push(...)` adds to the array declared by `decl`: pushes in the
   * declaration's own function, or inside `.forEach`/`.map` callbacks of arrays the evaluator
   * knows (run once per element). A push it cannot follow is an unknown element, reported.
   */
  private pushedInto(decl: TsNamespace.VariableDeclaration, name: string, env: Env): Val[] {
    const ts = this.ts;
    const items: Val[] = [];
    const declScope = this.functionScope(decl);
    for (const call of env.file.calls.get('push') ?? []) {
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== name) continue;
      if (this.declarationOf(name, callee.expression) !== decl) continue;
      // The functions between the push and the declaration, outermost first.
      const between: Node[] = [];
      for (let n: Node | undefined = call.parent; n && n !== declScope; n = n.parent) if (ts.isFunctionLike(n)) between.unshift(n);
      let envs: Env[] = [env];
      let why: string | undefined;
      for (const fn of between) {
        const parent = fn.parent;
        const iterates =
          (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
          ts.isCallExpression(parent) &&
          parent.arguments[0] === fn &&
          ts.isPropertyAccessExpression(parent.expression) &&
          ['forEach', 'map', 'flatMap'].includes(parent.expression.name.text);
        if (!iterates) {
          why = `the push at ${this.ctx.rel(env.file.path)}:${this.line(env.file, call)} is inside a function that is not a forEach/map callback`;
          break;
        }
        const next: Env[] = [];
        for (const outer of envs) {
          const receiver = this.evaluate(((parent as TsNamespace.CallExpression).expression as TsNamespace.PropertyAccessExpression).expression, outer);
          if (receiver.k !== 'arr' && receiver.k !== 'list') {
            why = `the array iterated at ${this.ctx.rel(env.file.path)}:${this.line(env.file, parent)} cannot be followed${receiver.k === 'unknown' ? ` (${receiver.why})` : ''}`;
            break;
          }
          for (const element of this.elements(receiver)) next.push(this.callbackEnv(fn as TsNamespace.FunctionLikeDeclaration, element, outer));
        }
        if (why) break;
        envs = next;
      }
      if (why) {
        items.push(unknown(why));
        continue;
      }
      for (const e of envs) {
        for (const arg of call.arguments) {
          if (ts.isSpreadElement(arg)) items.push(...this.elements(this.evaluate(arg.expression, e)));
          else items.push(this.evaluate(arg, e));
        }
      }
    }
    items.push(...this.pushedByHelpers(decl, name, env));
    return items;
  }

  /**
   * A `push` onto a class's array field, in the class: `this.list.push(x)`, or `l.push(x)` after
   * `const { list } = this`, `const { list: l } = this` or `const l = this.list`. The evaluator
   * reads a field as its initializer, so an array filled that way would read as empty: better
   * reported.
   */
  private pushOntoField(cls: Val & { k: 'class' }, name: string, initializer: Node): Node | undefined {
    const ts = this.ts;
    let init = initializer;
    while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
    if (!ts.isArrayLiteralExpression(init)) return undefined;
    const isField = (n: Node) => ts.isPropertyAccessExpression(n) && n.expression.kind === ts.SyntaxKind.ThisKeyword && n.name.text === name;
    const isIdentifierNamed = (n: Node) => ts.isIdentifier(n) && n.text === name;
    for (const call of cls.file.calls.get('push') ?? []) {
      if (call.pos < cls.decl.pos || call.end > cls.decl.end) continue;
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee)) continue;
      const receiver = callee.expression;
      if (isField(receiver)) return call;
      if (!ts.isIdentifier(receiver)) continue;
      const holder = this.declarationOf(receiver.text, receiver);
      let decl: Node | undefined = holder;
      while (decl && !ts.isVariableDeclaration(decl)) decl = decl.parent;
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) continue;
      const from = decl.initializer;
      const destructured =
        from.kind === ts.SyntaxKind.ThisKeyword &&
        holder !== undefined &&
        ts.isBindingElement(holder) &&
        isIdentifierNamed(holder.propertyName ?? holder.name);
      if (destructured || isField(from)) return call;
    }
    return undefined;
  }

  /**
   * `addEdge(edgeLambdas, fn, type)` where the helper (a function of the same file) pushes
   * onto its parameter: the pushed values, with the helper's parameters bound to the call's
   * arguments.
   */
  private pushedByHelpers(decl: TsNamespace.VariableDeclaration, name: string, env: Env): Val[] {
    const ts = this.ts;
    const items: Val[] = [];
    for (const push of env.file.calls.get('push') ?? []) {
      const callee = push.expression;
      if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) continue;
      const param = this.declarationOf(callee.expression.text, callee.expression);
      if (!param || !ts.isParameter(param) || !ts.isIdentifier(param.name)) continue;
      const helper = param.parent;
      if (this.functionScope(push) !== helper) continue;
      const helperName = ts.isFunctionDeclaration(helper)
        ? helper.name?.text
        : (ts.isArrowFunction(helper) || ts.isFunctionExpression(helper)) && ts.isVariableDeclaration(helper.parent) && ts.isIdentifier(helper.parent.name)
          ? helper.parent.name.text
          : undefined;
      const index = helper.parameters.indexOf(param);
      for (const site of env.file.calls.get(helperName ?? '') ?? []) {
        const arg = site.arguments[index];
        if (!arg || !ts.isIdentifier(arg) || arg.text !== name || this.declarationOf(name, arg) !== decl) continue;
        if (this.functionScope(site) !== this.functionScope(decl)) continue;
        const helperEnv: Env = { file: env.file, params: this.bindParams(helper.parameters, site.arguments, env), ...(env.self ? { self: env.self } : {}) };
        for (const value of push.arguments) {
          if (ts.isSpreadElement(value)) items.push(...this.elements(this.evaluate(value.expression, helperEnv)));
          else items.push(this.evaluate(value, helperEnv));
        }
      }
    }
    return items;
  }

  /** The nearest function (or the source file) around a node. */
  private functionScope(node: Node): Node {
    let n: Node = node.parent;
    while (n.parent && !this.ts.isFunctionLike(n)) n = n.parent;
    return n;
  }

  private returnedExpression(decl: TsNamespace.FunctionLikeDeclaration): Expression | undefined {
    const ts = this.ts;
    const body = decl.body;
    if (!body) return undefined;
    if (!ts.isBlock(body)) return body as Expression;
    const returns = body.statements.filter(ts.isReturnStatement);
    return returns.length === 1 ? returns[0]!.expression : undefined;
  }

  private bindParams(params: readonly TsNamespace.ParameterDeclaration[], args: readonly Expression[], env: Env) {
    const map = new Map<Node, { expr: Expression | undefined; env: Env }>();
    params.forEach((p, i) => map.set(p, { expr: args[i], env }));
    return map;
  }

  /** A member of a value; undefined when an object literal simply has no such property. */
  private member(base: Val, name: string, _from?: AppFile): Val | undefined {
    const ts = this.ts;
    switch (base.k) {
      case 'obj': {
        for (let i = base.node.properties.length - 1; i >= 0; i--) {
          const prop = base.node.properties[i]!;
          if (ts.isSpreadAssignment(prop)) {
            const spread = this.evaluate(prop.expression, base.env);
            const inner = spread.k === 'obj' ? this.member(spread, name) : undefined;
            if (inner) return inner;
            continue;
          }
          if (this.propertyName(prop.name) !== name) continue;
          if (ts.isPropertyAssignment(prop)) return this.evaluate(prop.initializer, base.env);
          if (ts.isShorthandPropertyAssignment(prop)) return this.identifier(prop.name, base.env);
          return unknown(`${name} is a method`);
        }
        return undefined;
      }
      case 'ext':
        if (base.module === '<import.meta>') {
          const path = base.path.length === 0 ? _from?.path : undefined;
          if (path && name === 'url') return { k: 'str', v: `file://${path}` };
          if (path && name === 'dirname') return { k: 'str', v: dirname(path) };
          if (path && name === 'filename') return { k: 'str', v: path };
        }
        return { k: 'ext', module: base.module, path: [...base.path, name] };
      case 'module':
        return this.exported(base.file, name);
      case 'new':
        if (base.cls.k === 'class') return this.classMember(base, name);
        return { k: 'prop', base, name };
      case 'class': {
        // `Stack.addRoutes(…)`: a static method of a class of the app.
        const method = base.decl.members.find(
          (m) => ts.isMethodDeclaration(m) && m.body && m.name && this.propertyName(m.name) === name && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) !== 0,
        ) as TsNamespace.MethodDeclaration | undefined;
        return method ? { k: 'fn', decl: method, file: base.file } : unknown(`.${name} of ${this.describe(base)}`);
      }
      case 'prop':
        return { k: 'prop', base, name };
      case 'str':
        return name === 'length' ? { k: 'num', v: base.v.length } : unknown(`.${name} of a string`);
      case 'unknown':
        return base;
      default:
        return unknown(`.${name} of ${this.describe(base)}`);
    }
  }

  private entries(obj: Val & { k: 'obj' }): [string, Val][] {
    const ts = this.ts;
    const out: [string, Val][] = [];
    for (const prop of obj.node.properties) {
      if (ts.isSpreadAssignment(prop)) {
        const spread = this.evaluate(prop.expression, obj.env);
        if (spread.k === 'obj') out.push(...this.entries(spread));
      } else if (ts.isPropertyAssignment(prop)) {
        out.push([this.propertyName(prop.name) ?? '?', this.evaluate(prop.initializer, obj.env)]);
      } else if (ts.isShorthandPropertyAssignment(prop)) {
        out.push([prop.name.text, this.identifier(prop.name, obj.env)]);
      }
    }
    return out;
  }

  private elements(val: Val | undefined): Val[] {
    if (val?.k === 'list') return val.items;
    if (!val || val.k !== 'arr') return [];
    const ts = this.ts;
    const out: Val[] = [];
    for (const element of val.node.elements) {
      if (ts.isSpreadElement(element)) out.push(...this.elements(this.evaluate(element.expression, val.env)));
      else out.push(this.evaluate(element, val.env));
    }
    return out;
  }

  private propertyName(name: TsNamespace.PropertyName): string | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
    if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
    return undefined;
  }

  private propertyNode(obj: TsNamespace.ObjectLiteralExpression, name: string): Node | undefined {
    return obj.properties.find((p) => p.name && this.propertyName(p.name) === name);
  }

  // ---------------------------------------------------------------- names and scopes

  private identifier(id: TsNamespace.Identifier, env: Env): Val {
    const name = id.text;
    const decl = this.declarationOf(name, id);
    const file = env.file;
    if (!decl) {
      if (name === '__dirname') return { k: 'str', v: file.dir };
      if (name === '__filename') return { k: 'str', v: file.path };
      return { k: 'ext', module: '<global>', path: [name] };
    }
    return this.declarationValue(decl, name, env);
  }

  private declarationValue(decl: Node, name: string, env: Env): Val {
    const ts = this.ts;
    const file = env.file;
    const at = () => `${this.ctx.rel(file.path)}:${this.line(file, decl)}`;
    if (ts.isVariableDeclaration(decl)) {
      if (!decl.initializer) return unknown(`${name} at ${at()} has no initializer`);
      const value = this.evaluate(decl.initializer, env);
      if (value.k === 'arr' && ts.isIdentifier(decl.name)) {
        const pushed = this.pushedInto(decl, name, env);
        if (pushed.length > 0) return { k: 'list', items: [...this.elements(value), ...pushed] };
      }
      return value;
    }
    if (ts.isParameter(decl)) {
      const bound = env.params?.get(decl);
      if (bound?.val) return bound.val;
      if (bound?.expr) return this.evaluate(bound.expr, bound.env);
      if (decl.initializer) return this.evaluate(decl.initializer, env);
      const owner = this.ownerName(decl.parent);
      return unknown(
        bound
          ? `parameter ${name} of ${owner} at ${at()} is not passed`
          : `parameter ${name} of ${owner} at ${at()} is not followed (no call of ${owner} was found)`,
      );
    }
    if (ts.isBindingElement(decl)) {
      const key = decl.propertyName ? this.propertyName(decl.propertyName) : ts.isIdentifier(decl.name) ? decl.name.text : undefined;
      const parent = decl.parent;
      const holder = parent.parent; // VariableDeclaration, ParameterDeclaration or BindingElement
      const whole = this.declarationValue(holder, name, env);
      if (whole.k === 'unknown') return whole;
      let value: Val | undefined;
      if (ts.isArrayBindingPattern(parent)) {
        const index = parent.elements.indexOf(decl);
        value = whole.k === 'arr' ? this.elements(whole)[index] : undefined;
      } else if (key !== undefined) {
        value = this.member(whole, key, file);
      }
      if (!value && decl.initializer) return this.evaluate(decl.initializer, env);
      return value ?? unknown(`${name} at ${at()} is not in the destructured value`);
    }
    if (ts.isClassDeclaration(decl) || ts.isClassExpression(decl)) return { k: 'class', decl, file };
    if (ts.isFunctionDeclaration(decl)) return { k: 'fn', decl, file };
    if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl)) {
      const importDecl = ts.isImportSpecifier(decl) ? decl.parent.parent.parent : ts.isNamespaceImport(decl) ? decl.parent.parent : decl.parent;
      const spec = (importDecl.moduleSpecifier as TsNamespace.StringLiteral).text;
      const mod = this.moduleValue(spec, file);
      if (ts.isNamespaceImport(decl)) return mod;
      if (ts.isImportClause(decl)) return mod.k === 'module' ? this.exported(mod.file, 'default') ?? unknown(`${spec} has no default export`) : mod;
      const imported = (decl.propertyName ?? decl.name).text;
      return this.member(mod, imported, file) ?? unknown(`${spec} has no export ${imported}`);
    }
    if (ts.isImportEqualsDeclaration(decl) && ts.isExternalModuleReference(decl.moduleReference)) {
      const spec = decl.moduleReference.expression;
      return ts.isStringLiteral(spec) ? this.moduleValue(spec.text, file) : unknown(`import ${name} at ${at()} is computed`);
    }
    return unknown(`${name} at ${at()} is not followed`);
  }

  private ownerName(fn: Node): string {
    const ts = this.ts;
    if (ts.isConstructorDeclaration(fn)) return `the constructor of ${fn.parent.name?.text ?? 'a class'}`;
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name.getText();
    return 'a function';
  }

  /** Finds the declaration a name refers to at a node by walking the enclosing scopes. */
  private declarationOf(name: string, at: Node): Node | undefined {
    const ts = this.ts;
    for (let scope: Node | undefined = at.parent; scope; scope = scope.parent) {
      if (ts.isFunctionLike(scope)) {
        for (const p of scope.parameters) {
          const hit = this.bindingNamed(p.name, name, p);
          if (hit) return hit;
        }
        if ((ts.isFunctionExpression(scope) || ts.isFunctionDeclaration(scope)) && scope.name?.text === name) return scope;
      }
      if (ts.isClassExpression(scope) && scope.name?.text === name) return scope;
      if ((ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) && scope.initializer && ts.isVariableDeclarationList(scope.initializer)) {
        for (const d of scope.initializer.declarations) {
          if (this.bindingNamed(d.name, name, d)) return undefined; // a loop variable: not followed
        }
      }
      const statements = (scope as { statements?: TsNamespace.NodeArray<TsNamespace.Statement> }).statements;
      if (!statements) continue;
      for (const statement of statements) {
        const hit = this.declaredIn(statement, name);
        if (hit) return hit;
      }
    }
    return undefined;
  }

  private declaredIn(statement: TsNamespace.Statement, name: string): Node | undefined {
    const ts = this.ts;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const hit = this.bindingNamed(d.name, name, d);
        if (hit) return hit;
      }
    } else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name?.text === name) {
      return statement;
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return bindings;
      if (bindings && ts.isNamedImports(bindings)) return bindings.elements.find((e) => e.name.text === name);
    } else if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      return statement;
    }
    return undefined;
  }

  private bindingNamed(binding: TsNamespace.BindingName, name: string, holder: Node): Node | undefined {
    const ts = this.ts;
    if (ts.isIdentifier(binding)) return binding.text === name ? holder : undefined;
    for (const element of binding.elements) {
      if (ts.isOmittedExpression(element)) continue;
      const hit = this.bindingNamed(element.name, name, element);
      if (hit) return hit;
    }
    return undefined;
  }

  // ---------------------------------------------------------------- modules and classes

  private moduleValue(spec: string, from: AppFile): Val {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      const path = resolveRelativeModule(this.ctx, from.path, spec);
      const file = path ? this.load(path) : undefined;
      return file ? { k: 'module', file } : unknown(`the module '${spec}' imported by ${this.ctx.rel(from.path)} cannot be read`);
    }
    return { k: 'ext', module: spec.replace(/^node:/, ''), path: [] };
  }

  /** An export of an app file: ES exports, `export { a as b } from`, and CommonJS `module.exports`. */
  private exported(file: AppFile, name: string): Val | undefined {
    const ts = this.ts;
    const env: Env = { file };
    const isExported = (s: TsNamespace.Statement) =>
      ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = (s: TsNamespace.Statement) =>
      ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    let fallback: Node | undefined;
    for (const s of file.sf.statements) {
      if ((ts.isClassDeclaration(s) || ts.isFunctionDeclaration(s)) && (name === 'default' ? isDefault(s) : s.name?.text === name)) {
        if (isExported(s)) return this.declarationValue(s, name, env);
        fallback ??= s;
      } else if (ts.isVariableStatement(s)) {
        const hit = this.declaredIn(s, name);
        if (hit && isExported(s)) return this.declarationValue(hit, name, env);
        if (hit) fallback ??= hit;
      } else if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)) {
        const spec = s.exportClause.elements.find((e) => e.name.text === name);
        if (!spec) continue;
        const local = (spec.propertyName ?? spec.name).text;
        if (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
          const mod = this.moduleValue(s.moduleSpecifier.text, file);
          return this.member(mod, local, file);
        }
        const decl = this.declarationOf(local, spec);
        if (decl) return this.declarationValue(decl, local, env);
      } else if (ts.isExportDeclaration(s) && !s.exportClause && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
        const mod = this.moduleValue(s.moduleSpecifier.text, file);
        const hit = mod.k === 'module' ? this.exported(mod.file, name) : undefined;
        if (hit) return hit;
      } else if (ts.isExportAssignment(s) && name === 'default') {
        return this.evaluate(s.expression, env);
      } else if (ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        // module.exports = { A, B } | module.exports.A = A | exports.A = A
        const target = s.expression.left.getText(file.sf);
        if (target === 'module.exports') {
          const value = this.evaluate(s.expression.right, env);
          if (value.k === 'obj') {
            const hit = this.member(value, name, file);
            if (hit) return hit;
          } else if (name === 'default') return value;
        } else if (target === `module.exports.${name}` || target === `exports.${name}`) {
          return this.evaluate(s.expression.right, env);
        }
      }
    }
    return fallback ? this.declarationValue(fallback, name, env) : undefined;
  }

  private classMember(inst: Val & { k: 'new' }, name: string): Val {
    const ts = this.ts;
    const cls = inst.cls as Val & { k: 'class' };
    const decl = cls.decl;
    const className = decl.name?.text ?? 'a class';
    for (const member of decl.members) {
      if (!member.name || this.propertyName(member.name) !== name) continue;
      if (ts.isPropertyDeclaration(member) && member.initializer) {
        const push = this.pushOntoField(cls, name, member.initializer);
        if (push) {
          const at = (node: Node) => `${this.ctx.rel(cls.file.path)}:${this.line(cls.file, node)}`;
          return unknown(`the field ${name} at ${at(member)} is an array pushed onto at ${at(push)}, and pushes onto a class field are not followed`);
        }
        return this.evaluate(member.initializer, { file: cls.file, self: inst });
      }
      if (ts.isGetAccessorDeclaration(member)) {
        const returned = this.returnedExpression(member);
        if (returned) return this.evaluate(returned, { file: cls.file, self: inst });
      }
      // `this.createEdgeFunction()`: a method, called on this instance.
      if (ts.isMethodDeclaration(member) && member.body) return { k: 'fn', decl: member, file: cls.file, self: inst };
    }
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    if (ctor?.body) {
      const param = ctor.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && (ts.getModifiers(p) ?? []).length > 0);
      if (param) return this.declarationValue(param, name, this.ctorEnv(inst));
      const assigned = this.thisAssignment(ctor.body, name);
      if (assigned) return this.evaluate(assigned, this.ctorEnv(inst));
    }
    // `withAuth() { this.fn = new NodejsFunction(…); }`: set by one method of the instance.
    const setters = decl.members.filter((m) => ts.isMethodDeclaration(m) && m.body && !(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static)) as TsNamespace.MethodDeclaration[];
    const assignedIn = setters.map((m) => this.thisAssignment(m.body!, name)).filter((e): e is Expression => e !== undefined);
    if (assignedIn.length === 1) return this.evaluate(assignedIn[0]!, { file: cls.file, params: new Map(), self: inst });
    const base = this.baseClass(cls);
    if (base?.k === 'class') {
      const superCall = this.superCall(decl);
      const env = this.ctorEnv(inst);
      return this.classMember({ k: 'new', cls: base, args: superCall?.arguments ?? [], env }, name);
    }
    if (base?.k === 'ext') return { k: 'prop', base: inst, name };
    return unknown(`${className} (${this.ctx.rel(cls.file.path)}) has no member ${name} that can be followed`);
  }

  /** The expression last assigned to `this.<name>` in a constructor body (not in nested functions). */
  private thisAssignment(body: TsNamespace.Block, name: string): Expression | undefined {
    const ts = this.ts;
    let found: Expression | undefined;
    const visit = (node: Node): void => {
      if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        node.left.name.text === name
      ) {
        found = node.right;
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    return found;
  }

  private baseClass(cls: Val & { k: 'class' }): Val | undefined {
    const ts = this.ts;
    const heritage = cls.decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    return heritage ? this.evaluate(heritage.expression, { file: cls.file }) : undefined;
  }

  private superCall(decl: TsNamespace.ClassLikeDeclaration): TsNamespace.CallExpression | undefined {
    const ts = this.ts;
    const ctor = decl.members.find(ts.isConstructorDeclaration);
    for (const statement of ctor?.body?.statements ?? []) {
      if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword) {
        return statement.expression;
      }
    }
    return undefined;
  }

  private ctorEnv(inst: Val & { k: 'new' }): Env {
    const cls = inst.cls as Val & { k: 'class' };
    const ctor = cls.decl.members.find(this.ts.isConstructorDeclaration);
    return { file: cls.file, params: ctor ? this.bindParams(ctor.parameters, inst.args, inst.env) : new Map(), self: inst };
  }

  private extTail(val: Val): string | undefined {
    return val.k === 'ext' ? val.path.at(-1) : undefined;
  }

  private describe(val: Val): string {
    switch (val.k) {
      case 'str':
        return `the string '${val.v}'`;
      case 'ext':
        return val.path.length > 0 ? `${val.path.join('.')}` : `the module ${val.module}`;
      case 'new':
        return `a new ${val.cls.k === 'class' ? (val.cls.decl.name?.text ?? 'class') : (this.extTail(val.cls) ?? 'object')}`;
      case 'prop':
        return `.${val.name} of ${this.describe(val.base)}`;
      case 'call':
        return `the result of ${this.describe(val.callee)}(...)`;
      case 'unknown':
        return `not followed (${val.why})`;
      default:
        return `a ${val.k === 'obj' ? 'object' : val.k === 'arr' ? 'array' : val.k}`;
    }
  }

  // ---------------------------------------------------------------- where code runs

  /**
   * The environments a node is evaluated in: at the top of a file, one; inside a class's
   * constructor, methods or instance fields (`private build = () => { … this … }`, where
   * `this` is the instance too), one per `new Class(...)` found in the app (so `props.fn` is
   * followed to what the caller passed); inside a function, one per call.
   */
  private envsFor(file: AppFile, node: Node, seen = new Set<Node>()): Env[] {
    const ts = this.ts;
    let fn: Node | undefined = node.parent;
    while (fn && !(ts.isConstructorDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || isInstanceField(ts, fn))) {
      fn = fn.parent;
    }
    if (!fn || seen.has(fn) || seen.size > 8) return [{ file }];
    seen.add(fn);
    const envs: Env[] = [];
    // A static method runs once per `Class.method(…)` call, like a function.
    const isStatic = ts.isMethodDeclaration(fn) && (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Static) !== 0;
    if (ts.isFunctionDeclaration(fn) || isStatic) {
      const id = (fn as TsNamespace.FunctionDeclaration | TsNamespace.MethodDeclaration).name;
      const name = id && ts.isIdentifier(id) ? id.text : undefined;
      for (const site of this.sites(name, 'calls')) {
        for (const siteEnv of this.envsFor(site.file, site.node, seen)) {
          const callee = this.evaluate((site.node as TsNamespace.CallExpression).expression, siteEnv);
          if (callee.k !== 'fn' || callee.decl !== fn) continue;
          envs.push({ file, params: this.bindParams((fn as TsNamespace.FunctionLikeDeclaration).parameters, (site.node as TsNamespace.CallExpression).arguments, siteEnv), self: siteEnv.self });
          if (envs.length >= MAX_ENVS) return envs;
        }
      }
      return envs.length > 0 ? envs : [{ file, params: new Map() }];
    }
    const classDecl = fn.parent as TsNamespace.ClassLikeDeclaration;
    const cls: Val & { k: 'class' } = { k: 'class', decl: classDecl, file };
    for (const site of this.sites(classDecl.name?.text, 'news')) {
      for (const siteEnv of this.envsFor(site.file, site.node, seen)) {
        const callee = this.evaluate((site.node as TsNamespace.NewExpression).expression, siteEnv);
        if (callee.k !== 'class' || callee.decl !== classDecl) continue;
        const inst: Val & { k: 'new' } = { k: 'new', cls, args: (site.node as TsNamespace.NewExpression).arguments ?? [], env: siteEnv, node: site.node };
        envs.push(ts.isConstructorDeclaration(fn) ? this.ctorEnv(inst) : { file, params: new Map(), self: inst });
        if (envs.length >= MAX_ENVS) return envs;
      }
    }
    if (envs.length > 0) return envs;
    const inst: Val & { k: 'new' } = { k: 'new', cls, args: [], env: { file } };
    return [{ file, params: new Map(), self: inst }];
  }

  private sites(name: string | undefined, kind: 'news' | 'calls'): { file: AppFile; node: Node }[] {
    if (!name) return [];
    const out: { file: AppFile; node: Node }[] = [];
    for (const file of this.files.values()) {
      if (!file) continue;
      for (const node of file[kind].get(name) ?? []) out.push({ file, node });
    }
    return out;
  }
}

/** A class's instance field (`x = …`, not `static x = …`): its initializer runs with `this` the instance. */
function isInstanceField(ts: ts, node: Node): boolean {
  return ts.isPropertyDeclaration(node) && !(ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Static);
}
