import { isEventType } from '../../event-types.js';
import { includesWord, probe } from '../../text-search.js';
import type * as AST from '../../languages/hcl/ast.js';
import { childNodes } from '../../languages/hcl/ast.js';
import { findAttribute, findBlocks, objectEntries, objectKey, staticTemplate, staticValue } from '../../languages/hcl/static-value.js';
import type { Arn, Association, Behavior, EdgeFunction, EdgeFunctionSettings, EdgeModel, RoleTrust, Setting, SourceNode } from './model.js';
import { isSiblingNode, sameFileAs, siblingFiles, textOfNode } from './terraform-files.js';
import { trustsEdgeLambda } from './trust.js';

const DISTRIBUTION_RESOURCE = probe('aws_cloudfront_distribution', '_distr');

/** Cheap test before a `.tf` file is read: `aws_cloudfront_distribution` in it. */
export function mayBeTerraformDistribution(text: string): boolean {
  return includesWord(text, DISTRIBUTION_RESOURCE);
}

const EDGE_LAMBDA = 'edgelambda.amazonaws.com';
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:([a-z0-9-]+):\d*:function:[^:]+(?::(.+))?$/;

/**
 * Terraform (`.tf`, HCL native syntax). A Terraform module is every `.tf` file of one folder,
 * so the model is the module's: the linted file and the other `.tf` files beside it (read
 * from disk, see terraform-files.ts). Each `aws_cloudfront_distribution` resource's
 * `default_cache_behavior` and `ordered_cache_behavior` blocks (also written as `dynamic`
 * blocks), their `lambda_function_association` blocks (static or `dynamic`) followed through
 * `lambda_arn` to the module's `aws_lambda_function` resources, their roles and providers, and
 * their `function_association` blocks (CloudFront Functions). Only what the files state
 * literally is read: a variable, a module output or a `for_each` that needs evaluation leaves
 * the setting unknown, never guessed.
 *
 * The model holds nodes of every file of the module; `reportable` keeps the linted file's, so a
 * finding is reported once, on the file that holds the offending setting, when that file is linted.
 */
export function readTerraformModel(file: AST.ConfigFile, text: string, filename?: string): EdgeModel {
  const siblings = siblingFiles(filename);
  if (!mayBeTerraformDistribution(text) && !siblings.some((s) => mayBeTerraformDistribution(s.text))) {
    return { flavour: 'terraform', functions: [], behaviors: [] };
  }
  const bodies = [file.body];
  for (const sibling of siblings) {
    const ast = sibling.ast();
    if (ast) bodies.push(ast.body);
  }
  const resources = new Map<string, AST.Block>();
  const locals = new Map<string, AST.Attribute>();
  const providers: AST.Block[] = [];
  for (const body of bodies) {
    for (const item of body.items) {
      if (item.type !== 'Block') continue;
      const kind = item.blockType.name;
      const key =
        kind === 'resource' && item.labels.length >= 2
          ? `${item.labels[0]!.value}.${item.labels[1]!.value}`
          : kind === 'data' && item.labels.length >= 2
            ? `data.${item.labels[0]!.value}.${item.labels[1]!.value}`
            : kind === 'module' && item.labels.length === 1 && isLambdaModuleSource(staticValue(findAttribute(item.body, 'source')?.value ?? nothing))
              ? `module.${item.labels[0]!.value}`
              : undefined;
      // Two blocks of one address is an error Terraform reports; the first is read.
      if (key && !resources.has(key)) resources.set(key, item);
      if (kind === 'provider' && item.labels[0]?.value === 'aws') providers.push(item);
      if (kind === 'locals') {
        for (const local of item.body.items) if (local.type === 'Attribute' && !locals.has(local.name.name)) locals.set(local.name.name, local);
      }
    }
  }
  const sourceOf = (node: object) => textOfNode(node, text);
  const functions = new Map<string, EdgeFunction>();
  const behaviors: Behavior[] = [];

  const functionFor = (name: string): EdgeFunction | undefined => {
    let fn = functions.get(name);
    if (fn) return fn;
    if (name.startsWith('module.')) {
      const module = resources.get(name);
      if (!module) return undefined;
      fn = { name, flavour: 'terraform', node: module.labels[0]!, settings: moduleSettingsOf(module, resources, providers), associations: [] };
      functions.set(name, fn);
      return fn;
    }
    const block = resources.get(`aws_lambda_function.${name}`);
    if (!block) return undefined;
    fn = {
      name: `aws_lambda_function.${name}`,
      flavour: 'terraform',
      node: block.labels[1]!,
      settings: settingsOf(block, resources, providers),
      associations: [],
    };
    functions.set(name, fn);
    return fn;
  };

  const expand = (body: AST.Body, type: string, env: Env) => expandBlocks(body, type, env, locals);

  for (const [key, distribution] of resources) {
    if (!key.startsWith('aws_cloudfront_distribution.')) continue;
    for (const instance of resourceInstances(distribution, locals)) {
      const address = `${key}${instance.suffix}`;
      const list: Array<[string, Scoped]> = expand(distribution.body, 'default_cache_behavior', instance.env).map((b) => [`${address} default_cache_behavior`, b]);
      expand(distribution.body, 'ordered_cache_behavior', instance.env).forEach((b, i) => {
        const patternAttribute = findAttribute(b.body, 'path_pattern');
        const patternExpression = patternAttribute ? resolve(patternAttribute.value, b.env) : undefined;
        const pattern = patternExpression ? staticValue(patternExpression) : undefined;
        list.push([`${address} ordered_cache_behavior[${i}]${typeof pattern === 'string' ? ` (${pattern})` : ''}`, b]);
      });
      for (const [name, block] of list) {
        const behavior: Behavior = { name, lambdas: [], cloudFrontFunctions: [] };
        behaviors.push(behavior);
        for (const assoc of expand(block.body, 'function_association', block.env)) {
          const event = eventTypeOf(assoc);
          if (event) behavior.cloudFrontFunctions.push(event);
        }
        for (const assoc of expand(block.body, 'lambda_function_association', block.env)) {
          const event = eventTypeOf(assoc);
          if (!event) continue;
          const arnAttribute = findAttribute(assoc.body, 'lambda_arn');
          const arnExpression = arnAttribute ? resolve(arnAttribute.value, assoc.env) : undefined;
          const { arn, functionName } = arnExpression ? arnOf(arnExpression, resources, sourceOf) : {};
          const fn = functionName ? functionFor(functionName) : undefined;
          const association: Association = { fn, eventType: event.eventType, node: event.node, behavior, ...(arn ? { arn } : {}) };
          const includeBody = findAttribute(assoc.body, 'include_body');
          const includeBodyExpression = includeBody ? resolve(includeBody.value, assoc.env) : undefined;
          if (includeBodyExpression && staticValue(includeBodyExpression) === true) association.includeBody = { value: true, node: includeBodyExpression as SourceNode };
          if (arn?.region && fn && !fn.settings.region) fn.settings.region = { value: arn.region, node: arn.node };
          behavior.lambdas.push(association);
          fn?.associations.push(association);
        }
      }
    }
  }
  return { flavour: 'terraform', functions: [...functions.values()], behaviors, reportable: (node) => !isSiblingNode(node) };
}

/**
 * What an iterator stands for in a block expanded from `for_each`: `<name>.key` and
 * `<name>.value` (`each.key`/`each.value` for a resource's own `for_each`), with the bindings
 * of the blocks around it (a nested `dynamic` may iterate over its parent's value). A binding
 * with no value is an iterator whose collection cannot be read: anything that uses it is unknown.
 */
interface Binding {
  key?: AST.Expression;
  value?: AST.Expression;
  env: Env;
}
type Env = ReadonlyMap<string, Binding>;
const NO_BINDINGS: Env = new Map();

/** A block body with the iterators in scope where it is written. */
export interface Scoped {
  body: AST.Body;
  env: Env;
}

/** What a module's `locals` name: `local.<name>` is the attribute's value. */
type Locals = ReadonlyMap<string, { value: AST.Expression }>;

/**
 * For handler discovery: the `type` blocks of a body, `dynamic "type"` ones expanded when their
 * `for_each` can be read (see expandBlocks); those that cannot are pushed to `unreadable`.
 */
export function expandTerraformBlocks(body: AST.Body, type: string, locals: Locals, parent?: Scoped, unreadable?: AST.Block[]): Scoped[] {
  return expandBlocks(body, type, parent?.env ?? NO_BINDINGS, locals, unreadable);
}

/** An expression of a block with its iterators replaced (see resolve); undefined when that needs evaluation. */
export function resolveInScope(expression: AST.Expression, scope: Scoped): AST.Expression | undefined {
  return resolve(expression, scope.env);
}

/**
 * The blocks of `type` in a body: each static one, and one per element of a `dynamic "type"`
 * block whose `for_each` can be read (a literal list, set or map, `toset`/`tolist`/`tomap` of
 * one, a `local` holding one, or the value of an outer iterator). A `dynamic` block whose
 * collection needs evaluation (a variable, a condition, a `for` expression) gives nothing.
 */
function expandBlocks(body: AST.Body, type: string, env: Env, locals: Locals, unreadable?: AST.Block[]): Scoped[] {
  const out: Scoped[] = [];
  for (const item of body.items) {
    if (item.type !== 'Block') continue;
    if (item.blockType.name === type && item.labels.length === 0) {
      out.push({ body: item.body, env });
      continue;
    }
    if (item.blockType.name !== 'dynamic' || item.labels.length !== 1 || item.labels[0]!.value !== type) continue;
    const content = findBlocks(item.body, 'content')[0];
    const forEach = findAttribute(item.body, 'for_each');
    const iteratorAttribute = findAttribute(item.body, 'iterator');
    const iterator = iteratorAttribute ? referencePath(iteratorAttribute.value) : [type];
    if (!content || !forEach || iterator?.length !== 1) {
      unreadable?.push(item);
      continue;
    }
    const elements = collectionOf(forEach.value, env, locals);
    if (!elements) {
      unreadable?.push(item);
      continue;
    }
    for (const element of elements) {
      const inner = new Map(env);
      inner.set(iterator[0]!, { ...element, env });
      out.push({ body: content.body, env: inner });
    }
  }
  return out;
}

/** The instances of a resource: one, or one per element of a readable `for_each` (`each.key`, `each.value`). */
function resourceInstances(block: AST.Block, locals: Locals): Array<{ suffix: string; env: Env }> {
  const forEach = findAttribute(block.body, 'for_each');
  const count = findAttribute(block.body, 'count');
  const env = new Map<string, Binding>();
  // count.index is never read; a resource with count is read once.
  if (count) env.set('count', { env: NO_BINDINGS });
  if (!forEach) return [{ suffix: '', env }];
  const elements = collectionOf(forEach.value, NO_BINDINGS, locals);
  if (!elements) {
    env.set('each', { env: NO_BINDINGS });
    return [{ suffix: '', env }];
  }
  return elements.map((element, i) => {
    const inner = new Map(env);
    inner.set('each', { ...element, env: NO_BINDINGS });
    const key = element.key ? staticValue(element.key) : undefined;
    return { suffix: `[${typeof key === 'string' ? JSON.stringify(key) : i}]`, env: inner };
  });
}

const MAX_RESOLVE_DEPTH = 16;

/** The elements of a `for_each` collection, each with its key expression (none for a list index). */
function collectionOf(
  expression: AST.Expression,
  env: Env,
  locals: Locals,
  depth = 0,
): Array<{ key?: AST.Expression; value: AST.Expression }> | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  const collection = resolve(expression, env);
  if (!collection) return undefined;
  switch (collection.type) {
    case 'Tuple':
      return collection.elements.map((value) => ({ value }));
    case 'Object':
      return collection.items.map((item) => ({ key: keyExpression(item.key), value: item.value }));
    case 'Parenthesized':
      return collectionOf(collection.expression, env, locals, depth + 1);
    case 'FunctionCall': {
      const name = collection.name.name;
      if (collection.namespace.length > 0 || collection.args.length !== 1 || collection.expandFinal) return undefined;
      if (name !== 'toset' && name !== 'tolist' && name !== 'tomap') return undefined;
      const inner = collectionOf(collection.args[0]!, env, locals, depth + 1);
      // A set's keys are its values.
      return name === 'toset' ? inner?.map((e) => ({ key: e.value, value: e.value })) : inner;
    }
    default: {
      const path = referencePath(collection);
      const local = path?.length === 2 && path[0] === 'local' ? locals.get(path[1]!) : undefined;
      return local ? collectionOf(local.value, NO_BINDINGS, locals, depth + 1) : undefined;
    }
  }
}

/** An object key as an expression with its string value: a bare `viewer-request =` key is the string. */
function keyExpression(key: AST.Expression): AST.Expression {
  if (key.type !== 'Variable') return key;
  const literal: AST.TemplateLiteral = { type: 'TemplateLiteral', value: key.name, range: key.range, loc: key.loc };
  const template: AST.Template = { type: 'Template', parts: [literal], heredoc: null, range: key.range, loc: key.loc };
  sameFileAs(template, key);
  return template;
}

/** Whether an expression uses one of the iterators in scope. */
function usesIterator(expression: AST.Expression, env: Env): boolean {
  const stack: AST.HclNode[] = [expression];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'Variable' && env.has(node.name)) return true;
    stack.push(...childNodes(node));
  }
  return false;
}

/**
 * The expression an attribute stands for once the iterators in scope are replaced: itself
 * when it uses none, the element (or one of its fields) for `<name>.value`, `<name>.value.x`,
 * `<name>.value["x"]`, the key for `<name>.key`, a literal list or map as it is (its
 * elements are resolved when read), and undefined for any other use of an iterator (a
 * function of it, an operator, a condition, a lookup with a default).
 */
function resolve(expression: AST.Expression, env: Env, depth = 0): AST.Expression | undefined {
  if (env.size === 0 || !usesIterator(expression, env)) return expression;
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  // A literal list or map is kept as written: its elements are resolved when one is read.
  if (expression.type === 'Tuple' || expression.type === 'Object') return expression;
  if (expression.type === 'Parenthesized') return resolve(expression.expression, env, depth + 1);
  // "${each.value.arn}" is the value itself.
  if (expression.type === 'Template' && !expression.heredoc && expression.parts.length === 1 && expression.parts[0]!.type === 'TemplateInterpolation') {
    return resolve(expression.parts[0].expression, env, depth + 1);
  }
  const steps = accessSteps(expression);
  if (!steps || steps.length < 2) return undefined;
  const binding = env.get(String(steps[0]));
  if (!binding) return undefined;
  let current: AST.Expression | undefined;
  if (steps[1] === 'key') {
    if (steps.length !== 2) return undefined;
    current = binding.key;
  } else if (steps[1] === 'value') current = binding.value;
  if (!current) return undefined;
  current = resolve(current, binding.env, depth + 1);
  for (const step of steps.slice(2)) {
    const field = current ? fieldOf(current, step) : undefined;
    if (!field) return undefined;
    current = resolve(field, binding.env, depth + 1);
  }
  return current;
}

/** `object.name`, `object["name"]`, `tuple[0]` of a literal object or tuple expression. */
function fieldOf(expression: AST.Expression, step: string | number): AST.Expression | undefined {
  if (expression.type === 'Parenthesized') return fieldOf(expression.expression, step);
  if (expression.type === 'Object' && typeof step === 'string') {
    const matches = expression.items.filter((item) => objectKey(item.key) === step);
    return matches.length === 1 ? matches[0]!.value : undefined;
  }
  if (expression.type === 'Tuple' && typeof step === 'number') return expression.elements[step];
  return undefined;
}

/** `a.b["c"][0]` as `['a', 'b', 'c', 0]`; undefined for anything else. */
function accessSteps(expression: AST.Expression): Array<string | number> | undefined {
  switch (expression.type) {
    case 'Variable':
      return [expression.name];
    case 'GetAttr': {
      const steps = accessSteps(expression.object);
      return steps ? [...steps, expression.name.name] : undefined;
    }
    case 'Index': {
      const steps = accessSteps(expression.object);
      const key = staticValue(expression.key);
      return steps && (typeof key === 'string' || typeof key === 'number') ? [...steps, key] : undefined;
    }
    default:
      return undefined;
  }
}

/** A stand-in expression with no static value, for an absent attribute. */
const nothing: AST.Expression = {
  type: 'Variable',
  name: '',
  range: [0, 0],
  loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
};

function eventTypeOf(assoc: Scoped) {
  const attribute = findAttribute(assoc.body, 'event_type');
  const expression = attribute ? resolve(attribute.value, assoc.env) : undefined;
  const value = expression ? staticValue(expression) : undefined;
  return expression && isEventType(value) ? { eventType: value, node: expression as SourceNode } : undefined;
}

/**
 * A reference as its path of names: `aws_lambda_function.edge[0].qualified_arn` is
 * `['aws_lambda_function', 'edge', 'qualified_arn']` (an index of a `count`/`for_each`
 * resource is skipped); undefined for anything else.
 */
function referencePath(expression: AST.Expression): string[] | undefined {
  switch (expression.type) {
    case 'Variable':
      return [expression.name];
    case 'GetAttr': {
      const path = referencePath(expression.object);
      return path ? [...path, expression.name.name] : undefined;
    }
    case 'Index':
      return referencePath(expression.object);
    case 'Parenthesized':
      return referencePath(expression.expression);
    default:
      return undefined;
  }
}

/** `aws_lambda_function.<name>` or `aws_lambda_alias.<name>` with the attribute read, from a path. */
function resourceRef(path: string[] | undefined): { type: string; name: string; attribute: string | undefined } | undefined {
  if (!path || path.length < 2 || path[0] === 'data' || path[0] === 'var' || path[0] === 'local' || path[0] === 'module') return undefined;
  return { type: path[0]!, name: path[1]!, attribute: path[2] };
}

/** `publish = true`: true, false (absent or false), undefined (not static). */
function publishes(block: AST.Block): boolean | undefined {
  const attribute = findAttribute(block.body, 'publish');
  if (!attribute) return false;
  const value = staticValue(attribute.value);
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false' || value === null) return false;
  return undefined;
}

/** What `lambda_arn` names: a version, the function, `$LATEST`, an alias; and which function. */
function arnOf(
  expression: AST.Expression,
  resources: Map<string, AST.Block>,
  sourceOf: (node: object) => string,
  /** The whole value when `expression` is the one interpolation of a `"${…}"` template. */
  outer: AST.Expression = expression,
): { arn?: Arn; functionName?: string } {
  const node = outer as SourceNode;
  const written = sourceOf(outer).slice(outer.range[0], outer.range[1]);
  const literal = staticValue(expression);
  if (typeof literal === 'string') {
    const match = LAMBDA_ARN.exec(literal);
    if (!match) return { arn: { form: 'unknown', node, text: written } };
    const qualifier = match[2];
    const form = qualifier === undefined ? 'unversioned' : /^\d+$/.test(qualifier) ? 'version' : qualifier === '$LATEST' ? 'latest' : 'alias';
    return { arn: { form, node, text: written, region: match[1]! } };
  }
  // "${aws_lambda_function.edge.qualified_arn}" (the pre-0.12 spelling) is the reference itself.
  const only = expression.type === 'Template' && expression.parts.length === 1 ? expression.parts[0]! : undefined;
  if (only?.type === 'TemplateInterpolation') return arnOf(only.expression, resources, sourceOf, expression);
  // "${aws_lambda_function.edge.arn}:${aws_lambda_function.edge.version}"
  if (expression.type === 'Template') {
    for (const part of expression.parts) {
      if (part.type !== 'TemplateInterpolation') continue;
      const ref = resourceRef(referencePath(part.expression));
      if (ref?.type !== 'aws_lambda_function' || ref.attribute !== 'version') continue;
      const block = resources.get(`aws_lambda_function.${ref.name}`);
      if (!block) return {};
      const published = publishes(block);
      const form = published === undefined ? 'unknown' : published ? 'version' : 'latest';
      return { arn: { form, node, text: written }, functionName: ref.name };
    }
    return { arn: { form: 'unknown', node, text: written } };
  }
  const path = referencePath(expression);
  const module = path?.[0] === 'module' && path[1] ? resources.get(`module.${path[1]}`) : undefined;
  if (module && path) {
    const functionName = `module.${path[1]}`;
    if (path[2] === 'lambda_function_arn' || path[2] === 'lambda_function_invoke_arn') return { arn: { form: 'unversioned', node, text: written }, functionName };
    if (path[2] === 'lambda_function_qualified_arn') {
      // The module publishes a version when lambda_at_edge or publish is true.
      const atEdge = moduleFlag(module, 'lambda_at_edge');
      const published = atEdge === true ? true : atEdge === undefined ? undefined : moduleFlag(module, 'publish');
      const form = published === undefined ? 'unknown' : published ? 'version' : 'latest';
      return { arn: { form, node, text: written }, functionName };
    }
    return { arn: { form: 'unknown', node, text: written }, functionName };
  }
  const ref = resourceRef(path);
  if (ref?.type === 'aws_lambda_function') {
    // `.arn` is the unqualified ARN whatever the function: also when its file of the module does not parse.
    if (ref.attribute === 'arn') return { arn: { form: 'unversioned', node, text: written }, functionName: ref.name };
    const block = resources.get(`aws_lambda_function.${ref.name}`);
    if (!block) return { arn: { form: 'unknown', node, text: written } };
    if (ref.attribute === 'qualified_arn') {
      const published = publishes(block);
      const form = published === undefined ? 'unknown' : published ? 'version' : 'latest';
      return { arn: { form, node, text: written }, functionName: ref.name };
    }
    return { arn: { form: 'unknown', node, text: written }, functionName: ref.name };
  }
  if (ref?.type === 'aws_lambda_alias') {
    const alias = resources.get(`aws_lambda_alias.${ref.name}`);
    const target = alias ? resourceRef(referencePath(findAttribute(alias.body, 'function_name')?.value ?? nothing)) : undefined;
    const functionName = target?.type === 'aws_lambda_function' ? target.name : undefined;
    return { arn: { form: 'alias', node, text: written }, ...(functionName ? { functionName } : {}) };
  }
  return { arn: { form: 'unknown', node, text: written } };
}

/** `name = true` of a module: true, false (absent or false), undefined (not static). */
function moduleFlag(block: AST.Block, name: string): boolean | undefined {
  const attribute = findAttribute(block.body, name);
  if (!attribute) return false;
  const value = staticValue(attribute.value);
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false' || value === null) return false;
  return undefined;
}

/** terraform-aws-modules/lambda from the registry, GitHub or a path ending so. */
export function isLambdaModuleSource(source: unknown): boolean {
  return typeof source === 'string' && /(^|\/)terraform-aws-modules\/lambda(\/aws)?(\/\/|$|\?)|terraform-aws-modules\/terraform-aws-lambda/.test(source);
}

/** The module clamps the timeout to 30 s when lambda_at_edge is true (so 30 s still fails viewer events). */
const MODULE_EDGE_TIMEOUT = 30;

/**
 * The settings a `module "x" { source = "terraform-aws-modules/lambda/aws" }` passes: its
 * inputs are the function's settings (`environment_variables`, `timeout`, `memory_size`,
 * `layers`, `vpc_subnet_ids`, `architectures`, `runtime`, `tracing_mode`, ...). The role the
 * module creates trusts edgelambda.amazonaws.com when `lambda_at_edge = true`; a role of the
 * file passed as `lambda_role` (with `create_role = false`) is read like a function's `role`.
 */
function moduleSettingsOf(block: AST.Block, resources: Map<string, AST.Block>, providers: AST.Block[]): EdgeFunctionSettings {
  const body = block.body;
  const s: EdgeFunctionSettings = {};
  const value = (name: string) => {
    const attribute = findAttribute(body, name);
    return attribute ? { attribute, value: staticValue(attribute.value) } : undefined;
  };
  const scalar = <T>(node: AST.Attribute, v: T): Setting<T> => ({ value: v, node: node.value as SourceNode });
  const flag = (node: SourceNode): Setting<true> => ({ value: true, node });
  const nonEmptyList = (name: string) => {
    const attribute = findAttribute(body, name);
    return attribute?.value.type === 'Tuple' && attribute.value.elements.length > 0 ? attribute : undefined;
  };
  const atEdge = moduleFlag(block, 'lambda_at_edge') === true;

  const variables = findAttribute(body, 'environment_variables');
  const entries = variables ? objectEntries(variables.value) : undefined;
  if (variables && entries && entries.length > 0) s.environment = { value: entries.map((e) => e.key), node: variables.name as SourceNode };
  const timeout = value('timeout');
  if (timeout && typeof timeout.value === 'number') {
    s.timeout = scalar(timeout.attribute, atEdge ? Math.min(timeout.value, MODULE_EDGE_TIMEOUT) : timeout.value);
  }
  const memory = value('memory_size');
  if (memory && typeof memory.value === 'number') s.memorySize = scalar(memory.attribute, memory.value);
  const layers = nonEmptyList('layers');
  if (layers) s.layers = flag(layers.name as SourceNode);
  const subnets = nonEmptyList('vpc_subnet_ids') ?? nonEmptyList('vpc_security_group_ids');
  if (subnets) s.vpc = flag(subnets.name as SourceNode);
  const architectures = findAttribute(body, 'architectures');
  if (architectures?.value.type === 'Tuple') {
    const arm = architectures.value.elements.find((e) => staticValue(e) === 'arm64');
    if (arm) s.architecture = { value: 'arm64', node: arm as SourceNode };
  }
  const runtime = value('runtime');
  if (runtime && typeof runtime.value === 'string') s.runtime = scalar(runtime.attribute, runtime.value);
  const region = moduleRegionOf(block, providers);
  if (region) s.region = region;
  if (moduleFlag(block, 'create_role') === false) {
    const role = roleOf(body, resources, 'lambda_role');
    if (role) s.role = role;
  }
  const dlq = findAttribute(body, 'dead_letter_target_arn');
  if (dlq && staticValue(dlq.value) !== null) s.deadLetterQueue = flag(dlq.name as SourceNode);
  const tracing = value('tracing_mode');
  if (tracing?.value === 'Active') s.tracing = flag(tracing.attribute.value as SourceNode);
  const reserved = value('reserved_concurrent_executions');
  if (reserved && typeof reserved.value === 'number' && reserved.value >= 0) s.reservedConcurrency = scalar(reserved.attribute, reserved.value);
  const provisioned = value('provisioned_concurrent_executions');
  if (provisioned && typeof provisioned.value === 'number' && provisioned.value > 0) s.provisionedConcurrency = scalar(provisioned.attribute, provisioned.value);
  const storage = value('ephemeral_storage_size');
  if (storage && typeof storage.value === 'number') s.ephemeralStorage = scalar(storage.attribute, storage.value);
  const packageType = value('package_type');
  if (packageType?.value === 'Image') s.containerImage = flag(packageType.attribute.value as SourceNode);
  return s;
}

/** `providers = { aws = aws.us_east_1 }` naming a `provider "aws"` block of the file with a literal region. */
function moduleRegionOf(block: AST.Block, providers: AST.Block[]): Setting<string> | undefined {
  const map = findAttribute(block.body, 'providers');
  const entry = map ? objectEntries(map.value)?.find((e) => e.key === 'aws') : undefined;
  if (!entry) {
    const defaults = providers.filter((p) => !findAttribute(p.body, 'alias'));
    const region = defaults.length === 1 ? findAttribute(defaults[0]!.body, 'region') : undefined;
    const v = region ? staticValue(region.value) : undefined;
    return region && typeof v === 'string' ? { value: v, node: region.value as SourceNode, inheritedFrom: 'the default aws provider' } : undefined;
  }
  const path = referencePath(entry.item.value);
  if (!path || path.length !== 2 || path[0] !== 'aws') return undefined;
  const matching = providers.filter((p) => {
    const alias = findAttribute(p.body, 'alias');
    return alias && staticValue(alias.value) === path[1];
  });
  const region = matching.length === 1 ? findAttribute(matching[0]!.body, 'region') : undefined;
  const v = region ? staticValue(region.value) : undefined;
  return region && typeof v === 'string' ? { value: v, node: entry.item.value as SourceNode, inheritedFrom: `provider aws.${path[1]}` } : undefined;
}

/**
 * `filename = data.archive_file.x.output_path` with `source_dir`/`source_file` of a
 * literal path (`"${path.module}/edge"` read as `./edge`): the folder or file zipped. An
 * archive with `excludes` is not measured (what it leaves out is not followed).
 */
function archivedPath(fnBody: AST.Body, resources: Map<string, AST.Block>): (Setting<string> & { skip?: readonly string[] }) | undefined {
  const filename = findAttribute(fnBody, 'filename');
  const path = filename ? referencePath(filename.value) : undefined;
  if (!path || path[0] !== 'data' || path[1] !== 'archive_file' || !path[2]) return undefined;
  const archive = resources.get(`data.archive_file.${path[2]}`);
  if (!archive || findAttribute(archive.body, 'excludes')) return undefined;
  const source = findAttribute(archive.body, 'source_dir') ?? findAttribute(archive.body, 'source_file');
  if (!source) return undefined;
  const written = localPath(source.value);
  return written === undefined ? undefined : { value: written, node: source.value as SourceNode };
}

/** A literal path, or a template of literals and `path.module` / `path.root` (read as `.`). */
function localPath(expression: AST.Expression): string | undefined {
  const literal = staticValue(expression);
  if (typeof literal === 'string') return literal;
  if (expression.type !== 'Template' || expression.heredoc) return undefined;
  let out = '';
  for (const part of expression.parts) {
    if (part.type === 'TemplateLiteral') out += part.value;
    else if (part.type === 'TemplateInterpolation') {
      const ref = referencePath(part.expression);
      if (ref?.length !== 2 || ref[0] !== 'path' || (ref[1] !== 'module' && ref[1] !== 'root')) return undefined;
      out += '.';
    } else return undefined;
  }
  return out;
}

/** The settings one `aws_lambda_function` block writes. */
function settingsOf(block: AST.Block, resources: Map<string, AST.Block>, providers: AST.Block[]): EdgeFunctionSettings {
  const fnBody = block.body;
  const s: EdgeFunctionSettings = {};
  const value = (name: string) => {
    const attribute = findAttribute(fnBody, name);
    return attribute ? { attribute, value: staticValue(attribute.value) } : undefined;
  };
  const scalar = <T>(node: AST.Attribute, v: T): Setting<T> => ({ value: v, node: node.value as SourceNode });
  const flag = (node: SourceNode): Setting<true> => ({ value: true, node });

  const environment = findBlocks(fnBody, 'environment')[0];
  const variables = environment ? findAttribute(environment.body, 'variables') : undefined;
  const entries = variables ? objectEntries(variables.value) : undefined;
  if (environment && entries && entries.length > 0) {
    s.environment = { value: entries.map((e) => e.key), node: environment.blockType as SourceNode };
  }
  const timeout = value('timeout');
  if (timeout && typeof timeout.value === 'number') s.timeout = scalar(timeout.attribute, timeout.value);
  const memory = value('memory_size');
  if (memory && typeof memory.value === 'number') s.memorySize = scalar(memory.attribute, memory.value);
  const layers = findAttribute(fnBody, 'layers');
  if (layers?.value.type === 'Tuple' && layers.value.elements.length > 0) s.layers = flag(layers.name as SourceNode);
  const vpc = findBlocks(fnBody, 'vpc_config')[0];
  // `subnet_ids = []` and `security_group_ids = []` is how a module says "no VPC".
  const emptyList = (name: string) => {
    const attribute = vpc ? findAttribute(vpc.body, name) : undefined;
    const v = attribute ? staticValue(attribute.value) : [];
    return Array.isArray(v) && v.length === 0;
  };
  if (vpc && !(emptyList('subnet_ids') && emptyList('security_group_ids'))) s.vpc = flag(vpc.blockType as SourceNode);
  const architectures = findAttribute(fnBody, 'architectures');
  if (architectures?.value.type === 'Tuple') {
    const arm = architectures.value.elements.find((e) => staticValue(e) === 'arm64');
    if (arm) s.architecture = { value: 'arm64', node: arm as SourceNode };
  }
  const runtime = value('runtime');
  if (runtime && typeof runtime.value === 'string') s.runtime = scalar(runtime.attribute, runtime.value);
  const codePath = archivedPath(fnBody, resources);
  if (codePath) s.codePath = codePath;

  const region = regionOf(block, providers);
  if (region) s.region = region;
  const role = roleOf(fnBody, resources);
  if (role) s.role = role;

  // Not supported, no quoted error yet.
  const dlq = findBlocks(fnBody, 'dead_letter_config')[0];
  if (dlq) s.deadLetterQueue = flag(dlq.blockType as SourceNode);
  const tracing = findBlocks(fnBody, 'tracing_config')[0];
  const mode = tracing ? findAttribute(tracing.body, 'mode') : undefined;
  if (mode && staticValue(mode.value) === 'Active') s.tracing = flag(mode.value as SourceNode);
  const reserved = value('reserved_concurrent_executions');
  // -1, the provider's default, means no reservation.
  if (reserved && typeof reserved.value === 'number' && reserved.value >= 0) s.reservedConcurrency = scalar(reserved.attribute, reserved.value);
  const storage = findBlocks(fnBody, 'ephemeral_storage')[0];
  const size = storage ? findAttribute(storage.body, 'size') : undefined;
  const sizeValue = size ? staticValue(size.value) : undefined;
  if (size && typeof sizeValue === 'number') s.ephemeralStorage = scalar(size, sizeValue);
  const packageType = value('package_type');
  if (packageType?.value === 'Image') s.containerImage = flag(packageType.attribute.value as SourceNode);
  return s;
}

/**
 * The function's region: its own `region` (AWS provider 6), else the `provider "aws"` block
 * it names (`provider = aws.edge`) or the file's one default `provider "aws"`, when that
 * block sets a literal `region`.
 */
function regionOf(block: AST.Block, providers: AST.Block[]): Setting<string> | undefined {
  const own = findAttribute(block.body, 'region');
  if (own) {
    const v = staticValue(own.value);
    return typeof v === 'string' ? { value: v, node: own.value as SourceNode } : undefined;
  }
  const providerAttribute = findAttribute(block.body, 'provider');
  const aliasOf = (p: AST.Block) => {
    const alias = findAttribute(p.body, 'alias');
    return alias ? staticValue(alias.value) : undefined;
  };
  let provider: AST.Block | undefined;
  let from: string;
  if (providerAttribute) {
    const path = referencePath(providerAttribute.value);
    if (!path || path.length !== 2 || path[0] !== 'aws') return undefined;
    const matching = providers.filter((p) => aliasOf(p) === path[1]);
    if (matching.length !== 1) return undefined;
    provider = matching[0];
    from = `provider aws.${path[1]}`;
  } else {
    const defaults = providers.filter((p) => !findAttribute(p.body, 'alias'));
    if (defaults.length !== 1) return undefined;
    provider = defaults[0];
    from = 'the default aws provider';
  }
  const region = provider ? findAttribute(provider.body, 'region') : undefined;
  const v = region ? staticValue(region.value) : undefined;
  if (!region || typeof v !== 'string') return undefined;
  // Reported where the function picks the provider, or on the default provider's region.
  const node = (providerAttribute ? providerAttribute.value : region.value) as SourceNode;
  return { value: v, node, inheritedFrom: from };
}

/**
 * The execution role, when `role` names an `aws_iam_role` of the file whose
 * `assume_role_policy` can be read: `jsonencode({...})`, a JSON string or heredoc, or
 * `data.aws_iam_policy_document.<name>.json` of the file.
 */
function roleOf(fnBody: AST.Body, resources: Map<string, AST.Block>, attribute = 'role'): RoleTrust | undefined {
  const roleAttribute = findAttribute(fnBody, attribute);
  const ref = roleAttribute ? resourceRef(referencePath(roleAttribute.value)) : undefined;
  if (ref?.type !== 'aws_iam_role') return undefined;
  const role = resources.get(`aws_iam_role.${ref.name}`);
  const policy = role ? findAttribute(role.body, 'assume_role_policy') : undefined;
  if (!policy) return undefined;
  const trusted = policyTrustsEdgeLambda(policy.value, resources);
  if (trusted === undefined) return undefined;
  return { name: `aws_iam_role.${ref.name}`, trustsEdgeLambda: trusted, node: policy.name as SourceNode };
}

function policyTrustsEdgeLambda(expression: AST.Expression, resources: Map<string, AST.Block>): boolean | undefined {
  if (expression.type === 'FunctionCall' && expression.name.name === 'jsonencode' && expression.namespace.length === 0 && expression.args.length === 1) {
    const document = staticValue(expression.args[0]!);
    return document === undefined ? undefined : trustsEdgeLambda(document);
  }
  if (expression.type === 'Template') {
    const document = staticTemplate(expression);
    return document === undefined ? undefined : trustsEdgeLambda(document);
  }
  const path = referencePath(expression);
  if (path?.length === 4 && path[0] === 'data' && path[1] === 'aws_iam_policy_document' && path[3] === 'json') {
    const document = resources.get(`data.aws_iam_policy_document.${path[2]}`);
    return document ? policyDocumentTrusts(document) : undefined;
  }
  return undefined;
}

/** A `data "aws_iam_policy_document"`: an allowing statement with a Service principal edgelambda.amazonaws.com. */
function policyDocumentTrusts(document: AST.Block): boolean | undefined {
  if (document.body.items.some((item) => item.type === 'Block' && item.blockType.name === 'dynamic')) return undefined;
  if (findAttribute(document.body, 'source_policy_documents') || findAttribute(document.body, 'override_policy_documents')) return undefined;
  for (const statement of findBlocks(document.body, 'statement')) {
    const effect = findAttribute(statement.body, 'effect');
    const effectValue = effect ? staticValue(effect.value) : 'Allow';
    if (effectValue === undefined) return undefined;
    if (effectValue !== 'Allow') continue;
    for (const principals of findBlocks(statement.body, 'principals')) {
      const type = findAttribute(principals.body, 'type');
      const identifiers = findAttribute(principals.body, 'identifiers');
      const typeValue = type ? staticValue(type.value) : undefined;
      const ids = identifiers ? staticValue(identifiers.value) : undefined;
      if (typeof typeValue !== 'string' || !Array.isArray(ids)) return undefined;
      if (typeValue === '*' || (typeValue === 'AWS' && ids.includes('*'))) return true;
      if (typeValue === 'Service' && ids.includes(EDGE_LAMBDA)) return true;
    }
  }
  return false;
}
