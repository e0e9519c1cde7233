import { dirname } from 'node:path';
import type { DiscoveryContext } from './context.js';
import { functionSources, type FunctionSource } from './serverless-includes.js';
import type { YamlData } from './yaml-data.js';

/** File names the Serverless Framework reads by default. */
export const SERVERLESS_FILE = /^serverless\.(ya?ml|json)$/;

const EDGE_EVENT_KEYS = ['cloudFront', 'lambdaAtEdge', 'preExistingCloudFront'] as const;

/**
 * Serverless Framework: `functions.<name>.handler` with `events` of kind `cloudFront`
 * (built in) or `preExistingCloudFront` (serverless-lambda-edge-pre-existing-cloudfront),
 * or the function-level `lambdaAtEdge` of @silvermine/serverless-plugin-cloudfront-lambda-edge
 * (an object or a list).
 * `${self:...}` of the same file is resolved; other variables are left as text, and a handler or
 * event type that is one is reported. Functions in other files (`${file(./fns.yml)}`) are read
 * from there (serverless-includes.ts).
 */
export function readServerless(ctx: DiscoveryContext, file: string, data: YamlData): void {
  const root = data.value;
  // An empty file (or one of comments only): a placeholder, no service to read or report.
  if (root === null || root === undefined) return;
  if (!isObject(root)) {
    ctx.problem(file, undefined, 'is not a Serverless service definition (the top level is not a map).', 'invalid');
    return;
  }
  const functions = root.functions;
  if (functions === undefined) return;
  const serviceDir = dirname(file);
  const notFollowed = (what: string, value: string, line: number | undefined) => {
    // In serverless.ts, functions imported from another module (`functions: fns`) are reported
    // only in a service that shows CloudFront somewhere: an API service that keeps them in
    // another file is not the plugin's to follow.
    if (!/\.[cm]?[jt]s$/.test(file) || mentionsCloudFront(root)) {
      ctx.problem(file, line, `${what} is '${value}', which is not followed; list the functions in this file or use settings['lambda-edge'].handlers.`, 'unresolved');
    }
  };
  for (const source of functionSources(ctx, file, data, functions, serviceDir, notFollowed)) {
    for (const [name, fn] of Object.entries(source.functions)) {
      if (isObject(fn)) readFunction(ctx, source, root, serviceDir, name, fn);
    }
  }
}

function readFunction(
  ctx: DiscoveryContext,
  { file, data, functions }: FunctionSource,
  root: Record<string, unknown>,
  serviceDir: string,
  name: string,
  fn: Record<string, unknown>,
): void {
  const self = (value: unknown) => resolveSelf(root, value);
  // The silvermine plugin puts `lambdaAtEdge` on the function itself; the others are events.
  const edgeEvents = collectEdgeEvents([fn, ...(Array.isArray(fn.events) ? fn.events : [])], data);
  if (edgeEvents.length === 0) {
    // A regional function: its export is not edge code, even in a file that also holds one.
    const handler = self(fn.handler);
    if (typeof handler === 'string') ctx.noteRegional(serviceDir, handler);
    return;
  }
  const handlerLine = data.lineOf(fn, 'handler') ?? data.lineOf(functions, name);
  const what = `functions.${name}`;
  const handler = self(fn.handler);
  if (typeof handler !== 'string') {
    // A container image (`image:`) has no handler and no source in the project.
    ctx.problem(file, handlerLine, `${what} has Lambda@Edge events but no handler string.`, fn.image === undefined ? 'unresolved' : 'remote');
    return;
  }
  if (handler.includes('${')) {
    ctx.problem(file, handlerLine, `${what}.handler '${handler}' uses a variable, which is not resolved.`, 'unresolved');
    return;
  }
  const resolved = ctx.resolveHandler(serviceDir, handler, file, handlerLine, what);
  if (!resolved) return;
  const provider = isObject(root.provider) ? root.provider : {};
  const runtime = self(fn.runtime ?? provider.runtime);
  const target = typeof runtime === 'string' && !runtime.includes('${') ? { ...resolved, runtime } : resolved;
  for (const event of edgeEvents) {
    const raw = self(event.config.eventType);
    if (typeof raw === 'string' && raw.includes('${')) {
      ctx.problem(file, event.line, `${what} ${event.kind} eventType '${raw}' uses a variable, which is not resolved.`, 'unresolved');
      continue;
    }
    const eventType = ctx.eventType(raw, file, event.line, `${what} ${event.kind}`);
    if (!eventType) continue;
    ctx.bind('serverless', target, eventType, file, event.line, self(event.config.includeBody) === true);
  }
}

/** Any sign of CloudFront in the service: an edge event key, a CloudFront resource or an edge plugin's name. */
const CLOUDFRONT_SIGN = /cloudFront|lambdaAtEdge|preExistingCloudFront|AWS::CloudFront::|cloudfront|lambda-edge|lambda-at-edge|edge-lambda/;

function mentionsCloudFront(root: Record<string, unknown>): boolean {
  try {
    return CLOUDFRONT_SIGN.test(JSON.stringify({ ...root, functions: undefined }));
  } catch {
    return true;
  }
}

interface EdgeEvent {
  kind: (typeof EDGE_EVENT_KEYS)[number];
  config: Record<string, unknown>;
  line: number;
}

function collectEdgeEvents(holders: unknown[], data: YamlData): EdgeEvent[] {
  const found: EdgeEvent[] = [];
  for (const event of holders) {
    if (!isObject(event)) continue;
    for (const kind of EDGE_EVENT_KEYS) {
      const value = event[kind];
      if (value === undefined) continue;
      const configs = Array.isArray(value) ? value : [value];
      for (const config of configs) {
        if (!isObject(config)) continue;
        const line = data.lineOf(config, 'eventType') ?? data.lineOf(config) ?? data.lineOf(event, kind) ?? 1;
        found.push({ kind, config, line });
      }
    }
  }
  return found;
}

const SELF_REFERENCE = /\$\{self:([\w.-]+)(?:\s*,\s*(?:'([^']*)'|"([^"]*)"))?\}/g;

/**
 * Resolves `${self:a.b}` references to values of the same file (`${self:custom.edgeEvent}`),
 * with a quoted fallback (`${self:custom.x, 'viewer-request'}`). A string that is one whole
 * reference becomes the value it names (a number, a boolean); references inside a string are
 * replaced by text. What does not resolve is left as written, so the caller reports it.
 */
export function resolveSelf(root: unknown, value: unknown, depth = 0): unknown {
  if (typeof value !== 'string' || !value.includes('${self:') || depth > 8) return value;
  const lookup = (path: string, fallback: string | undefined): unknown => {
    let node: unknown = root;
    for (const part of path.split('.')) {
      if (!isObject(node) && !Array.isArray(node)) return fallback;
      node = (node as Record<string, unknown>)[part];
      if (node === undefined) return fallback;
    }
    return resolveSelf(root, node, depth + 1);
  };
  const whole = /^\$\{self:([\w.-]+)(?:\s*,\s*(?:'([^']*)'|"([^"]*)"))?\}$/.exec(value);
  if (whole) return lookup(whole[1]!, whole[2] ?? whole[3]) ?? value;
  return value.replace(SELF_REFERENCE, (text, path: string, a?: string, b?: string) => {
    const found = lookup(path, a ?? b);
    return typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean' ? String(found) : text;
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
