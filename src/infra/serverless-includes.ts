import { resolve } from 'node:path';
import { readText, type DiscoveryContext } from './context.js';
import { readYaml, type YamlData } from './yaml-data.js';

/**
 * The functions of a Serverless service, where they are written: in place (`functions: {…}`),
 * or in other files of the project through `${file(./fns.yml)}` (optionally a key of it,
 * `${file(./fns.yml):edge}`), as `functions` itself or as entries of a `functions` list, which
 * the framework merges. A YAML or JSON file is read, never a JavaScript one (the framework runs
 * those), and a path with a variable in it is not followed.
 */
export interface FunctionSource {
  /** The file the functions are written in, where their lines are. */
  file: string;
  data: YamlData;
  functions: Record<string, unknown>;
}

const FILE_REFERENCE = /^\$\{file\(([^()${}]+\.(?:ya?ml|json))\)(?::([\w.-]+))?\}$/;

export function functionSources(
  ctx: DiscoveryContext,
  file: string,
  data: YamlData,
  functions: unknown,
  serviceDir: string,
  report: (what: string, value: string, line: number | undefined) => void,
): FunctionSource[] {
  const root = data.value as Record<string, unknown>;
  const entries: { value: unknown; what: string; line: number | undefined }[] = Array.isArray(functions)
    ? functions.map((value, i) => ({ value, what: `functions[${i}]`, line: data.lineOf(functions, i) }))
    : [{ value: functions, what: 'functions', line: data.lineOf(root, 'functions') }];
  const sources: FunctionSource[] = [];
  for (const { value, what, line } of entries) {
    if (isMap(value)) {
      sources.push({ file, data, functions: value });
    } else if (typeof value === 'string') {
      const included = fromFile(ctx, value, serviceDir);
      if (typeof included === 'string') {
        if (included === 'not followed') report(what, value, line);
        else ctx.problem(file, line, `${what} is '${value}', which names ${included}.`, 'unresolved');
      } else {
        sources.push(included);
      }
    }
  }
  return sources;
}

/** The functions a `${file(...)}` reference names, or why not ('not followed' for a form not read). */
function fromFile(ctx: DiscoveryContext, reference: string, serviceDir: string): FunctionSource | string {
  const match = FILE_REFERENCE.exec(reference.trim());
  if (!match) return 'not followed';
  const path = resolve(serviceDir, match[1]!.trim());
  const name = ctx.rel(path);
  // A file that is not there (generated, or another checkout's) is reported as not followed.
  if (ctx.kind(path) !== 'file') return 'not followed';
  const read = readText(path);
  if ('error' in read) return `${name}, which ${read.error}`;
  const parsed = readYaml(read.text);
  if ('error' in parsed) return `${name}, which ${parsed.error}`;
  let value: unknown = parsed.data.value;
  for (const key of match[2]?.split('.') ?? []) value = isMap(value) ? value[key] : undefined;
  if (!isMap(value)) return `${name}, which holds no map of functions${match[2] ? ` at ${match[2]}` : ''}`;
  return { file: path, data: parsed.data, functions: value };
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
