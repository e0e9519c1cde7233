import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { propertyKeyName } from '../estree/nodes.js';

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

/** Whose header map: `origin` is `request.origin.custom|s3.customHeaders` (origin-request). */
export type HeaderOwner = 'request' | 'response' | 'generated' | 'origin' | 'unknown';

export function ownerHeaderKind(owner: HeaderOwner): Kind {
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

/** The kind of a property of an object of `kind`: the Lambda@Edge event structure as a table. */
export function transition(kind: Kind, name: string | undefined, computed: boolean): Kind | undefined {
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
export function patternPath(id: TSESTree.Node, root: TSESTree.Node): Array<string | undefined> {
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

export function applyPath(kind: Kind, steps: Array<string | undefined>): Kind | undefined {
  let current: Kind | undefined = kind;
  for (const step of steps) {
    if (!current || step === undefined) return undefined;
    current = transition(current, step, false);
  }
  return current;
}

