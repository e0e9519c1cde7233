import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getAnalysis } from '../analysis.js';
import type { EventType } from '../event-types.js';
import { PACKAGE } from '../package-info.js';
import { readSettings } from '../settings.js';
import { getInfrastructureMap, markProblemsShown } from './index.js';
import { SKIPPED_DIRS } from './scan.js';
import type { InfrastructureMap, InfrastructureOptions, InfrastructureProblem, InfrastructureSource } from './index.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The directory relative paths and the default --cwd start from. */
  cwd: string;
}

export const HELP = `Usage: eslint-plugin-lambda-edge map [--cwd <dir>] [--write <file.json>] [--json] [--eslint-config]
       eslint-plugin-lambda-edge --version | --help

Prints which handler exports serve which Lambda@Edge events, as the lint sees them, and
where each event type came from:
  comment         a // @lambda-edge-event comment in the handler file
  settings        settings['lambda-edge'].eventType in your eslint.config (--eslint-config)
  infrastructure  AWS CDK, Serverless Framework, SAM/CloudFormation or Terraform code
                  (read, never run), or the handlers map in settings
and what could not be resolved.

Options:
  --cwd <dir>           project root (default: the current directory)
  --write <file.json>   also write the infrastructure bindings as a handler map, for
                        settings['lambda-edge'].handlers in eslint.config
  --json                print the handlers and problems as JSON
  --eslint-config       also load your eslint.config through ESLint, as \`eslint\` does
                        (this runs the config file), to read eventType settings and
                        lint exactly the files, parsers and ignores it sets up
  -v, --version         print the version
  -h, --help            show this text

Nothing in the project is run unless --eslint-config is given: infrastructure code is read
as text, and handler files are parsed by ESLint (TypeScript with @typescript-eslint/parser,
when it is installed) with only this plugin's analysis; nothing is reported or fixed.

Exit codes: 0 done (unresolved items are listed, not failures); 1 the folder does not
exist, an infrastructure file does not parse, or --write failed; 2 a usage error.

ESLint's --cache does not know about infrastructure files: put the written map into
settings (settings are part of the cache key), or clear the cache when bindings change.
`;

/** Where a handler's event types came from, in the order the lint prefers them. */
export type EventTypeOrigin = 'comment' | 'settings' | 'infrastructure';

export interface MappedHandler {
  /** Path relative to the project root. */
  file: string;
  exportName: string;
  eventTypes: EventType[];
  includeBody?: boolean;
  from: EventTypeOrigin;
  /** `file:line` of the comment or association, or the config file for settings. */
  declaredIn: string;
  /** For `infrastructure`: the tool the binding was read from. */
  source?: InfrastructureSource;
}

/**
 * Problems that mean a file could not be read as what it is (YAML, JSON, HCL, TypeScript...):
 * the reader that parses the file marks them, so a reworded message cannot drop one.
 */
export function isParseFailure(problem: InfrastructureProblem): boolean {
  return problem.kind === 'parse';
}

/**
 * The `eslint-plugin-lambda-edge` command. Resolves to the exit code: 0 when it ran
 * (unresolved items are listed, not failures), 1 for a missing folder, an unparsable
 * infrastructure file or a failed --write, 2 for a usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    io.stdout(`${PACKAGE.version}\n`);
    return 0;
  }
  if (command !== 'map') {
    io.stderr(`Unknown command '${command}'.\n\n${HELP}`);
    return 2;
  }
  let cwd = io.cwd;
  let write: string | undefined;
  let json = false;
  let useConfig = false;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args.shift();
    if (flag === '--help' || flag === '-h') {
      io.stdout(HELP);
      return 0;
    } else if (flag === '--version' || flag === '-v') {
      io.stdout(`${PACKAGE.version}\n`);
      return 0;
    } else if (flag === '--json') {
      json = true;
    } else if (flag === '--eslint-config') {
      useConfig = true;
    } else if (flag === '--cwd' || flag === '--write') {
      const v = value();
      if (!v || v.startsWith('--')) {
        io.stderr(`${flag} needs a value.\n\n${HELP}`);
        return 2;
      }
      if (flag === '--cwd') cwd = resolve(io.cwd, v);
      else write = resolve(io.cwd, v);
    } else {
      io.stderr(`Unknown option '${arg}'.\n\n${HELP}`);
      return 2;
    }
  }

  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    io.stderr(`eslint-plugin-lambda-edge map: ${cwd} ${existsSync(cwd) ? 'is not a folder' : 'does not exist'}; --cwd must name the project's root folder.\n`);
    return 1;
  }

  const rel = (file: string) => toPosix(relative(cwd, file));
  const linted = await lintedHandlers(cwd, useConfig);
  const map = getInfrastructureMap(linted.infrastructure);
  markProblemsShown(map.problems);
  const handlers = mergeHandlers(linted.handlers, map, rel, linted.configFile);
  for (const note of linted.notes) io.stderr(`eslint-plugin-lambda-edge map: ${note}\n`);

  if (json) {
    io.stdout(`${JSON.stringify({ cwd, handlers, problems: map.problems.map(({ what: _what, ...p }) => ({ ...p, file: rel(p.file) })) }, null, 2)}\n`);
  } else {
    io.stdout(formatTable(handlers, map, useConfig));
  }

  let code = 0;
  const unparsable = map.problems.filter(isParseFailure);
  if (unparsable.length > 0) {
    io.stderr(
      `eslint-plugin-lambda-edge map: ${unparsable.length} infrastructure file${unparsable.length === 1 ? '' : 's'} could not be parsed, so the bindings in ${unparsable.length === 1 ? 'it are' : 'them are'} missing:\n` +
        unparsable.map((p) => `  ${p.message}\n`).join(''),
    );
    code = 1;
  }

  if (write) {
    try {
      writeFileSync(write, `${JSON.stringify(handlerMap(map, rel), null, 2)}\n`);
    } catch (error) {
      io.stderr(`Cannot write ${write}: ${(error as Error).message}\n`);
      return 1;
    }
    if (!json) {
      io.stdout(
        `\nWrote ${toPosix(relative(io.cwd, write)) || write}. Use it in eslint.config:\n` +
          `  settings: { 'lambda-edge': { handlers: JSON.parse(readFileSync('${toPosix(relative(io.cwd, write))}', 'utf8')) } }\n`,
      );
    }
  }
  return code;
}

interface LintedHandler {
  file: string;
  exportName: string;
  eventTypes: EventType[];
  from: EventTypeOrigin;
  /** 1-based line of the handler (for comments: of the tag before it). */
  line: number;
}

interface Linted {
  handlers: LintedHandler[];
  infrastructure: InfrastructureOptions;
  /** Where the settings came from, for the "declared in" column. */
  configFile: string | undefined;
  notes: string[];
}

const PROBE_RULE = 'lambda-edge-map/handlers';

/**
 * The handlers the lint sees, with the source of their event types, found by running only
 * this plugin's analysis over the project through ESLint (the project's own ESLint and
 * config, so parsers, `files`, ignores and settings are the ones `eslint` uses).
 */
async function lintedHandlers(cwd: string, useConfig: boolean): Promise<Linted> {
  const notes: string[] = [];
  const fallback: Linted = { handlers: [], infrastructure: { cwd, infrastructure: undefined, handlers: undefined }, configFile: undefined, notes };
  type ESLintClass = typeof import('eslint').ESLint;
  const ESLint = ((await importFrom(cwd, 'eslint')) as typeof import('eslint') | undefined)?.ESLint;
  if (!ESLint) {
    notes.push('ESLint is not installed, so @lambda-edge-event comments and settings were not read; install eslint.');
    return fallback;
  }
  const probe = {
    meta: { type: 'problem' as const, schema: [], messages: { handler: '{{json}}' } },
    create(context: import('eslint').Rule.RuleContext) {
      return {
        Program() {
          const analysis = getAnalysis(context as never);
          const lines = context.sourceCode.lines;
          for (const h of analysis.handlers) {
            const from = h.eventTypeSource;
            if (!h.exported || !h.eventTypes || (from !== 'comment' && from !== 'settings' && from !== 'infrastructure')) continue;
            let line = h.node.loc.start.line;
            if (from === 'comment') {
              // The tag that applies: the nearest one above the handler (or the file's own).
              for (let i = line - 1; i >= 1; i--) {
                if (lines[i - 1]!.includes('@lambda-edge-event')) {
                  line = i;
                  break;
                }
              }
            }
            context.report({ loc: h.node.loc, messageId: 'handler', data: { json: JSON.stringify({ name: h.name, eventTypes: [...h.eventTypes], from, line }) } });
          }
        },
      };
    },
  };
  let eslint: InstanceType<ESLintClass>;
  let configFile: string | undefined;
  let infrastructure: InfrastructureOptions = fallback.infrastructure;
  // Without the project's config: ESLint's defaults for JavaScript, a TypeScript parser when
  // one is installed, and the folders discovery skips.
  const defaults: import('eslint').Linter.Config[] = [{ ignores: [...SKIPPED_DIRS].map((dir) => `**/${dir}/`) }];
  if (!useConfig) {
    const tsParser = await importFrom(cwd, '@typescript-eslint/parser');
    if (tsParser) defaults.push({ files: ['**/*.{ts,mts,cts,tsx}'], languageOptions: { parser: tsParser as import('eslint').Linter.Parser } });
    else notes.push('@typescript-eslint/parser is not installed, so @lambda-edge-event comments in TypeScript files were not read.');
  }
  try {
    eslint = new ESLint({
      cwd,
      ...(useConfig ? {} : { overrideConfigFile: true }),
      overrideConfig: [...(useConfig ? [] : defaults), { plugins: { 'lambda-edge-map': { rules: { handlers: probe } } }, rules: { [PROBE_RULE]: 'error' } }],
      ruleFilter: ({ ruleId }) => ruleId === PROBE_RULE,
      errorOnUnmatchedPattern: false,
      warnIgnored: false,
      cache: false,
    });
    if (useConfig) {
      const found = await eslint.findConfigFile();
      configFile = found ? toPosix(relative(cwd, found)) : undefined;
      if (!found) notes.push('no eslint.config found: settings were not read, comments only in .js/.mjs/.cjs files.');
      // The settings that apply at the project root decide discovery, as in a lint run from there.
      const rootConfig = (await eslint.calculateConfigForFile(join(cwd, 'index.js'))) as { settings?: Record<string, unknown> } | undefined;
      const settings = readSettings(rootConfig?.settings);
      infrastructure = { cwd, infrastructure: settings.infrastructure, handlers: settings.handlers };
    }
  } catch (error) {
    notes.push(`could not load the ESLint config (${firstLine(error)}), so @lambda-edge-event comments and settings were not read.`);
    return fallback;
  }
  // Discovery first, so its problems are listed once by this command, not printed by the lint.
  markProblemsShown(getInfrastructureMap(infrastructure).problems);
  const handlers: LintedHandler[] = [];
  try {
    const results = await eslint.lintFiles(['.']);
    for (const result of results) {
      for (const message of result.messages) {
        if (message.ruleId !== PROBE_RULE) continue;
        const data = JSON.parse(message.message) as { name: string; eventTypes: EventType[]; from: EventTypeOrigin; line: number };
        handlers.push({ file: result.filePath, exportName: data.name, eventTypes: data.eventTypes, from: data.from, line: data.line });
      }
    }
  } catch (error) {
    notes.push(`ESLint could not lint the project (${firstLine(error)}), so @lambda-edge-event comments and settings were not read.`);
  }
  return { handlers, infrastructure, configFile, notes };
}

/** A package as the project resolves it (its own version), else as this plugin does; undefined if neither can. */
async function importFrom(cwd: string, name: string): Promise<unknown> {
  try {
    const fromProject = createRequire(join(cwd, 'package.json')).resolve(name);
    return unwrapDefault(await import(pathToFileURL(fromProject).href));
  } catch {
    try {
      return unwrapDefault(await import(name));
    } catch {
      return undefined;
    }
  }
}

function unwrapDefault(module: Record<string, unknown>): unknown {
  // A CommonJS package imported from ESM: its exports are on `default` (and named, when detected).
  return 'parseForESLint' in module || 'ESLint' in module ? module : (module.default ?? module);
}

/** Handlers as the lint sees them, plus the infrastructure bindings of files ESLint does not lint. */
function mergeHandlers(linted: LintedHandler[], map: InfrastructureMap, rel: (file: string) => string, configFile: string | undefined): MappedHandler[] {
  const out: MappedHandler[] = [];
  const seen = new Set<string>();
  const bindingFor = new Map(map.bindings.map((b) => [`${b.file}\0${b.exportName}`, b]));
  for (const h of linted) {
    const key = `${h.file}\0${h.exportName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const binding = bindingFor.get(key);
    if (h.from === 'infrastructure' && binding) {
      out.push(fromBinding(binding, rel));
    } else {
      out.push({
        file: rel(h.file),
        exportName: h.exportName,
        eventTypes: h.eventTypes,
        from: h.from,
        declaredIn: h.from === 'settings' ? (configFile ?? 'eslint.config') : `${rel(h.file)}:${h.line}`,
      });
    }
  }
  for (const b of map.bindings) {
    if (!seen.has(`${b.file}\0${b.exportName}`)) out.push(fromBinding(b, rel));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.exportName.localeCompare(b.exportName));
}

function fromBinding(b: InfrastructureMap['bindings'][number], rel: (file: string) => string): MappedHandler {
  return {
    file: rel(b.file),
    exportName: b.exportName,
    eventTypes: b.eventTypes,
    ...(b.includeBody ? { includeBody: true } : {}),
    from: 'infrastructure',
    declaredIn: b.declaredIn,
    source: b.source,
  };
}

/** `{ "<file relative to cwd>": { "<export>": [event types] } }`, sorted, as settings expect. */
export function handlerMap(
  map: InfrastructureMap,
  rel: (file: string) => string,
): Record<string, Record<string, EventType[]>> {
  const out: Record<string, Record<string, EventType[]>> = {};
  for (const b of map.bindings) {
    const file = (out[rel(b.file)] ??= {});
    const types = (file[b.exportName] ??= []);
    for (const t of b.eventTypes) if (!types.includes(t)) types.push(t);
  }
  const order = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];
  const sorted: Record<string, Record<string, EventType[]>> = {};
  for (const file of Object.keys(out).sort()) {
    sorted[file] = {};
    for (const name of Object.keys(out[file]!).sort()) {
      sorted[file][name] = out[file]![name]!.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
  }
  return sorted;
}

function formatTable(handlers: MappedHandler[], map: InfrastructureMap, useConfig: boolean): string {
  const lines: string[] = [];
  if (handlers.length === 0) {
    lines.push(
      useConfig
        ? 'No Lambda@Edge handlers found: no infrastructure code binds one, and no @lambda-edge-event comment or eventType setting names one.'
        : 'No Lambda@Edge handlers found: no infrastructure code binds one, and no @lambda-edge-event comment names one. eventType settings in eslint.config are read only with --eslint-config.',
    );
  } else {
    const header = ['handler file', 'export', 'event types', 'from', 'declared in'];
    const rows = handlers.map((h) => [
      h.file,
      h.exportName,
      h.eventTypes.join(', ') + (h.includeBody ? ' (include body)' : ''),
      h.from,
      h.source ? `${h.declaredIn} (${h.source})` : h.declaredIn,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const format = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
    lines.push(format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format));
  }
  if (map.problems.length > 0) {
    lines.push('', `Not resolved (${map.problems.length}):`);
    for (const p of map.problems) lines.push(`  ${p.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
