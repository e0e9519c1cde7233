import { isEventType } from '../../event-types.js';
import { collectRefs, splitRef } from '../cloudformation.js';
import { resolveSelf } from '../serverless.js';
import { isMap, type LocatedData } from './located-data.js';
import type { Association, Behavior, EdgeFunction, EdgeFunctionSettings, EdgeModel, RoleTrust, Setting } from './model.js';
import { trustsEdgeLambda } from './trust.js';

/** The built-in event, @silvermine's plugin, serverless-lambda-edge-pre-existing-cloudfront. */
const EDGE_EVENT_KEYS = ['cloudFront', 'lambdaAtEdge', 'preExistingCloudFront'] as const;
type EdgeEventKind = (typeof EDGE_EVENT_KEYS)[number];

/** Serverless' defaults when neither the function nor the provider sets them. */
const DEFAULT_TIMEOUT = 6;
const DEFAULT_MEMORY = 1024;

type Map = Record<string, unknown>;

/**
 * A Serverless service: the functions with Lambda@Edge events (the same three kinds
 * discovery reads), their own settings and those they inherit from `provider`.
 *
 * What the deploy tool does to them matters: the built-in `cloudFront` event deletes
 * `environment` and `vpc`, sets 5 s / 128 MB (viewer) or 30 s (origin) when the function
 * sets none, and always publishes a version; the plugins do none of that, so `provider`
 * values and Serverless' defaults (6 s, 1024 MB) reach CloudFront.
 *
 * A value that is a `${self:…}` variable naming a value of the same file
 * (`timeout: ${self:custom.edgeTimeout}`, `${self:provider.region}`) is read as that value,
 * with discovery's resolver, and reported where the variable is written; any other variable
 * (`${opt:…}`, `${env:…}`, `${ssm:…}`) is left unknown and never reported.
 */
export function readServerlessModel(data: LocatedData): EdgeModel | undefined {
  const root = data.value;
  if (!isMap(root) || !isMap(root.functions)) return undefined;
  const self = (value: unknown) => resolveSelf(root, value);
  const provider = isMap(root.provider) ? root.provider : {};
  const resources = isMap(root.resources) && isMap(root.resources.Resources) ? root.resources.Resources : {};
  const functions: EdgeFunction[] = [];
  const behaviors = new globalThis.Map<string, Behavior>();

  for (const [name, fn] of Object.entries(root.functions)) {
    if (!isMap(fn)) continue;
    const events = edgeEvents(fn, self);
    if (events.length === 0) continue;
    const node = data.keyOf(root.functions, name);
    if (!node) continue;
    const kinds = new Set(events.map((e) => e.kind));
    const nativeOnly = kinds.size === 1 && kinds.has('cloudFront');
    const edgeFunction: EdgeFunction = {
      name: `functions.${name}`,
      flavour: 'serverless',
      node,
      settings: settingsOf(data, provider, fn, nativeOnly, resources, self),
      associations: [],
      ...strippedBy(kinds),
    };
    functions.push(edgeFunction);

    for (const { kind, config } of events) {
      const eventType = self(config.eventType);
      const eventNode = data.valueOf(config, 'eventType');
      if (!isEventType(eventType) || !eventNode) continue;
      const where =
        kind === 'cloudFront'
          ? `cloudFront${typeof config.origin === 'string' ? ` ${config.origin}` : ''}`
          : `${kind} ${String(config.distribution ?? config.distributionId ?? '')}`;
      const rawPattern = self(config.pathPattern);
      // No pathPattern: the default behavior ('*'). One that is not a plain string (`!Ref X`,
      // `${param:x}`) is not known: a behavior of its own, never shared with another.
      const known = rawPattern === undefined || (typeof rawPattern === 'string' && !rawPattern.includes('${'));
      const pattern = rawPattern === undefined ? '*' : known ? (rawPattern as string) : undefined;
      const key = pattern === undefined ? `${where}\0?${behaviors.size}` : `${where}\0${pattern}`;
      let behavior = behaviors.get(key);
      const label = pattern === undefined ? 'a pathPattern not known' : `pathPattern '${pattern}'`;
      if (!behavior) behaviors.set(key, (behavior = { name: `${where.trim()} ${label}`, lambdas: [], cloudFrontFunctions: [] }));
      const association: Association = { fn: edgeFunction, eventType, node: eventNode, behavior };
      const includeBodyNode = data.valueOf(config, 'includeBody');
      if (self(config.includeBody) === true && includeBodyNode) association.includeBody = { value: true, node: includeBodyNode };
      if (kind === 'preExistingCloudFront') {
        // The plugin associates the latest published version, or $LATEST when none is published.
        const off = self(fn.versionFunction) === false ? fn : self(provider.versionFunctions) === false ? provider : undefined;
        const key = off === fn ? 'versionFunction' : 'versionFunctions';
        const offNode = off ? data.valueOf(off, key) : undefined;
        if (offNode) association.arn = { form: 'latest', node: offNode, text: `${off === fn ? `functions.${name}` : 'provider'}.${key}: false` };
      }
      behavior.lambdas.push(association);
      edgeFunction.associations.push(association);
    }
    // The plugins keep Serverless' defaults, which exceed the viewer quotas; a value that is
    // written but not known (`${opt:timeout}`, a call in serverless.ts) is not a default.
    if (!nativeOnly && edgeFunction.associations.length > 0) {
      const at = edgeFunction.associations[0]!.node;
      const written = (key: string) => (fn[key] ?? provider[key]) != null;
      if (!written('timeout')) edgeFunction.settings.timeout ??= { value: DEFAULT_TIMEOUT, node: at, inheritedFrom: "Serverless' default" };
      if (!written('memorySize')) edgeFunction.settings.memorySize ??= { value: DEFAULT_MEMORY, node: at, inheritedFrom: "Serverless' default" };
    }
  }
  return { flavour: 'serverless', functions, behaviors: [...behaviors.values()] };
}

/**
 * The built-in event deletes `Environment` and `VpcConfig`; @silvermine's plugin deletes
 * `Environment`. The pre-existing-CloudFront plugin deletes nothing.
 */
function strippedBy(kinds: ReadonlySet<EdgeEventKind>): Pick<EdgeFunction, 'stripped'> {
  if (kinds.has('preExistingCloudFront')) return {};
  return { stripped: new Set(kinds.has('lambdaAtEdge') ? ['environment'] : ['environment', 'vpc']) };
}

function edgeEvents(fn: Map, self: (value: unknown) => unknown): Array<{ kind: EdgeEventKind; config: Map }> {
  const found: Array<{ kind: EdgeEventKind; config: Map }> = [];
  for (const holder of [fn, ...(Array.isArray(fn.events) ? fn.events : [])]) {
    if (!isMap(holder)) continue;
    for (const kind of EDGE_EVENT_KEYS) {
      // `cloudFront` and `preExistingCloudFront` are events; `lambdaAtEdge` sits on the function.
      if ((holder === fn) !== (kind === 'lambdaAtEdge')) continue;
      const value = self(holder[kind]);
      for (const config of Array.isArray(value) ? value : [value]) if (isMap(config)) found.push({ kind, config });
    }
  }
  return found;
}

function settingsOf(
  data: LocatedData,
  provider: Map,
  fn: Map,
  nativeOnly: boolean,
  resources: Map,
  self: (value: unknown) => unknown,
): EdgeFunctionSettings {
  /** The function's own value, else (when `inherit`) the provider's. */
  const read = (key: string, inherit = true): { holder: Map; inheritedFrom?: string } | undefined => {
    if (fn[key] !== undefined && fn[key] !== null) return { holder: fn };
    if (inherit && provider[key] !== undefined && provider[key] !== null) return { holder: provider, inheritedFrom: `provider.${key}` };
    return undefined;
  };
  const setting = <T>(key: string, value: (raw: unknown) => T | undefined, inherit = true): Setting<T> | undefined => {
    const found = read(key, inherit);
    if (!found) return undefined;
    const v = value(self(found.holder[key]));
    const node = data.settingNode(found.holder, key);
    if (v === undefined || !node) return undefined;
    return { value: v, node, ...(found.inheritedFrom ? { inheritedFrom: found.inheritedFrom } : {}) };
  };
  const number = (raw: unknown) => (typeof raw === 'number' ? raw : undefined);
  const present = (raw: unknown) => (raw === false ? undefined : (true as const));
  const s: EdgeFunctionSettings = {};
  const env = setting('environment', (raw) => (isMap(raw) && Object.keys(raw).length > 0 ? Object.keys(raw) : undefined));
  if (env) s.environment = env;
  // The built-in event replaces a provider-level timeout and memory size with the event's maximum.
  const timeout = setting('timeout', number, !nativeOnly);
  if (timeout) s.timeout = timeout;
  const memory = setting('memorySize', number, !nativeOnly);
  if (memory) s.memorySize = memory;
  const layers = setting('layers', (raw) => (Array.isArray(raw) && raw.length > 0 ? (true as const) : undefined));
  if (layers) s.layers = layers;
  const vpc = setting('vpc', (raw) => (isMap(raw) && Object.keys(raw).length > 0 ? (true as const) : undefined));
  if (vpc) s.vpc = vpc;
  const arch = setting('architecture', (raw) => (raw === 'arm64' ? 'arm64' : undefined));
  if (arch) s.architecture = arch;
  const runtime = setting('runtime', (raw) => (typeof raw === 'string' && !raw.includes('${') ? raw : undefined));
  if (runtime) s.runtime = runtime;
  const regionNode = data.valueOf(provider, 'region');
  const region = self(provider.region);
  if (typeof region === 'string' && !region.includes('${') && regionNode) {
    s.region = { value: region, node: regionNode, inheritedFrom: 'provider.region' };
  }
  const dlq = setting('onError', present, false);
  if (dlq) s.deadLetterQueue = dlq;
  const tracing = setting('tracing', (raw) => (raw === 'Active' || raw === true ? (true as const) : undefined), false);
  if (tracing) s.tracing = tracing;
  else {
    const providerTracing = isMap(provider.tracing) ? provider.tracing : undefined;
    const node = providerTracing ? data.valueOf(providerTracing, 'lambda') : undefined;
    const lambda = providerTracing ? self(providerTracing.lambda) : undefined;
    if (providerTracing && (lambda === true || lambda === 'Active') && node) {
      s.tracing = { value: true, node, inheritedFrom: 'provider.tracing.lambda' };
    }
  }
  const reserved = setting('reservedConcurrency', number, false);
  if (reserved) s.reservedConcurrency = reserved;
  const provisioned = setting('provisionedConcurrency', number, false);
  if (provisioned && provisioned.value > 0) s.provisionedConcurrency = provisioned;
  const storage = setting('ephemeralStorageSize', number);
  if (storage) s.ephemeralStorage = storage;
  const image = setting('image', present, false);
  if (image) s.containerImage = image;
  const management = setting('runtimeManagement', (raw) => {
    const mode = isMap(raw) ? raw.mode : raw;
    return typeof mode === 'string' && mode !== 'auto' ? mode : undefined;
  });
  if (management) s.runtimeManagement = management;
  const role = roleOf(data, provider, fn, resources, self);
  if (role) s.role = role;
  return s;
}

/**
 * A custom execution role defined under `resources.Resources` (named by `functions.f.role`,
 * `provider.iam.role` or `provider.role`, as a logical id or `!GetAtt Role.Arn`). The
 * default role gets edgelambda.amazonaws.com from the event or the plugin.
 */
function roleOf(data: LocatedData, provider: Map, fn: Map, resources: Map, self: (value: unknown) => unknown): RoleTrust | undefined {
  const iam = isMap(provider.iam) ? provider.iam : undefined;
  const iamRole = iam ? self(iam.role) : undefined;
  const raw = self(fn.role) ?? (iam && typeof iamRole !== 'object' ? iamRole : isMap(iamRole) && ('Fn::GetAtt' in iamRole || 'Ref' in iamRole) ? iamRole : undefined) ?? self(provider.role);
  let id: string | undefined;
  if (typeof raw === 'string') id = raw;
  else {
    const refs: string[] = [];
    if (raw !== undefined && collectRefs(raw, refs, () => {}) && refs.length > 0) id = splitRef(refs[0]!)[0];
  }
  const role = id ? resources[id] : undefined;
  if (!id || !isMap(role) || role.Type !== 'AWS::IAM::Role' || !isMap(role.Properties)) return undefined;
  const trusted = trustsEdgeLambda(role.Properties.AssumeRolePolicyDocument);
  const node = data.keyOf(role.Properties, 'AssumeRolePolicyDocument') ?? data.keyOf(resources, id);
  return trusted === undefined || !node ? undefined : { name: id, trustsEdgeLambda: trusted, node };
}
