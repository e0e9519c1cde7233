import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { EventType } from '../event-types.js';
import { getInfrastructureMap } from './index.js';
import type { InfrastructureMap } from './types.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The directory relative paths and the default --cwd start from. */
  cwd: string;
}

export const HELP = `Usage: eslint-plugin-lambda-edge map [--cwd <dir>] [--write <file.json>] [--json]

Reads the infrastructure code of a project (AWS CDK, Serverless Framework, SAM and
CloudFormation templates, Terraform) without running it, and prints which handler
exports CloudFront calls for which Lambda@Edge events, and what could not be resolved.

Options:
  --cwd <dir>           project root to scan (default: the current directory)
  --write <file.json>   also write the handler map as JSON, for
                        settings['lambda-edge'].handlers in eslint.config
  --json                print the bindings and problems as JSON
  -h, --help            show this text

ESLint's --cache does not know about infrastructure files: put the written map into
settings (settings are part of the cache key), or clear the cache when bindings change.
`;

/**
 * The `eslint-plugin-lambda-edge` command. Returns the exit code: 0 when it ran
 * (unresolved items are listed, not failures), 2 for a usage error, 1 when --write failed.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const args = [...argv];
  const command = args.shift();
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'map') {
    io.stderr(`Unknown command '${command}'.\n\n${HELP}`);
    return 2;
  }
  let cwd = io.cwd;
  let write: string | undefined;
  let json = false;
  while (args.length > 0) {
    const arg = args.shift()!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args.shift();
    if (flag === '--help' || flag === '-h') {
      io.stdout(HELP);
      return 0;
    } else if (flag === '--json') {
      json = true;
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

  const map = getInfrastructureMap({ cwd, infrastructure: undefined, handlers: undefined });
  const rel = (file: string) => toPosix(relative(cwd, file));
  if (json) {
    io.stdout(
      `${JSON.stringify(
        {
          cwd,
          bindings: map.bindings.map((b) => ({ ...b, file: rel(b.file) })),
          problems: map.problems.map((p) => ({ ...p, file: rel(p.file) })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stdout(formatTable(map, rel));
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
  return 0;
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

function formatTable(map: InfrastructureMap, rel: (file: string) => string): string {
  const lines: string[] = [];
  if (map.bindings.length === 0) {
    lines.push('No Lambda@Edge handlers found in the infrastructure code.');
  } else {
    const header = ['handler file', 'export', 'event types', 'declared in'];
    const rows = map.bindings.map((b) => [
      rel(b.file),
      b.exportName,
      b.eventTypes.join(', ') + (b.includeBody ? ' (include body)' : ''),
      `${b.declaredIn} (${b.source})`,
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

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
