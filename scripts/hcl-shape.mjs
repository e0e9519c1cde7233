// The structure two HCL parsers must agree on, in the form HashiCorp's parser gives through
// @cdktn/hcl2json: block types → labels → array of bodies, attribute names → values, with every
// value that needs evaluation reduced to '<expr>'. Used by tests/languages/hcl-conformance.test.ts
// and scripts/hcl-conformance.mjs.

/** The shape of a body of our AST; `staticValue` is the parser's static-value helper. */
export function shapeOfBody(body, staticValue) {
  const out = {};
  for (const item of body.items) {
    if (item.type === 'Attribute') {
      const value = staticValue(item.value);
      out[item.name.name] = value === undefined ? '<expr>' : normalize(value);
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
