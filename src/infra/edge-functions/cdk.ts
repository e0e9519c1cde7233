import { dirname, isAbsolute, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { EventType } from '../../event-types.js';
import { includesWord, probe } from '../../text-search.js';
import { CdkReader as DiscoveryCdkReader, type CdkSpan, type FollowedEdgeLambda } from '../cdk.js';
import { DiscoveryContext } from '../context.js';
import type { Arn, Association, Behavior, EdgeFunction, EdgeFunctionSettings, EdgeModel, Setting, SourceNode } from './model.js';

const EDGE_LAMBDAS = probe('edgeLambdas', 'Lambda');
const LAMBDA_FUNCTION_ASSOCIATIONS = probe('lambdaFunctionAssociations', 'Assoc');

/** Cheap test on the text before a JS/TS file's AST is walked: `edgeLambdas` or `lambdaFunctionAssociations` in it. */
export function mayBeCdkDistribution(text: string): boolean {
  return includesWord(text, EDGE_LAMBDAS) || includesWord(text, LAMBDA_FUNCTION_ASSOCIATIONS);
}

const EVENT_MEMBERS: Record<string, EventType> = {
  VIEWER_REQUEST: 'viewer-request',
  ORIGIN_REQUEST: 'origin-request',
  ORIGIN_RESPONSE: 'origin-response',
  VIEWER_RESPONSE: 'viewer-response',
};

type Node = TSESTree.Node;
type Expr = TSESTree.Expression;

/**
 * AWS CDK in the linted JS/TS file: each behavior object literal with `edgeLambdas`
 * (`Distribution`) or `lambdaFunctionAssociations` (`CloudFrontWebDistribution`), the
 * version each names followed through `const` bindings to the `new …Function(scope, id, props)`
 * it comes from, and that construct's props, `addEnvironment` and `addLayers` calls.
 *
 * An `edgeLambdas` that is not an array literal of object literals written in place (an array
 * filled by `push`, in `forEach`/`.map` callbacks or helpers, made by `.map`, or spread) is followed by handler
 * discovery's evaluator, the same one that binds its handlers, given the file's `filename` and
 * `text`; what it finds in this file is mapped back to this AST by position.
 */
export function readCdkModel(program: TSESTree.Program, text?: string, filename?: string): EdgeModel {
  const reader = new CdkReader(program, text, filename);
  return reader.read();
}

class CdkReader {
  /** `const x = <init>` and `this.x = <init>`, by name. */
  private readonly bindings = new Map<string, Expr>();
  private readonly calls: TSESTree.CallExpression[] = [];
  private readonly behaviorObjects: TSESTree.ObjectExpression[] = [];
  private readonly functions = new Map<Node, EdgeFunction>();
  private readonly classes = new Map<string, TSESTree.ClassDeclaration | TSESTree.ClassExpression>();
  private readonly news: TSESTree.NewExpression[] = [];
  /** Nodes by `start:end`, the outermost first, for mapping discovery's spans to this AST. */
  private readonly byRange = new Map<string, Node>();
  private discovery: DiscoveryCdkReader | undefined;

  constructor(
    private readonly program: TSESTree.Program,
    private readonly text?: string,
    private readonly filename?: string,
  ) {}

  read(): EdgeModel {
    this.walk(this.program);
    const behaviors: Behavior[] = [];
    for (const object of this.behaviorObjects) {
      const behavior: Behavior = { name: behaviorName(object), lambdas: [], cloudFrontFunctions: [] };
      behaviors.push(behavior);
      for (const element of this.elements(property(object, 'functionAssociations'))) {
        const eventType = this.eventType(property(element, 'eventType'));
        if (eventType) behavior.cloudFrontFunctions.push({ eventType: eventType.value, node: eventType.node });
      }
      const legacy = property(object, 'lambdaFunctionAssociations') !== undefined;
      const elements = this.elements(property(object, legacy ? 'lambdaFunctionAssociations' : 'edgeLambdas'));
      const followed = legacy ? undefined : this.followed(object);
      if (followed && followed.length > 0 && followed.length >= elements.length) {
        for (const edgeLambda of followed) this.associate(behavior, object, edgeLambda);
        continue;
      }
      for (const element of elements) {
        const eventType = this.eventType(property(element, 'eventType'));
        if (!eventType) continue;
        const versionExpr = property(element, legacy ? 'lambdaFunction' : 'functionVersion');
        const { arn, construct } = versionExpr ? this.version(versionExpr) : { arn: undefined, construct: undefined };
        const fn = construct ? this.functionOf(construct) : undefined;
        const association: Association = { fn, eventType: eventType.value, node: eventType.node, behavior, ...(arn ? { arn } : {}) };
        const includeBody = property(element, 'includeBody');
        if (includeBody?.type === 'Literal' && includeBody.value === true) association.includeBody = { value: true, node: includeBody };
        behavior.lambdas.push(association);
        fn?.associations.push(association);
      }
    }
    return { flavour: 'cdk', functions: [...this.functions.values()], behaviors };
  }

  /**
   * Discovery's reading of a behavior whose `edgeLambdas` is not an array literal of object
   * literals written in place (an identifier, a call, a spread, an element with `...common`);
   * undefined when it is one, or discovery cannot follow it.
   */
  private followed(object: TSESTree.ObjectExpression): FollowedEdgeLambda[] | undefined {
    let list: Node | undefined = property(object, 'edgeLambdas');
    while (list && (list.type === 'TSAsExpression' || list.type === 'TSSatisfiesExpression' || list.type === 'TSNonNullExpression')) list = list.expression;
    if (!list || this.text === undefined) return undefined;
    const plain = (e: Node | null) => {
      const object = e ? this.resolve(e) : undefined;
      return object?.type === 'ObjectExpression' && object.properties.every((p) => p.type === 'Property');
    };
    if (list.type === 'ArrayExpression' && list.elements.every(plain)) return undefined;
    const name = this.filename && !this.filename.startsWith('<') ? this.filename : 'stack.ts';
    const path = isAbsolute(name) ? name : resolve(name);
    try {
      this.discovery ??= new DiscoveryCdkReader(new DiscoveryContext(dirname(path)));
      return this.discovery.followEdgeLambdas(path, this.text, object.range[0]);
    } catch {
      return undefined;
    }
  }

  /** One edge lambda discovery followed, as an association of this file's nodes. */
  private associate(behavior: Behavior, object: TSESTree.ObjectExpression, edgeLambda: FollowedEdgeLambda): void {
    const at = (span: CdkSpan | undefined) => (span ? this.byRange.get(`${span.start}:${span.end}`) : undefined);
    const fallback = propertyNode(object, 'edgeLambdas') ?? object;
    const node = at(edgeLambda.eventTypeSpan) ?? fallback;
    const construct = edgeLambda.functionSpan
      ? this.news.find((n) => n.range[0] === edgeLambda.functionSpan!.start && n.range[1] === edgeLambda.functionSpan!.end)
      : undefined;
    const fn = construct ? this.functionOf(construct) : undefined;
    const versionNode = at(edgeLambda.versionSpan);
    const association: Association = { fn, eventType: edgeLambda.eventType, node, behavior };
    if (edgeLambda.version !== 'other') {
      const arnNode = versionNode ?? node;
      association.arn = { form: edgeLambda.version, node: arnNode, text: versionNode ? textOf(versionNode) : 'the version' };
    }
    const includeBody = at(edgeLambda.includeBodySpan);
    if (includeBody) association.includeBody = { value: true, node: includeBody };
    behavior.lambdas.push(association);
    fn?.associations.push(association);
  }

  private walk(root: Node): void {
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const rangeKey = `${node.range[0]}:${node.range[1]}`;
      if (!this.byRange.has(rangeKey)) this.byRange.set(rangeKey, node);
      switch (node.type) {
        case 'VariableDeclarator':
          if (node.id.type === 'Identifier' && node.init) this.bindings.set(node.id.name, node.init);
          break;
        case 'AssignmentExpression':
          if (node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && node.left.property.type === 'Identifier') {
            this.bindings.set(`this.${node.left.property.name}`, node.right);
          }
          break;
        case 'PropertyDefinition':
          if (node.key.type === 'Identifier' && node.value) this.bindings.set(`this.${node.key.name}`, node.value);
          break;
        case 'CallExpression':
          this.calls.push(node);
          break;
        case 'NewExpression':
          this.news.push(node);
          break;
        case 'ClassDeclaration':
          if (node.id) this.classes.set(node.id.name, node);
          break;
        case 'ObjectExpression':
          if (property(node, 'edgeLambdas') || property(node, 'lambdaFunctionAssociations')) this.behaviorObjects.push(node);
          break;
        default:
          break;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent' || key === 'loc' || key === 'range') continue;
        if (Array.isArray(value)) {
          for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push(value[i] as Node);
        } else if (isNode(value)) stack.push(value);
      }
    }
  }

  /** Follows identifiers and `this.x` to what they were bound to (a few steps). */
  private resolve(expr: Node | undefined): Node | undefined {
    let current = expr;
    for (let i = 0; i < 5 && current; i++) {
      if (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSSatisfiesExpression') {
        current = current.expression;
        continue;
      }
      const name = bindingName(current);
      const bound = name ? this.bindings.get(name) : undefined;
      if (!bound) return current;
      current = bound;
    }
    return current;
  }

  private elements(expr: Node | undefined): TSESTree.ObjectExpression[] {
    const list = this.resolve(expr);
    if (list?.type !== 'ArrayExpression') return [];
    const out: TSESTree.ObjectExpression[] = [];
    for (const element of list.elements) {
      const object = element ? this.resolve(element) : undefined;
      if (object?.type === 'ObjectExpression') out.push(object);
    }
    return out;
  }

  private eventType(expr: Node | undefined): { value: EventType; node: SourceNode } | undefined {
    if (!expr) return undefined;
    if (expr.type === 'MemberExpression' && expr.property.type === 'Identifier') {
      const value = EVENT_MEMBERS[expr.property.name];
      return value ? { value, node: expr } : undefined;
    }
    if (expr.type === 'Literal' && typeof expr.value === 'string' && Object.values(EVENT_MEMBERS).includes(expr.value as EventType)) {
      return { value: expr.value as EventType, node: expr };
    }
    return undefined;
  }

  /** The ARN form of a `functionVersion` and the function construct behind it. */
  private version(expr: Node): { arn?: Arn; construct?: TSESTree.NewExpression } {
    const text = (node: Node) => textOf(node);
    const target = this.resolve(expr);
    if (!target) return {};
    if (target.type === 'MemberExpression' && target.property.type === 'Identifier') {
      const construct = this.construct(target.object);
      const name = target.property.name;
      if (name === 'currentVersion') return { arn: { form: 'version', node: expr, text: text(expr) }, ...(construct ? { construct } : {}) };
      if (name === 'latestVersion') return { arn: { form: 'latest', node: expr, text: text(target) }, ...(construct ? { construct } : {}) };
    }
    if (target.type === 'NewExpression') {
      const name = calleeName(target.callee);
      if (name === 'EdgeFunction') return { arn: { form: 'version', node: expr, text: text(expr) }, construct: target };
      if (name === 'Version') {
        const props = this.resolve(target.arguments[2]);
        const fn = props?.type === 'ObjectExpression' ? this.construct(property(props, 'lambda')) : undefined;
        return { arn: { form: 'version', node: expr, text: text(expr) }, ...(fn ? { construct: fn } : {}) };
      }
    }
    if (target.type === 'CallExpression' && target.callee.type === 'MemberExpression' && target.callee.property.type === 'Identifier') {
      // aws-cdk v1's `fn.addVersion('v1')`: a numbered version of `fn`.
      if (target.callee.property.name === 'addVersion') {
        const construct = this.construct(target.callee.object);
        return { arn: { form: 'version', node: expr, text: text(expr) }, ...(construct ? { construct } : {}) };
      }
      const arnArg = target.arguments[2];
      if (target.callee.property.name === 'fromVersionArn' && arnArg?.type === 'Literal' && typeof arnArg.value === 'string') {
        const qualifier = /:function:[^:]+(?::(.+))?$/.exec(arnArg.value)?.[1];
        const form = qualifier === undefined ? 'unversioned' : /^\d+$/.test(qualifier) ? 'version' : qualifier === '$LATEST' ? 'latest' : 'alias';
        return { arn: { form, node: arnArg, text: arnArg.value } };
      }
    }
    return {};
  }

  private construct(expr: Node | undefined): TSESTree.NewExpression | undefined {
    const target = this.resolve(expr);
    return target?.type === 'NewExpression' && /Function$/.test(calleeName(target.callee) ?? '') ? target : undefined;
  }

  private functionOf(construct: TSESTree.NewExpression): EdgeFunction | undefined {
    let fn = this.functions.get(construct);
    if (fn) return fn;
    const kind = calleeName(construct.callee)!;
    const idArg = construct.arguments[1];
    const name = idArg?.type === 'Literal' && typeof idArg.value === 'string' ? idArg.value : kind;
    const props = this.resolve(construct.arguments[2]);
    fn = {
      name,
      flavour: 'cdk',
      node: construct.callee,
      settings: this.settingsOf(construct, kind, props?.type === 'ObjectExpression' ? props : undefined),
      associations: [],
    };
    this.functions.set(construct, fn);
    return fn;
  }

  private settingsOf(construct: TSESTree.NewExpression, kind: string, props: TSESTree.ObjectExpression | undefined): EdgeFunctionSettings {
    const s: EdgeFunctionSettings = {};
    const prop = (key: string) => (props ? propertyNode(props, key) : undefined);
    const set = <T>(key: string, value: (v: Expr) => T | undefined): Setting<T> | undefined => {
      const p = prop(key);
      if (!p) return undefined;
      const v = value(p.value as Expr);
      return v === undefined ? undefined : { value: v, node: p.value.type === 'ObjectExpression' || p.value.type === 'ArrayExpression' ? p.key : p.value };
    };
    const member = (v: Expr) => (v.type === 'MemberExpression' && v.property.type === 'Identifier' ? v.property.name : undefined);
    const env = set('environment', (v) => {
      const object = this.resolve(v);
      if (object?.type !== 'ObjectExpression') return undefined;
      const keys = object.properties.map((p) => (p.type === 'Property' ? textOf(p.key) : '...'));
      return keys.length > 0 ? keys : undefined;
    });
    if (env) s.environment = env;
    const timeout = set('timeout', (v) => durationSeconds(v));
    if (timeout) s.timeout = timeout;
    const memory = set('memorySize', (v) => (v.type === 'Literal' && typeof v.value === 'number' ? v.value : undefined));
    if (memory) s.memorySize = memory;
    const layers = set('layers', (v) => (v.type === 'ArrayExpression' && v.elements.length === 0 ? undefined : (true as const)));
    if (layers) s.layers = layers;
    for (const hidden of ['insightsVersion', 'adotInstrumentation', 'paramsAndSecrets']) {
      const layer = set(hidden, () => true as const);
      if (layer && !s.layers) s.layers = layer;
    }
    const vpc = set('vpc', () => true as const);
    if (vpc) s.vpc = vpc;
    const arch = set('architecture', (v) => (member(v) === 'ARM_64' ? 'arm64' : undefined));
    if (arch) s.architecture = arch;
    const runtime = set('runtime', (v) => runtimeId(v));
    if (runtime) s.runtime = runtime;
    const dlq = set('deadLetterQueue', () => true as const) ?? set('deadLetterTopic', () => true as const) ?? set('deadLetterQueueEnabled', (v) => (v.type === 'Literal' && v.value === true ? (true as const) : undefined));
    if (dlq) s.deadLetterQueue = dlq;
    const tracing = set('tracing', (v) => (member(v) === 'ACTIVE' ? (true as const) : undefined));
    if (tracing) s.tracing = tracing;
    const reserved = set('reservedConcurrentExecutions', (v) => (v.type === 'Literal' && typeof v.value === 'number' ? v.value : undefined));
    if (reserved) s.reservedConcurrency = reserved;
    const versionOptions = prop('currentVersionOptions');
    if (versionOptions?.value.type === 'ObjectExpression') {
      const p = propertyNode(versionOptions.value, 'provisionedConcurrentExecutions');
      if (p && p.value.type === 'Literal' && typeof p.value.value === 'number' && p.value.value > 0) {
        s.provisionedConcurrency = { value: p.value.value, node: p.value };
      }
    }
    const storage = set('ephemeralStorageSize', (v) => sizeMebibytes(v));
    if (storage) s.ephemeralStorage = storage;
    const management = set('runtimeManagementMode', (v) => {
      const name = member(v);
      return name === 'AUTO' ? undefined : (name ?? textOf(v));
    });
    if (management) s.runtimeManagement = management;
    if (kind === 'DockerImageFunction') s.containerImage = { value: true, node: construct.callee };

    // `fn.addEnvironment(k, v)` without `{ removeInEdge: true }`, `fn.addLayers(...)`.
    for (const call of this.calls) {
      if (call.callee.type !== 'MemberExpression' || call.callee.property.type !== 'Identifier') continue;
      if (this.construct(call.callee.object) !== construct) continue;
      const method = call.callee.property.name;
      if (method === 'addEnvironment' && !s.environment) {
        const options = this.resolve(call.arguments[2]);
        const remove = options?.type === 'ObjectExpression' ? property(options, 'removeInEdge') : undefined;
        if (remove?.type === 'Literal' && remove.value === true) continue;
        s.environment = { value: [call.arguments[0] ? textOf(call.arguments[0]) : '?'], node: call };
      } else if (method === 'addLayers' && !s.layers) {
        s.layers = { value: true, node: call };
      }
    }
    if (kind !== 'EdgeFunction') {
      const region = this.stackRegion(construct);
      if (region) s.region = region;
    }
    return s;
  }

  /**
   * The region of the stack the function is created in, when this file says it: the scope
   * argument is a `new Stack(app, id, { env: { region } })`, or `this` inside a class this
   * file instantiates with such props.
   */
  private stackRegion(construct: TSESTree.NewExpression): Setting<string> | undefined {
    const scope = construct.arguments[0];
    let stackNews: TSESTree.NewExpression[] = [];
    if (scope?.type === 'ThisExpression') {
      let node: Node | undefined = construct.parent;
      while (node && node.type !== 'ClassDeclaration' && node.type !== 'ClassExpression') node = node.parent;
      const className = node && 'id' in node && node.id ? node.id.name : undefined;
      if (className) stackNews = this.news.filter((n) => n.callee.type === 'Identifier' && n.callee.name === className);
    } else {
      const target = this.resolve(scope);
      if (target?.type === 'NewExpression') stackNews = [target];
    }
    for (const stack of stackNews) {
      const props = this.resolve(stack.arguments[2]);
      const env = props?.type === 'ObjectExpression' ? this.resolve(property(props, 'env')) : undefined;
      const region = env?.type === 'ObjectExpression' ? propertyNode(env, 'region') : undefined;
      if (region?.value.type === 'Literal' && typeof region.value.value === 'string') {
        return { value: region.value.value, node: region.value, inheritedFrom: 'the stack' };
      }
    }
    return undefined;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

function propertyNode(object: TSESTree.ObjectExpression, key: string): TSESTree.Property | undefined {
  for (const p of object.properties) if (p.type === 'Property' && !p.computed && keyName(p.key) === key) return p;
  return undefined;
}

function property(object: TSESTree.ObjectExpression | undefined, key: string): Expr | undefined {
  const p = object ? propertyNode(object, key) : undefined;
  return p && p.value.type !== 'AssignmentPattern' ? (p.value as Expr) : undefined;
}

function bindingName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && node.property.type === 'Identifier') return `this.${node.property.name}`;
  return undefined;
}

function calleeName(callee: Node): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

function textOf(node: Node): string {
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Literal':
      return typeof node.value === 'string' ? node.value : String(node.value);
    case 'MemberExpression':
      return `${textOf(node.object)}.${node.property.type === 'Identifier' ? node.property.name : '[…]'}`;
    default:
      return '…';
  }
}

function behaviorName(object: TSESTree.ObjectExpression): string {
  const parent = object.parent;
  if (parent?.type === 'Property') {
    const key = keyName(parent.key);
    if (key === 'defaultBehavior') return 'defaultBehavior';
    if (parent.parent?.type === 'ObjectExpression' && parent.parent.parent?.type === 'Property' && keyName(parent.parent.parent.key) === 'additionalBehaviors') {
      return `additionalBehaviors['${key ?? '…'}']`;
    }
    if (key) return key;
  }
  return `the behavior at line ${object.loc.start.line}`;
}

const DURATION_UNITS: Record<string, number> = { millis: 0.001, seconds: 1, minutes: 60 };

/** `Duration.seconds(30)` → 30. */
function durationSeconds(expr: Expr): number | undefined {
  if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression' || expr.callee.property.type !== 'Identifier') return undefined;
  const unit = DURATION_UNITS[expr.callee.property.name];
  const arg = expr.arguments[0];
  return unit !== undefined && arg?.type === 'Literal' && typeof arg.value === 'number' ? arg.value * unit : undefined;
}

const SIZE_UNITS: Record<string, number> = { mebibytes: 1, gibibytes: 1024 };

/** `Size.mebibytes(1024)` → 1024. */
function sizeMebibytes(expr: Expr): number | undefined {
  if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression' || expr.callee.property.type !== 'Identifier') return undefined;
  const unit = SIZE_UNITS[expr.callee.property.name];
  const arg = expr.arguments[0];
  return unit !== undefined && arg?.type === 'Literal' && typeof arg.value === 'number' ? arg.value * unit : undefined;
}

/** `Runtime.NODEJS_20_X` → 'nodejs20.x', `Runtime.PYTHON_3_12` → 'python3.12', `new Runtime('x')` → 'x'. */
function runtimeId(expr: Expr): string | undefined {
  if (expr.type === 'NewExpression' && expr.arguments[0]?.type === 'Literal' && typeof expr.arguments[0].value === 'string') {
    return expr.arguments[0].value;
  }
  if (expr.type !== 'MemberExpression' || expr.property.type !== 'Identifier') return undefined;
  const name = expr.property.name;
  if (name === 'NODEJS_LATEST') return 'nodejs24.x';
  let m = /^NODEJS_(\d+)_X$/.exec(name);
  if (m) return `nodejs${m[1]}.x`;
  m = /^PYTHON_(\d+)_(\d+)$/.exec(name);
  if (m) return `python${m[1]}.${m[2]}`;
  if (name.startsWith('PROVIDED')) return name === 'PROVIDED' ? 'provided' : `provided.${name.slice('PROVIDED_'.length).toLowerCase()}`;
  m = /^(JAVA|DOTNET|RUBY|GO)(?:_(.*))?$/.exec(name);
  if (m) return `${m[1]!.toLowerCase()}${m[2] ? m[2].toLowerCase().replace(/_/g, '.') : ''}`;
  return undefined;
}
