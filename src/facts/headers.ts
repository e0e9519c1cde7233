/**
 * Header names that CloudFront treats specially in edge functions (CloudFront Developer Guide, edge-function-restrictions-all and lambda-at-edge-function-restrictions).
 * All names are lowercase; compare with `name.toLowerCase()`.
 */
import type { EventType } from './event-types.js';

/** Headers no edge function may add, in any event (§4.1, [edge-function-restrictions-all]). */
export const DISALLOWED_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'expect',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'trailer',
  'upgrade',
  'x-accel-buffering',
  'x-accel-charset',
  'x-accel-limit-rate',
  'x-accel-redirect',
  'x-amzn-auth',
  'x-amzn-cf-billing',
  'x-amzn-cf-id',
  'x-amzn-cf-xff',
  'x-amzn-errortype',
  'x-amzn-fle-profile',
  'x-amzn-header-count',
  'x-amzn-header-order',
  'x-amzn-lambda-integration-tag',
  'x-amzn-requestid',
  'x-cache',
  'x-forwarded-proto',
  'x-real-ip',
]);

/** Name prefixes that are disallowed as a whole: `X-Amz-Cf-*`, `X-Edge-*` (§4.1). */
export const DISALLOWED_PREFIXES: readonly string[] = ['x-amz-cf-', 'x-edge-'];

export function isDisallowedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return DISALLOWED_HEADERS.has(lower) || DISALLOWED_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/**
 * Read-only headers per event, current text of [edge-function-restrictions-all] (§4.2):
 * they may be read, but adding, changing or deleting them fails validation. The lists apply
 * to every header map the function hands back in that event, including a response generated
 * in a request event (observed for origin-request: Kludex/mangum#262, opennextjs-aws#427).
 */
export const READ_ONLY_HEADERS: Readonly<Record<EventType, ReadonlySet<string>>> = {
  'viewer-request': new Set(['cdn-loop', 'content-length', 'host', 'transfer-encoding', 'via']),
  'origin-request': new Set([
    'accept-encoding',
    'cdn-loop',
    'content-length',
    'if-modified-since',
    'if-none-match',
    'if-range',
    'if-unmodified-since',
    'transfer-encoding',
    'via',
  ]),
  'origin-response': new Set(['transfer-encoding', 'via']),
  'viewer-response': new Set(['content-encoding', 'content-length', 'transfer-encoding', 'via', 'warning']),
};

/** Per read-only name, the events in which it is read-only (built once from READ_ONLY_HEADERS). */
const READ_ONLY_EVENTS: ReadonlyMap<string, ReadonlySet<EventType>> = (() => {
  const byName = new Map<string, Set<EventType>>();
  for (const [event, names] of Object.entries(READ_ONLY_HEADERS) as Array<[EventType, ReadonlySet<string>]>) {
    for (const name of names) {
      let events = byName.get(name);
      if (!events) byName.set(name, (events = new Set()));
      events.add(event);
    }
  }
  return byName;
})();
const NO_EVENTS: ReadonlySet<EventType> = new Set();

/** The events in which `name` is read-only (empty for most names). */
export function readOnlyEvents(name: string): ReadonlySet<EventType> {
  return READ_ONLY_EVENTS.get(name.toLowerCase()) ?? NO_EVENTS;
}

/**
 * Headers CloudFront adds when a cache or origin request policy asks for them (§4.3,
 * [adding-cloudfront-headers]): `CloudFront-Viewer-*`, `CloudFront-Is-*-Viewer`,
 * `CloudFront-Forwarded-Proto`. They are added after viewer-request.
 */
const CLOUDFRONT_VIEWER_HEADER = /^cloudfront-(?:viewer-[a-z0-9-]+|is-[a-z0-9]+-viewer|forwarded-proto)$/;

export function isCloudFrontViewerHeader(name: string): boolean {
  return CLOUDFRONT_VIEWER_HEADER.test(name.toLowerCase());
}

/** Canonical HTTP header spelling: `content-type` → `Content-Type` (what Lambda@Edge fills in). */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => (part ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part))
    .join('-');
}

