// The structure two HCL parsers must agree on, in the form HashiCorp's parser gives through
// @cdktn/hcl2json: block types → labels → array of bodies, attribute names → values, with every
// value that needs evaluation reduced to '<expr>'. Used by tests/languages/hcl-conformance.test.ts
// and scripts/hcl-conformance.mjs.

/** The shape of a body of our AST; `staticValue` is the parser's static-value helper. */
export function shapeOfBody(body, staticValue) {
  const out = {};
  const blockTypes = new Set();
  const attributes = new Set();
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      const value = staticValue(item.value);
      attributes.add(item.name.name);
      // An attribute and a block of one name: the JSON form has no single answer, not compared.
      out[item.name.name] = value === undefined || blockTypes.has(item.name.name) ? '<expr>' : normalize(value);
      continue;
    }
    blockTypes.add(item.blockType.name);
    if (attributes.has(item.blockType.name)) {
      out[item.blockType.name] = '<expr>';
      continue;
    }
    let holder = out;
    let key = item.blockType.name;
    for (const label of item.labels) {
      holder = holder[key] ??= {};
      key = label.value;
      if (typeof holder !== 'object' || Array.isArray(holder)) break;
    }
    // An attribute and a block (or blocks with and without labels) of one name: not compared.
    if (typeof holder !== 'object' || Array.isArray(holder)) continue;
    const list = (holder[key] ??= []);
    if (Array.isArray(list)) list.push(shapeOfBody(item.body, staticValue));
    else holder[key] = '<expr>';
  }
  return out;
}

/** A value with every string that holds a template sequence reduced to '<expr>'. */
export function normalize(value) {
  if (typeof value === 'string') return value.includes('${') || value.includes('%{') ? '<expr>' : value;
  if (Array.isArray(value)) return value.map(normalize);
  // hcl2json writes template sequences in keys escaped ("$${x}"): such objects are not compared.
  if (value && typeof value === 'object' && Object.keys(value).some((k) => /[$%]\{/.test(k))) return '<expr>';
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

/** The first difference between two shapes ('<expr>' on either side matches anything), or undefined. */
export function firstDifference(ours, theirs, path = '') {
  if (ours === '<expr>' || theirs === '<expr>') return undefined;
  if (Array.isArray(ours) || Array.isArray(theirs)) {
    if (!Array.isArray(ours) || !Array.isArray(theirs) || ours.length !== theirs.length) return `${path}: ${brief(ours)} ≠ ${brief(theirs)}`;
    for (let i = 0; i < ours.length; i++) {
      const d = firstDifference(ours[i], theirs[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (ours && theirs && typeof ours === 'object' && typeof theirs === 'object') {
    const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
    for (const key of keys) {
      if (!(key in ours) || !(key in theirs)) return `${path}.${key}: present on one side only`;
      const d = firstDifference(ours[key], theirs[key], `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return Object.is(ours, theirs) || (typeof ours === 'number' && ours === theirs) ? undefined : `${path}: ${brief(ours)} ≠ ${brief(theirs)}`;
}

function brief(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * HashiCorp's verdict through @cdktn/hcl2json: `{ ok: true, shape }`, `{ ok: true }` when the file
 * parses but hcl2json cannot convert it to JSON (it evaluates constant expressions, so `-true`
 * fails there: not a syntax error), or `{ ok: false, message }` for a syntax error.
 */
export async function oracle(parse, path, text) {
  try {
    return { ok: true, shape: normalize(await parse(path, text)) };
  } catch (error) {
    const message = String(error?.message ?? error);
    if (message.startsWith('parse config:')) return { ok: false, message };
    return { ok: true, shape: undefined, message };
  }
}
