import { isEventType, type EventType } from '../../event-types.js';
import { includesWord, probe } from '../../text-search.js';
import { collectRefs, functionOfVersion, splitRef } from '../cloudformation.js';
import { isMap, type LocatedData } from './located-data.js';
import type { Arn, Association, Behavior, EdgeFunction, EdgeFunctionSettings, EdgeModel, RoleTrust, Setting, SourceNode } from './model.js';
import { trustsEdgeLambda } from './trust.js';

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);

const DISTRIBUTION_TYPE = probe('AWS::CloudFront::Distribution', 'WS::');

/** Cheap test before a template is read: `AWS::CloudFront::Distribution` in it. */
export function mayBeDistributionTemplate(text: string): boolean {
  return includesWord(text, DISTRIBUTION_TYPE);
}

/**
 * SAM and CloudFormation templates: each `AWS::CloudFront::Distribution`'s cache behaviors,
 * their `LambdaFunctionAssociations` followed through `LambdaFunctionARN` (the same
 * references discovery follows) to the functions of the template, and their
 * `FunctionAssociations` (CloudFront Functions).
 */
export function readTemplateModel(data: LocatedData): EdgeModel | undefined {
  const root = data.value;
  if (!isMap(root) || !isMap(root.Resources)) return undefined;
  const resources = root.Resources;
  const transform = root.Transform;
  const isSam = (Array.isArray(transform) ? transform : [transform]).some(
    (t) => typeof t === 'string' && t.startsWith('AWS::Serverless'),
  );
  const flavour = isSam ? 'sam' : 'cloudformation';
  const globals = isMap(root.Globals) && isMap(root.Globals.Function) ? root.Globals.Function : undefined;
  const functions = new Map<string, EdgeFunction>();
  const behaviors: Behavior[] = [];

  const functionFor = (id: string): EdgeFunction | undefined => {
    let fn = functions.get(id);
    if (fn) return fn;
    const resource = resources[id];
    if (!isMap(resource) || !FUNCTION_TYPES.has(resource.Type as string)) return undefined;
    const node = data.keyOf(resources, id);
    if (!node) return undefined;
    const sam = resource.Type === 'AWS::Serverless::Function';
    fn = {
      name: id,
      flavour,
      node,
      settings: settingsOf(data, resources, id, resource, sam ? globals : undefined, root.Globals),
      associations: [],
    };
    functions.set(id, fn);
    return fn;
  };

  for (const [distId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || resource.Type !== 'AWS::CloudFront::Distribution') continue;
    const config = isMap(resource.Properties) ? resource.Properties.DistributionConfig : undefined;
    if (!isMap(config)) continue;
    const list: Array<[string, unknown]> = [[`${distId} DefaultCacheBehavior`, config.DefaultCacheBehavior]];
    if (Array.isArray(config.CacheBehaviors)) {
      config.CacheBehaviors.forEach((b, i) => {
        const pattern = isMap(b) && typeof b.PathPattern === 'string' ? ` (${b.PathPattern})` : '';
        list.push([`${distId} CacheBehaviors[${i}]${pattern}`, b]);
      });
    }
    for (const [name, raw] of list) {
      if (!isMap(raw)) continue;
      const behavior: Behavior = { name, lambdas: [], cloudFrontFunctions: [] };
      behaviors.push(behavior);
      for (const assoc of Array.isArray(raw.FunctionAssociations) ? raw.FunctionAssociations : []) {
        const eventType = eventTypeOf(assoc);
        const node = isMap(assoc) ? data.valueOf(assoc, 'EventType') : undefined;
        if (eventType && node) behavior.cloudFrontFunctions.push({ eventType, node });
      }
      for (const assoc of Array.isArray(raw.LambdaFunctionAssociations) ? raw.LambdaFunctionAssociations : []) {
        if (!isMap(assoc)) continue;
        const eventType = eventTypeOf(assoc);
        const node = data.valueOf(assoc, 'EventType');
        if (!eventType || !node) continue;
        const { arn, functionId } = arnOf(data, resources, assoc);
        const fn = functionId ? functionFor(functionId) : undefined;
        const association: Association = { fn, eventType, node, behavior, ...(arn ? { arn } : {}) };
        const includeBodyNode = data.valueOf(assoc, 'IncludeBody');
        if (includeBodyNode && assoc.IncludeBody === true) association.includeBody = { value: true, node: includeBodyNode };
        if (arn?.region && fn && !fn.settings.region) fn.settings.region = { value: arn.region, node: arn.node };
        behavior.lambdas.push(association);
        fn?.associations.push(association);
      }
    }
  }
  return { flavour, functions: [...functions.values()], behaviors };
}

function eventTypeOf(assoc: unknown): EventType | undefined {
  return isMap(assoc) && isEventType(assoc.EventType) ? assoc.EventType : undefined;
}

const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:([a-z0-9-]+):\d*:function:[^:]+(?::(.+))?$/;

/** What `LambdaFunctionARN` names: a version, the function, `$LATEST`, an alias. */
function arnOf(
  data: LocatedData,
  resources: Record<string, unknown>,
  assoc: Record<string, unknown>,
): { arn?: Arn; functionId?: string } {
  const value = assoc.LambdaFunctionARN;
  const node = data.settingNode(assoc, 'LambdaFunctionARN') ?? data.keyOf(assoc, 'LambdaFunctionARN');
  if (!node) return {};
  if (typeof value === 'string') {
    const match = LAMBDA_ARN.exec(value);
    if (!match) return { arn: { form: 'unknown', node, text: value } };
    const qualifier = match[2];
    const form = qualifier === undefined ? 'unversioned' : /^\d+$/.test(qualifier) ? 'version' : qualifier === '$LATEST' ? 'latest' : 'alias';
    return { arn: { form, node, text: value, region: match[1]! } };
  }
  const refs: string[] = [];
  if (!collectRefs(value, refs, () => {})) return { arn: { form: 'unknown', node, text: 'an expression' } };
  for (const ref of refs) {
    const [id, attribute] = splitRef(ref);
    const resource = resources[id];
    if (!isMap(resource)) continue;
    const text = describeRef(value, ref);
    if (resource.Type === 'AWS::Lambda::Version') {
      return { arn: { form: 'version', node, text }, functionId: functionOfVersion(resource) };
    }
    if (resource.Type === 'AWS::Lambda::Alias') {
      const target = isMap(resource.Properties) ? resource.Properties.FunctionName : undefined;
      const fnRefs: string[] = [];
      collectRefs(target, fnRefs, () => {});
      return { arn: { form: 'alias', node, text }, functionId: fnRefs.map((r) => splitRef(r)[0])[0] };
    }
    if (FUNCTION_TYPES.has(resource.Type as string)) {
      const form = attribute === 'Version' ? 'version' : attribute === 'Alias' ? 'alias' : 'unversioned';
      return { arn: { form, node, text }, functionId: id };
    }
  }
  return { arn: { form: 'unknown', node, text: 'a reference' } };
}

function describeRef(value: unknown, ref: string): string {
  if (isMap(value) && 'Ref' in value) return `!Ref ${ref}`;
  if (isMap(value) && 'Fn::GetAtt' in value) return `!GetAtt ${ref}`;
  return ref;
}

type Props = Record<string, unknown>;

/**
 * The settings of one function: its own `Properties`, then SAM's `Globals.Function` for
 * what it does not set.
 */
function settingsOf(
  data: LocatedData,
  resources: Record<string, unknown>,
  id: string,
  resource: Props,
  globals: Props | undefined,
  globalsRoot: unknown,
): EdgeFunctionSettings {
  const props = isMap(resource.Properties) ? resource.Properties : {};
  const sam = resource.Type === 'AWS::Serverless::Function';
  const read = (key: string): { holder: Props; value: unknown; inheritedFrom?: string } | undefined => {
    if (key in props) return { holder: props, value: props[key] };
    if (globals && key in globals) return { holder: globals, value: globals[key], inheritedFrom: 'Globals.Function' };
    return undefined;
  };
  const setting = <T>(key: string, value: T): Setting<T> | undefined => {
    const found = read(key);
    if (!found) return undefined;
    const node = data.settingNode(found.holder, key);
    if (!node) return undefined;
    return { value, node, ...(found.inheritedFrom ? { inheritedFrom: found.inheritedFrom } : {}) };
  };
  const value = (key: string) => read(key)?.value;
  const s: EdgeFunctionSettings = {};

  const env = value('Environment');
  const variables = isMap(env) ? env.Variables : undefined;
  if (isMap(variables) && Object.keys(variables).length > 0) s.environment = setting('Environment', Object.keys(variables));
  const timeout = value('Timeout');
  if (typeof timeout === 'number') s.timeout = setting('Timeout', timeout);
  const memory = value('MemorySize');
  if (typeof memory === 'number') s.memorySize = setting('MemorySize', memory);
  const layers = value('Layers');
  if (Array.isArray(layers) ? layers.length > 0 : layers !== undefined && layers !== null) s.layers = setting('Layers', true);
  const vpc = value('VpcConfig');
  if (isMap(vpc) && Object.keys(vpc).length > 0) s.vpc = setting('VpcConfig', true);
  const architectures = value('Architectures');
  if (Array.isArray(architectures) && architectures.includes('arm64')) {
    const found = read('Architectures')!;
    const index = architectures.indexOf('arm64');
    const node = data.valueOf(found.holder.Architectures, index) ?? data.keyOf(found.holder, 'Architectures');
    if (node) s.architecture = { value: 'arm64', node, ...(found.inheritedFrom ? { inheritedFrom: found.inheritedFrom } : {}) };
  }
  const runtime = value('Runtime');
  if (typeof runtime === 'string') s.runtime = setting('Runtime', runtime);
  // `sam build` installs the production dependencies again: the folder's node_modules is not measured.
  const code = sam ? value('CodeUri') : value('Code');
  if (typeof code === 'string' && !/^(s3|https?):\/\//i.test(code)) {
    const codeSetting = setting(sam ? 'CodeUri' : 'Code', code);
    if (codeSetting) s.codePath = { ...codeSetting, ...(sam ? { skip: ['node_modules'] } : {}) };
  }

  // Not supported, no quoted error yet.
  if (value('DeadLetterConfig') !== undefined) s.deadLetterQueue = setting('DeadLetterConfig', true);
  else if (sam && value('DeadLetterQueue') !== undefined) s.deadLetterQueue = setting('DeadLetterQueue', true);
  const tracingConfig = value('TracingConfig');
  if (isMap(tracingConfig) && tracingConfig.Mode === 'Active') s.tracing = setting('TracingConfig', true);
  else if (sam && value('Tracing') === 'Active') s.tracing = setting('Tracing', true);
  const reserved = value('ReservedConcurrentExecutions');
  if (typeof reserved === 'number') s.reservedConcurrency = setting('ReservedConcurrentExecutions', reserved);
  const provisioned = value('ProvisionedConcurrencyConfig');
  if (isMap(provisioned)) {
    const n = provisioned.ProvisionedConcurrentExecutions;
    s.provisionedConcurrency = setting('ProvisionedConcurrencyConfig', typeof n === 'number' ? n : 1);
  }
  const storage = value('EphemeralStorage');
  if (isMap(storage) && typeof storage.Size === 'number') s.ephemeralStorage = setting('EphemeralStorage', storage.Size);
  if (value('PackageType') === 'Image') s.containerImage = setting('PackageType', true);
  else if (sam && value('ImageUri') !== undefined) s.containerImage = setting('ImageUri', true);
  const management = value('RuntimeManagementConfig');
  if (isMap(management) && typeof management.UpdateRuntimeOn === 'string' && management.UpdateRuntimeOn !== 'Auto') {
    s.runtimeManagement = setting('RuntimeManagementConfig', management.UpdateRuntimeOn);
  }

  const role = roleOf(data, resources, id, props, sam);
  if (role) s.role = role;
  void globalsRoot;
  return s;
}

/**
 * The execution role, when the template shows its trust policy: an `AWS::IAM::Role` of the
 * template named by `Role`, or the role SAM generates (which trusts lambda.amazonaws.com
 * alone unless the function sets `AssumeRolePolicyDocument`).
 */
function roleOf(data: LocatedData, resources: Record<string, unknown>, id: string, props: Props, sam: boolean): RoleTrust | undefined {
  const roleValue = props.Role;
  if (roleValue === undefined) {
    if (!sam) return undefined;
    const doc = props.AssumeRolePolicyDocument;
    if (doc !== undefined) {
      const trusted = trustsEdgeLambda(doc);
      const node = data.keyOf(props, 'AssumeRolePolicyDocument');
      return trusted === undefined || !node ? undefined : { name: `${id}Role`, trustsEdgeLambda: trusted, node };
    }
    const node = data.keyOf(resources, id);
    return node ? { name: `${id}Role`, trustsEdgeLambda: false, node, generated: true } : undefined;
  }
  const refs: string[] = [];
  if (!collectRefs(roleValue, refs, () => {})) return undefined;
  for (const ref of refs) {
    const [roleId] = splitRef(ref);
    const role = resources[roleId];
    if (!isMap(role) || role.Type !== 'AWS::IAM::Role' || !isMap(role.Properties)) continue;
    const trusted = trustsEdgeLambda(role.Properties.AssumeRolePolicyDocument);
    const node = data.keyOf(role.Properties, 'AssumeRolePolicyDocument') ?? data.keyOf(resources, roleId);
    if (trusted === undefined || !node) return undefined;
    return { name: roleId, trustsEdgeLambda: trusted, node };
  }
  return undefined;
}

export type { SourceNode };
