/**
 * How many bytes a generated response is as CloudFront counts them against the generated-response
 * quota: its header names (or `key`s) and values, and its body (decoded when `bodyEncoding` may
 * be base64). Sizes are lower bounds; `partial` says some part could not be measured.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyKeyName, unwrap } from '../estree/nodes.js';
import { evaluateStatic, minimumBytes } from '../static-value.js';
import type { FileState } from './state.js';
import type { ByteSize, GeneratedResponse } from './types.js';

const UNKNOWN: ByteSize = { bytes: 0, partial: true };

/** Bytes of a header name or value added to `size`; an unknown one makes it partial. */
function addText(m: FileState, node: TSESTree.Node | undefined, size: ByteSize): void {
  const known = node ? evaluateStatic(node, m.staticCtx) : undefined;
  if (known && !known.primitive) size.bytes += known.bytes;
  else size.partial = true;
}

/** One `{ key, value }` entry of the header `name`. Without `key`, CloudFront derives it from the map name (same length). */
function addEntry(m: FileState, name: string | undefined, element: TSESTree.Node | null, size: ByteSize): void {
  const entry = element ? unwrap(element) : undefined;
  if (!entry || entry.type !== AST_NODE_TYPES.ObjectExpression) {
    size.partial = true;
    return;
  }
  let key: TSESTree.Node | undefined;
  let value: TSESTree.Node | undefined;
  for (const p of entry.properties) {
    if (p.type !== AST_NODE_TYPES.Property) {
      size.partial = true;
      continue;
    }
    const k = propertyKeyName(p);
    if (k === 'key') key = p.value;
    else if (k === 'value') value = p.value;
  }
  if (key) addText(m, key, size);
  else if (name !== undefined) size.bytes += Buffer.byteLength(name, 'utf8');
  else size.partial = true;
  addText(m, value, size);
}

/** One header map literal of `response`: spreads of its other maps are counted there. */
function addMap(m: FileState, response: GeneratedResponse, map: TSESTree.ObjectExpression, size: ByteSize): void {
  for (const prop of map.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) {
      const inner = unwrap(prop.argument);
      if (!response.headerMaps.some((other) => other === inner)) size.partial = true;
      continue;
    }
    const list = unwrap(prop.value);
    if (list.type !== AST_NODE_TYPES.ArrayExpression) {
      size.partial = true;
      continue;
    }
    const name = propertyKeyName(prop);
    for (const element of list.elements) addEntry(m, name, element, size);
  }
}

/** The bytes of a generated response's headers. */
export function headerBytes(m: FileState, response: GeneratedResponse): ByteSize {
  const headers = response.properties.get('headers');
  if (!headers) return { bytes: 0, partial: false };
  const value = unwrap(headers.value);
  if (value.type === AST_NODE_TYPES.ConditionalExpression || value.type === AST_NODE_TYPES.LogicalExpression) return { ...UNKNOWN };
  if (response.headerMaps.length === 0) return { ...UNKNOWN };
  const size: ByteSize = { bytes: 0, partial: false };
  for (const map of response.headerMaps) addMap(m, response, map, size);
  return size;
}

/** The bytes of a body value, given the `bodyEncoding` values the response may have. */
export function bodyBytes(m: FileState, value: TSESTree.Node, encodings: readonly TSESTree.Node[]): ByteSize {
  const v = unwrap(value);
  if (v.type === AST_NODE_TYPES.Identifier && v.name === 'undefined') return { bytes: 0, partial: false };
  const texts = encodings.map((e) => {
    const t = evaluateStatic(e, m.staticCtx);
    return t && !t.primitive ? t.text?.toLowerCase() : undefined;
  });
  // 'utf8' and other invalid values are another rule's report; here they mean text.
  const maybeBase64 = texts.some((t) => t === undefined || t === 'base64');
  const surelyBase64 = texts.length > 0 && texts.every((t) => t === 'base64');
  const known = evaluateStatic(value, m.staticCtx);
  if (!known || known.primitive) {
    // Only parts are known: count them, as a lower bound (not for base64, which is decoded).
    return { bytes: maybeBase64 ? 0 : minimumBytes(value, m.staticCtx), partial: true };
  }
  if (!maybeBase64) return { bytes: known.bytes, partial: false, file: known.file };
  // base64 (or an encoding not known): count the decoded bytes, a lower bound either way.
  const decoded = known.text !== undefined ? Buffer.from(known.text, 'base64').length : Math.floor((known.bytes * 3) / 4);
  return { bytes: decoded, partial: !surelyBase64, file: known.file };
}
