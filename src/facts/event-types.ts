/**
 * The four Lambda@Edge events and small helpers over sets of them.
 *
 * A handler's event types are kept as a set: a handler may be attached to several
 * events, and inference from code often narrows to "a response event" (origin-response
 * or viewer-response) without knowing which one. `undefined` means "unknown".
 */
export const EVENT_TYPES = [
  'viewer-request',
  'origin-request',
  'origin-response',
  'viewer-response',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** A known set of possible event types, or `undefined` when nothing is known. */
export type EventTypes = ReadonlySet<EventType> | undefined;

export const REQUEST_EVENTS: ReadonlySet<EventType> = new Set(['viewer-request', 'origin-request']);
export const RESPONSE_EVENTS: ReadonlySet<EventType> = new Set(['origin-response', 'viewer-response']);
export const VIEWER_EVENTS: ReadonlySet<EventType> = new Set(['viewer-request', 'viewer-response']);
export const ORIGIN_EVENTS: ReadonlySet<EventType> = new Set(['origin-request', 'origin-response']);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** A readable list of the allowed values, for error messages. */
export const ALLOWED_EVENT_TYPES_TEXT = EVENT_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * True when every possible event type is in `allowed`. Rules that only apply to some
 * events use this so that an unknown or mixed handler never produces a report.
 */
export function onlyIn(types: EventTypes, allowed: ReadonlySet<EventType>): boolean {
  if (!types || types.size === 0) return false;
  for (const t of types) if (!allowed.has(t)) return false;
  return true;
}

export function intersect(a: EventTypes, b: EventTypes): EventTypes {
  if (!a) return b;
  if (!b) return a;
  return new Set([...a].filter((t) => b.has(t)));
}

export function union(a: EventTypes, b: EventTypes): EventTypes {
  if (!a || !b) return undefined;
  return new Set([...a, ...b]);
}

export function formatEventTypes(types: EventTypes): string {
  if (!types || types.size === 0) return 'an unknown event';
  return [...types].join(' or ');
}

/** Single-event sets, for rules that apply to one event only. */
export const VIEWER_REQUEST: ReadonlySet<EventType> = new Set(['viewer-request']);
export const ORIGIN_REQUEST: ReadonlySet<EventType> = new Set(['origin-request']);
export const ORIGIN_RESPONSE: ReadonlySet<EventType> = new Set(['origin-response']);
export const VIEWER_RESPONSE: ReadonlySet<EventType> = new Set(['viewer-response']);

/** Do two known sets hold the same event types? */
export function sameEventTypes(a: ReadonlySet<EventType>, b: ReadonlySet<EventType>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** The event types not in `set`. */
export function complement(set: ReadonlySet<EventType>): Set<EventType> {
  return new Set(EVENT_TYPES.filter((t) => !set.has(t)));
}
