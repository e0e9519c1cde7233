import type { EventType } from '../event-types.js';

/**
 * Contract between the per-file analysis and infrastructure discovery.
 * (Discovery itself lives in this folder; see issue 4.)
 */
export interface FileInfrastructure {
  /** Event types per exported handler name, as bound by infrastructure code. */
  byExport: ReadonlyMap<string, ReadonlySet<EventType>>;
  /** For a module imported (transitively) by handlers: the union of their event types. */
  importedBy?: ReadonlySet<EventType>;
  /** Where the binding was declared, for messages ("serverless.yml:12"). */
  declaredIn: string;
}

export interface InfrastructureOptions {
  cwd: string;
  infrastructure: false | string[] | undefined;
  handlers: Record<string, Record<string, EventType[]>> | undefined;
}

/** Returns what infrastructure code says about one file, or undefined. */
export function lookupFile(
  _options: InfrastructureOptions,
  _filename: string,
): FileInfrastructure | undefined {
  return undefined;
}
