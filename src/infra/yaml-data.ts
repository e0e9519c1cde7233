import type { Node as YamlNode } from 'yaml';
import { LineIndex } from './context.js';
import { loadYaml } from './lazy.js';

/**
 * YAML (and JSON, which YAML 1.2 contains) read as plain data, never executed: the
 * CloudFormation short tags become their long forms (`!Ref X` → `{ Ref: 'X' }`,
 * `!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`, `!Sub s` → `{ 'Fn::Sub': s }`), and every
 * map and sequence remembers the line it starts on so bindings can say where they came from.
 */
export interface YamlData {
  value: unknown;
  /** Line of a map or sequence, or of one key inside a map. */
  lineOf(container: unknown, key?: string | number): number | undefined;
}

export type YamlResult = { data: YamlData } | { error: string; line?: number };

export const LONG_FORM: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
  '!GetParam': 'Fn::GetParam',
  '!Contains': 'Fn::Contains',
  '!EachMemberEquals': 'Fn::EachMemberEquals',
  '!EachMemberIn': 'Fn::EachMemberIn',
  '!RefAll': 'Fn::RefAll',
  '!ValueOf': 'Fn::ValueOf',
  '!ValueOfAll': 'Fn::ValueOfAll',
};

/**
 * How many nodes alias expansion may produce. Real templates expand a handful of anchors;
 * a "billion laughs" document expands exponentially and is stopped here.
 */
const ALIAS_NODE_BUDGET = 100_000;

class AliasBudgetExceeded extends Error {}

export function readYaml(text: string): YamlResult {
  const { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: true });
  } catch (error) {
    return { error: `is not valid YAML: ${String((error as Error).message).split('\n')[0]}` };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    const text0 = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { error: `is not valid YAML: ${text0}`, ...(line === undefined ? {} : { line }) };
  }

  const lines = new LineIndex(text);
  const containerLines = new WeakMap<object, number>();
  const keyLines = new WeakMap<object, Map<string, number>>();
  let aliasNodes = 0;

  const convert = (node: unknown, viaAlias: boolean): unknown => {
    if (viaAlias && ++aliasNodes > ALIAS_NODE_BUDGET) throw new AliasBudgetExceeded();
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? convert(target, true) : null;
    }
    const yamlNode = node as YamlNode;
    const line = yamlNode.range ? lines.line(yamlNode.range[0]) : undefined;
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
    } else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const keys = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(convert(keyNode, viaAlias));
        if (keyNode?.range) keys.set(key, lines.line(keyNode.range[0]));
        // `<<: *base` merge keys (YAML 1.1, common in serverless.yml) copy the entries in.
        if (key === '<<' && !isScalar(pair.value)) {
          const merged = convert(pair.value, viaAlias);
          for (const source of Array.isArray(merged) ? merged : [merged]) {
            if (source && typeof source === 'object' && !Array.isArray(source)) {
              for (const [k, v] of Object.entries(source)) if (!(k in out)) out[k] = v;
            }
          }
          continue;
        }
        out[key] = convert(pair.value, viaAlias);
      }
      keyLines.set(out, keys);
      value = out;
    } else if (isSeq(node)) {
      const items = node.items.map((item) => convert(item, viaAlias));
      // The line of each item, scalars included (`- ${file(./fns.yml)}`).
      const itemLines = new Map<string, number>();
      node.items.forEach((item, i) => {
        const range = (item as { range?: [number, number, number] } | null)?.range;
        if (range) itemLines.set(String(i), lines.line(range[0]));
      });
      keyLines.set(items, itemLines);
      value = items;
    } else {
      value = null;
    }
    if (value && typeof value === 'object' && line !== undefined) containerLines.set(value, line);

    const tag = yamlNode.tag;
    if (tag && tag.startsWith('!')) {
      const long = LONG_FORM[tag];
      if (!long) {
        const marker = { [UNKNOWN_TAG]: tag };
        if (line !== undefined) containerLines.set(marker, line);
        return marker;
      }
      if (tag === '!GetAtt' && typeof value === 'string') {
        const dot = value.indexOf('.');
        value = dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
      const wrapped = { [long]: value };
      if (line !== undefined) containerLines.set(wrapped, line);
      return wrapped;
    }
    return value;
  };

  let value: unknown;
  try {
    value = convert(doc.contents, false);
  } catch (error) {
    if (error instanceof AliasBudgetExceeded) {
      return {
        error: `uses YAML aliases that expand to more than ${ALIAS_NODE_BUDGET} nodes (an alias bomb?); not read.`,
      };
    }
    throw error;
  }
  return { data: locatedData(value, keyLines, containerLines) };
}

/** Marker left in place of a value carrying a tag this reader does not know. */
export const UNKNOWN_TAG = '__lambdaEdgeUnknownTag';

export function unknownTagOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && UNKNOWN_TAG in value) {
    return String((value as Record<string, unknown>)[UNKNOWN_TAG]);
  }
  return undefined;
}

/**
 * Data with the line of each container and key, for the readers that build such maps (YAML,
 * and the static reading of serverless.ts): an array item's line is the item's own.
 */
export function locatedData(
  value: YamlData['value'],
  keyLines: WeakMap<object, Map<string, number>>,
  containerLines: WeakMap<object, number>,
): YamlData {
  return {
    value,
    lineOf(container, key) {
      if (!container || typeof container !== 'object') return undefined;
      if (key !== undefined) {
        const k = keyLines.get(container)?.get(String(key));
        if (k !== undefined) return k;
        if (Array.isArray(container)) {
          const item = container[Number(key)];
          if (item && typeof item === 'object') return containerLines.get(item);
        }
      }
      return containerLines.get(container);
    },
  };
}
