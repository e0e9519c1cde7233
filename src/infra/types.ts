import type { EventType } from '../event-types.js';

/**
 * The kind of infrastructure code a binding was read from; `settings` when it came from
 * `settings['lambda-edge'].handlers` (a map written by `map --write`).
 */
export type InfrastructureSource = 'cdk' | 'serverless' | 'sam' | 'cloudformation' | 'terraform' | 'settings';

/**
 * One handler export attached to one or more Lambda@Edge events by one place in the
 * infrastructure code.
 */
export interface InfrastructureBinding {
  /** Absolute, normalised path of the handler's source file. */
  file: string;
  /** The exported function CloudFront calls (`handler` in `index.handler`). */
  exportName: string;
  eventTypes: EventType[];
  /** True when some association of this binding turns on Include Body. */
  includeBody?: boolean;
  /** `path:line` of the association, the path relative to the discovery cwd. */
  declaredIn: string;
  source: InfrastructureSource;
}

/** Something discovery could not read or follow. Never thrown; collected and reported. */
export interface InfrastructureProblem {
  /** Absolute path of the file the problem is in. */
  file: string;
  line?: number;
  /** A complete sentence that names the file (relative to cwd) and what went wrong. */
  message: string;
  /**
   * `message` without the file and line it starts with, for a finding on that line
   * (`valid-configuration`). Not part of the `map --json` output.
   */
  what?: string;
  /**
   * What the problem is, set by the reader, so callers never match the message's text:
   * - `'parse'`: the file does not parse (a syntax error, or YAML aliases too large to expand),
   *   so nothing in it was read; the `map` command exits 1 on these.
   * - `'invalid'`: a value CloudFront or the deploy tool rejects, written literally (an event
   *   type that is not one of the four); `valid-configuration` reports it.
   * - `'unresolved'`: correct infrastructure the plugin cannot follow (a variable, a module
   *   output, a `dynamic` block, a custom resource, a handler path that does not exist yet);
   *   `infra-unresolved` reports it. A problem with no kind is treated as this.
   * - `'remote'`: the function's code is not in the project (S3, a container image, a prebuilt
   *   archive), so there is no source to lint and nothing is lost; no rule reports it, `map`
   *   lists it.
   * - `'deploy'`: the function was found but its association is a deploy-time mistake that an
   *   `infra-*` rule reports on the same line (an unversioned ARN).
   * - `'import'`: a module a handler imports could not be read (a handler module, not
   *   infrastructure code).
   */
  kind?: 'parse' | 'invalid' | 'unresolved' | 'remote' | 'deploy' | 'import';
}

export interface InfrastructureMap {
  bindings: InfrastructureBinding[];
  problems: InfrastructureProblem[];
}

/** What each reader hands back; `Collector` gathers them across files. */
export interface Association {
  file: string;
  exportName: string;
  eventType: EventType;
  includeBody?: boolean;
  /** Absolute path and 1-based line where the association was written. */
  declaredFile: string;
  declaredLine: number;
  source: InfrastructureSource;
  /** The function's runtime (`nodejs24.x`) when the infrastructure names it literally. */
  runtime?: string;
}
