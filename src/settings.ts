import { ALLOWED_EVENT_TYPES_TEXT, type EventType, isEventType } from './event-types.js';

/**
 * `settings['lambda-edge']` in a flat config. Settings are part of ESLint's config hash,
 * so `eslint --cache` sees every change made here.
 */
export interface LambdaEdgeSettings {
  /** Event type(s) of every handler in the files this config block applies to. */
  eventType?: EventType | EventType[];
  /**
   * Infrastructure discovery: `false` turns it off; a list of files or globs (relative to
   * the ESLint cwd) reads only those. Default: scan the project root.
   */
  infrastructure?: false | string[];
  /**
   * A handler map as written by `eslint-plugin-lambda-edge map --write`:
   * `{ "<file relative to cwd>": { "<export name>": ["origin-response", ...] } }`.
   * When given, it replaces discovery.
   */
  handlers?: Record<string, Record<string, EventType[]>>;
}

export interface ResolvedSettings {
  eventTypes: ReadonlySet<EventType> | undefined;
  infrastructure: false | string[] | undefined;
  handlers: Record<string, Record<string, EventType[]>> | undefined;
  /** Human-readable problems with the settings; reported once per file, never thrown. */
  problems: string[];
}

const KNOWN_KEYS = new Set(['eventType', 'infrastructure', 'handlers']);
const cache = new WeakMap<object, ResolvedSettings>();
const EMPTY: ResolvedSettings = {
  eventTypes: undefined,
  infrastructure: undefined,
  handlers: undefined,
  problems: [],
};

/** Reads and validates `settings['lambda-edge']`; the result is cached per settings object. */
export function readSettings(settings: Record<string, unknown> | undefined): ResolvedSettings {
  const raw = settings?.['lambda-edge'];
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ...EMPTY,
      problems: [
        `settings['lambda-edge'] must be an object such as { eventType: 'origin-response' }, got ${describe(raw)}.`,
      ],
    };
  }
  const hit = cache.get(raw);
  if (hit) return hit;
  const result = validate(raw as Record<string, unknown>);
  cache.set(raw, result);
  return result;
}

function validate(raw: Record<string, unknown>): ResolvedSettings {
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push(
        `settings['lambda-edge'].${key} is not a known setting; the settings are eventType, infrastructure and handlers.`,
      );
    }
  }

  let eventTypes: Set<EventType> | undefined;
  const rawType = raw.eventType;
  if (rawType !== undefined) {
    const list = Array.isArray(rawType) ? rawType : [rawType];
    const good = list.filter(isEventType);
    const bad = list.filter((t) => !isEventType(t));
    if (bad.length > 0 || list.length === 0) {
      problems.push(
        `settings['lambda-edge'].eventType has ${
          list.length === 0 ? 'no value' : `the invalid value ${bad.map(describe).join(', ')}`
        }; allowed values are ${ALLOWED_EVENT_TYPES_TEXT} (a string or an array of them).`,
      );
    }
    if (good.length > 0) eventTypes = new Set(good);
  }

  let infrastructure: false | string[] | undefined;
  const rawInfra = raw.infrastructure;
  if (rawInfra !== undefined) {
    if (rawInfra === false) infrastructure = false;
    else if (Array.isArray(rawInfra) && rawInfra.every((x) => typeof x === 'string')) {
      infrastructure = rawInfra as string[];
    } else if (rawInfra === true) infrastructure = undefined;
    else {
      problems.push(
        `settings['lambda-edge'].infrastructure must be false (no discovery), true (scan the project) or a list of file paths or globs, got ${describe(rawInfra)}.`,
      );
    }
  }

  let handlers: Record<string, Record<string, EventType[]>> | undefined;
  const rawHandlers = raw.handlers;
  if (rawHandlers !== undefined) {
    const checked = checkHandlers(rawHandlers);
    if (typeof checked === 'string') problems.push(checked);
    else handlers = checked;
  }

  return { eventTypes, infrastructure, handlers, problems };
}

function checkHandlers(value: unknown): Record<string, Record<string, EventType[]>> | string {
  const prefix = `settings['lambda-edge'].handlers`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${prefix} must be an object { "<file>": { "<export>": ["<event type>", ...] } }, got ${describe(value)}.`;
  }
  const out: Record<string, Record<string, EventType[]>> = {};
  for (const [file, exportsMap] of Object.entries(value)) {
    if (typeof exportsMap !== 'object' || exportsMap === null || Array.isArray(exportsMap)) {
      return `${prefix}["${file}"] must map export names to event type lists, got ${describe(exportsMap)}.`;
    }
    const entry: Record<string, EventType[]> = {};
    for (const [name, types] of Object.entries(exportsMap as Record<string, unknown>)) {
      const list = Array.isArray(types) ? types : [types];
      const bad = list.filter((t) => !isEventType(t));
      if (bad.length > 0) {
        return `${prefix}["${file}"].${name} has the invalid event type ${bad.map(describe).join(', ')}; allowed values are ${ALLOWED_EVENT_TYPES_TEXT}.`;
      }
      entry[name] = list as EventType[];
    }
    out[file] = entry;
  }
  return out;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}
