import { readServerlessTsWithSpans, type Span } from '../serverless-ts.js';
import { LONG_FORM, UNKNOWN_TAG } from '../yaml-data.js';
import type { SourceNode } from './model.js';

/**
 * A YAML or JSON document as plain data, like `readYaml` gives (CloudFormation short tags in
 * their long forms, `<<` merge keys applied, aliases expanded within a budget), built from
 * the AST of the file's ESLint language, so that every map, list and entry keeps its node
 * and a finding lands on the exact key or value.
 */
export interface LocatedData {
  value: unknown;
  /** The node of a map or list (or of a tagged value's wrapper). */
  nodeOf(container: unknown): SourceNode | undefined;
  /** The key node of `key` in a map, or the item node of index `key` in a list. */
  keyOf(container: unknown, key: string | number): SourceNode | undefined;
  /** The value node of `key` in a map or list. */
  valueOf(container: unknown, key: string | number): SourceNode | undefined;
  /** Where to report a setting: the value when it is a scalar, else the key. */
  settingNode(container: unknown, key: string | number): SourceNode | undefined;
}

/** Same budget as `readYaml`: real files expand a handful of anchors, an alias bomb is stopped. */
const ALIAS_NODE_BUDGET = 100_000;

interface Entry {
  key: SourceNode;
  value: SourceNode;
}

class Builder {
  readonly containers = new WeakMap<object, SourceNode>();
  readonly entries = new WeakMap<object, Map<string, Entry>>();
  private readonly anchors = new Map<string, AnyNode>();
  private aliasNodes = 0;

  remember(container: object, node: SourceNode): void {
    if (!this.containers.has(container)) this.containers.set(container, node);
  }

  entry(container: object, key: string, entry: Entry): void {
    let map = this.entries.get(container);
    if (!map) this.entries.set(container, (map = new Map()));
    if (!map.has(key)) map.set(key, entry);
  }

  yaml(node: AnyNode | null | undefined, viaAlias: boolean): unknown {
    if (!node) return null;
    if (viaAlias && ++this.aliasNodes > ALIAS_NODE_BUDGET) throw new AliasBudgetExceeded();
    switch (node.type) {
      case 'YAMLScalar':
        return node.value ?? null;
      case 'YAMLAlias': {
        const target = this.anchors.get(String(node.name));
        return target ? this.yaml(target, true) : null;
      }
      case 'YAMLWithMeta': {
        if (node.anchor && node.value) this.anchors.set(String(node.anchor.name), node.value);
        const value = this.yaml(node.value, viaAlias);
        const tag = node.tag?.tag;
        return tag && tag.startsWith('!') ? this.tagged(tag, value, node) : value;
      }
      case 'YAMLMapping': {
        const out: Record<string, unknown> = {};
        this.remember(out, node);
        for (const pair of node.pairs ?? []) {
          const key = pair.key ? String(this.yaml(pair.key, viaAlias)) : 'null';
          if (key === '<<' && pair.value && pair.value.type !== 'YAMLScalar') {
            const merged = this.yaml(pair.value, viaAlias);
            for (const source of Array.isArray(merged) ? merged : [merged]) {
              if (!isMap(source)) continue;
              for (const [k, v] of Object.entries(source)) {
                if (k in out) continue;
                out[k] = v;
                const inner = this.entries.get(source)?.get(k);
                if (inner) this.entry(out, k, inner);
              }
            }
            continue;
          }
          out[key] = this.yaml(pair.value, viaAlias);
          this.entry(out, key, { key: pair.key ?? pair, value: pair.value ?? pair });
        }
        return out;
      }
      case 'YAMLSequence': {
        const out: unknown[] = [];
        this.remember(out, node);
        (node.entries ?? []).forEach((item, i) => {
          out.push(this.yaml(item, viaAlias));
          this.entry(out, String(i), { key: item ?? node, value: item ?? node });
        });
        return out;
      }
      default:
        return null;
    }
  }

  json(node: AnyNode | null | undefined): unknown {
    if (!node) return null;
    switch (node.type) {
      case 'String':
      case 'Number':
      case 'Boolean':
        return node.value;
      case 'Object': {
        const out: Record<string, unknown> = {};
        this.remember(out, node);
        for (const member of node.members ?? []) {
          const key = String(member.name.value);
          out[key] = this.json(member.value);
          this.entry(out, key, { key: member.name, value: member.value });
        }
        return out;
      }
      case 'Array': {
        const out: unknown[] = [];
        this.remember(out, node);
        (node.elements ?? []).forEach((element, i) => {
          out.push(this.json(element.value));
          this.entry(out, String(i), { key: element.value, value: element.value });
        });
        return out;
      }
      default:
        return null;
    }
  }

  private tagged(tag: string, value: unknown, node: SourceNode): unknown {
    const long = LONG_FORM[tag];
    if (!long) {
      const marker = { [UNKNOWN_TAG]: tag };
      this.remember(marker, node);
      return marker;
    }
    if (tag === '!GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
    }
    const wrapped = { [long]: value };
    this.remember(wrapped, node);
    this.entry(wrapped, long, { key: node, value: node });
    return wrapped;
  }
}

class AliasBudgetExceeded extends Error {}

/** The parts of yaml-eslint-parser's and Momoa's nodes this module reads. */
interface AnyNode extends SourceNode {
  value?: unknown & AnyNode;
  name?: unknown & AnyNode;
  anchor?: { name: string } | null;
  tag?: { tag: string } | null;
  pairs?: Array<{ key: AnyNode | null; value: AnyNode | null } & SourceNode>;
  entries?: Array<AnyNode | null>;
  members?: Array<{ name: AnyNode; value: AnyNode } & SourceNode>;
  elements?: Array<{ value: AnyNode } & SourceNode>;
}

const CONTAINER_TYPES = new Set(['YAMLMapping', 'YAMLSequence', 'YAMLWithMeta', 'Object', 'Array']);

function located(builder: Builder, value: unknown): LocatedData {
  const data: LocatedData = {
    value,
    nodeOf: (container) => (isObjectLike(container) ? builder.containers.get(container) : undefined),
    keyOf: (container, key) => (isObjectLike(container) ? builder.entries.get(container)?.get(String(key))?.key : undefined),
    valueOf: (container, key) =>
      isObjectLike(container) ? builder.entries.get(container)?.get(String(key))?.value : undefined,
    settingNode(container, key) {
      const value = data.valueOf(container, key) as AnyNode | undefined;
      if (!value) return undefined;
      // A scalar, or a tagged scalar (`!GetAtt Fn.Arn`): the value; a map or list: its key.
      const scalar = value.type === 'YAMLWithMeta' ? value.value?.type === 'YAMLScalar' : !CONTAINER_TYPES.has(value.type);
      return scalar ? value : data.keyOf(container, key);
    },
  };
  return data;
}

/**
 * The data of the first document of a YAML file as yaml-eslint-parser parsed it
 * (eslint-plugin-yml's `yml/yaml` language); undefined for an alias bomb.
 */
export function fromYamlAst(program: unknown): LocatedData | undefined {
  const body = (program as { body?: Array<{ content?: AnyNode | null }> }).body;
  const builder = new Builder();
  try {
    return located(builder, builder.yaml(body?.[0]?.content, false));
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) return undefined;
    throw error;
  }
}

/** The data of a JSON file as @eslint/json's `json/json` language (Momoa) parsed it. */
export function fromJsonAst(document: unknown): LocatedData {
  const builder = new Builder();
  return located(builder, builder.json((document as { body?: AnyNode }).body));
}

function isObjectLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The data of a `serverless.ts` as handler discovery reads it (statically: the exported object
 * literal, `const`s and spreads of the file), with a node at the exact key or value written in
 * the file for each entry: a `const` or spread is reported where its value is written.
 * Undefined when the file exports no object literal or does not parse.
 */
export function fromServerlessTs(filename: string, text: string): LocatedData | undefined {
  let read: ReturnType<typeof readServerlessTsWithSpans>;
  try {
    read = readServerlessTsWithSpans(filename, text);
  } catch {
    return undefined; // nested too deeply for TypeScript's parser: nothing is read
  }
  if (!read || !('data' in read.result)) return undefined;
  const { containers, entries } = read.spans;
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! };
  };
  const nodes = new Map<string, SourceNode>();
  const node = (span: Span | undefined, type: string): SourceNode | undefined => {
    if (!span) return undefined;
    const id = `${type}:${span.start}:${span.end}`;
    let made = nodes.get(id);
    if (!made) nodes.set(id, (made = { type, loc: { start: position(span.start), end: position(span.end) }, range: [span.start, span.end] } as SourceNode));
    return made;
  };
  const entryOf = (container: unknown, key: string | number) => (isObjectLike(container) ? entries.get(container)?.get(String(key)) : undefined);
  const data: LocatedData = {
    value: read.result.data.value,
    nodeOf: (container) => node(isObjectLike(container) ? containers.get(container) : undefined, Array.isArray(container) ? 'ArrayExpression' : 'ObjectExpression'),
    keyOf: (container, key) => node(entryOf(container, key)?.key, 'Property'),
    valueOf: (container, key) => node(entryOf(container, key)?.value, 'Expression'),
    settingNode(container, key) {
      const entry = entryOf(container, key);
      return entry ? node(entry.container ? entry.key : entry.value, entry.container ? 'Property' : 'Expression') : undefined;
    },
  };
  return data;
}
