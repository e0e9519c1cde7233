import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unconditionalIn } from '../estree/control-flow.js';
import { enclosingFunction, outerParent, within } from '../estree/nodes.js';
import { eventTypesAt, handlerAt } from './narrowing.js';
import { effectiveProperties, resultSources } from './responses.js';
import type { FileState } from './state.js';
import { branchTarget } from './targets.js';
import type { FieldSetting, GeneratedResponse, Handler, MemberAccess, ResponseField, ResponseTarget } from './types.js';

const FIELDS: ReadonlySet<string> = new Set<ResponseField>(['status', 'statusDescription', 'body', 'bodyEncoding', 'headers', 'statusCode']);

/**
 * The responses view: every response the file's handlers build or receive, with one shape
 * for the settings of its fields, so that rules about `status`, `body` and `bodyEncoding` filter
 * instead of gathering. Built on first use from the responses and accesses phases.
 */
export function responseTargets(m: FileState): ResponseTarget[] {
  if (m.responseTargets) return m.responseTargets;
  const targets: ResponseTarget[] = [];
  const attached = new Set<MemberAccess>();
  for (const response of m.responses.values()) {
    targets.push(generatedTarget(response));
    for (const write of response.writes) attached.add(write);
  }
  targets.push(...apiShapedTargets(m));
  const byHandler = new Map<string, Map<Handler | undefined, ResponseTarget>>();
  for (const access of m.accesses) {
    if (access.op === 'read' || access.name === undefined || !FIELDS.has(access.name)) continue;
    if (access.node.type !== AST_NODE_TYPES.MemberExpression || attached.has(access)) continue;
    const kind = access.objectKind === 'response' ? 'received' : access.objectKind === 'generated' ? 'unattached' : undefined;
    if (!kind) continue;
    const handler = handlerAt(m, access.node);
    let perHandler = byHandler.get(kind);
    if (!perHandler) byHandler.set(kind, (perHandler = new Map()));
    let target = perHandler.get(handler);
    if (!target) {
      target = makeTarget(kind, undefined, handler, (setting) => eventTypesAt(m, setting.reportNode));
      perHandler.set(handler, target);
      targets.push(target);
    }
    target.settings.push(assignment(access));
  }
  m.responseTargets = targets;
  return targets;
}

/**
 * `{ statusCode: 401, ... }` handed back by a handler, where the path to it runs for a CloudFront
 * event: in the handler itself (unless a condition such as `'Records' in event` puts it in the
 * other event's branch), or returned unconditionally by a local helper. A helper's literal behind
 * a condition it cannot read (`if (kind === 'apigateway')`) is left out.
 */
function apiShapedTargets(m: FileState): ResponseTarget[] {
  const out: ResponseTarget[] = [];
  const seen = new Set<TSESTree.ObjectExpression>();
  for (const handler of m.handlers) {
    for (const result of handler.results) {
      const found = resultSources(m, result);
      // Most results hand back only responses already known (or nothing literal): then there is
      // nothing to look at, and no need to ask which target's path the result is on.
      if (!found.some(({ obj }) => !seen.has(obj) && !m.responses.has(obj))) continue;
      if (branchTarget(m, result) === 'other') continue;
      for (const { obj } of found) {
        if (seen.has(obj) || m.responses.has(obj)) continue;
        const properties = effectiveProperties(m, obj, new Set()).names;
        if (!properties.has('statusCode') || properties.has('status')) continue;
        const inHandler = within(obj, handler.node);
        if (inHandler ? branchTarget(m, obj) === 'other' : !helperResult(obj)) continue;
        seen.add(obj);
        const response: GeneratedResponse = { node: obj, eventTypes: eventTypesAt(m, result), properties, writes: [], headerMaps: [] };
        out.push(generatedTarget(response, 'api-shaped'));
      }
    }
  }
  return out;
}

/** A literal a helper returns on every call: `return { statusCode: 404 }` with no condition around it. */
function helperResult(obj: TSESTree.ObjectExpression): boolean {
  const fn = enclosingFunction(obj);
  return !!fn && unconditionalIn(obj, fn);
}

function generatedTarget(response: GeneratedResponse, kind: 'generated' | 'api-shaped' = 'generated'): ResponseTarget {
  const target = makeTarget(kind, response, undefined, () => response.eventTypes);
  for (const [name, prop] of response.properties) {
    if (!FIELDS.has(name)) continue;
    target.settings.push({
      field: name as ResponseField,
      node: prop.property,
      value: prop.value,
      op: 'write',
      initial: true,
      ownProperty: prop.own ? prop.property : undefined,
      member: undefined,
      reportNode: prop.property,
    });
  }
  for (const write of response.writes) {
    if (write.name !== undefined && FIELDS.has(write.name)) target.settings.push(assignment(write));
  }
  return target;
}

function makeTarget(
  kind: ResponseTarget['kind'],
  response: GeneratedResponse | undefined,
  handler: Handler | undefined,
  eventTypesOf: ResponseTarget['eventTypesOf'],
): ResponseTarget {
  const settings: FieldSetting[] = [];
  return { kind, response, handler, settings, field: (name) => settings.filter((s) => s.field === name), eventTypesOf };
}

function assignment(access: MemberAccess): FieldSetting {
  const member = access.node as TSESTree.MemberExpression;
  const { node: outer, parent } = outerParent(member);
  const reportNode = parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outer ? parent : member;
  return {
    field: access.name as ResponseField,
    node: member,
    value: access.value,
    op: access.op === 'read' ? 'modify' : access.op,
    initial: false,
    ownProperty: undefined,
    member,
    reportNode,
  };
}
