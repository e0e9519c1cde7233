// Seeded, reproducible corpora for the benchmark (written under bench/out/, never committed).
//
//   edge corpus     N Lambda@Edge handler files of mixed shapes, from templates
//   non-edge corpus N files of ordinary JS/TS copied from node_modules
//   infra app       50 functions bound over CDK, Serverless, SAM and Terraform
//
// The same seed always produces the same files; a corpus of N files is a prefix of one of
// 2N files, so the growth runs (1,000 / 2,000 / 4,000) lint comparable code.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';

// ---------------------------------------------------------------- seeded randomness

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
  return r;
}

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A marker file that says which parameters built a folder, so it is rebuilt only when they change. */
function upToDate(dir, stamp) {
  try {
    return readFileSync(join(dir, '.bench-stamp'), 'utf8') === stamp;
  } catch {
    return false;
  }
}
function stampDir(dir, stamp) {
  writeFileSync(join(dir, '.bench-stamp'), stamp);
}
function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

// ---------------------------------------------------------------- edge handlers

const EVENTS = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response'];
const REQUEST_EVENTS = new Set(['viewer-request', 'origin-request']);
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'docs', 'blog', 'shop', 'cart', 'help', 'news', 'img', 'static', 'api', 'old', 'legacy', 'promo', 'team', 'about'];
const TS_TYPES = {
  'viewer-request': 'CloudFrontRequestHandler',
  'origin-request': 'CloudFrontRequestHandler',
  'origin-response': 'CloudFrontResponseHandler',
  'viewer-response': 'CloudFrontResponseHandler',
};

function lorem(r, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(r.pick(WORDS));
  return out.join(' ');
}

/** A large literal HTML page (5–40 KB), as edge functions that answer on their own carry. */
function bigPage(r) {
  const sections = r.int(15, 120);
  const parts = ['<!doctype html><html><head><meta charset="utf-8"><title>Maintenance</title>'];
  parts.push('<style>body{font-family:sans-serif;margin:0;padding:2rem}h1{color:#333}.box{border:1px solid #ccc;padding:1rem}</style></head><body>');
  for (let i = 0; i < sections; i++) {
    parts.push(`<div class="box"><h2>${lorem(r, 3)}</h2><p>${lorem(r, r.int(20, 60))}</p></div>`);
  }
  parts.push('</body></html>');
  return parts.join('\n');
}

function redirectMap(r, entries) {
  const lines = [];
  for (let i = 0; i < entries; i++) lines.push(`  '/${r.pick(WORDS)}/${r.pick(WORDS)}-${i}': '/${r.pick(WORDS)}/${i}',`);
  return lines.join('\n');
}

const HELPERS = [
  (ts) => `function parseCookies(header${ts ? ': Array<{ value: string }> | undefined' : ''}) {
  const out${ts ? ': Record<string, string>' : ''} = {};
  if (!header) return out;
  for (const entry of header) {
    for (const part of entry.value.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name) out[name] = decodeURIComponent(rest.join('='));
    }
  }
  return out;
}`,
  (ts) => `function normalizePath(uri${ts ? ': string' : ''}) {
  let path = uri.replace(/\\/+/g, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path.toLowerCase();
}`,
  (ts) => `function hashBucket(value${ts ? ': string' : ''}, buckets${ts ? ': number' : ''}) {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (h * 31 + value.charCodeAt(i)) | 0;
  return Math.abs(h) % buckets;
}`,
  (ts) => `function header(key${ts ? ': string' : ''}, value${ts ? ': string' : ''}) {
  return [{ key, value }];
}`,
  (ts) => `const isAsset = (uri${ts ? ': string' : ''}) => /\\.(css|js|png|jpe?g|gif|svg|woff2?)$/.test(uri);`,
  (ts) => `function parseQuery(qs${ts ? ': string' : ''}) {
  const params = new URLSearchParams(qs);
  const sorted = [...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted).toString();
}`,
  (ts) => `class RateLimiter {
  ${ts ? 'private ' : ''}hits = new Map${ts ? '<string, number>' : ''}();
  allow(key${ts ? ': string' : ''}, limit = 100) {
    const n = (this.hits.get(key) || 0) + 1;
    this.hits.set(key, n);
    return n <= limit;
  }
}
const limiter = new RateLimiter();`,
];

/** Statements that read/modify a request: `req` is the request, `hdrs` its headers. */
function requestBody(r, ts, v) {
  const out = [];
  const pieces = r.shuffle([0, 1, 2, 3, 4, 5, 6]).slice(0, r.int(2, 5));
  for (const p of pieces) {
    switch (p) {
      case 0:
        out.push(`if (${v.req}.uri.endsWith('/')) ${v.req}.uri += 'index.html';`);
        break;
      case 1:
        out.push(`const host = ${v.hdrs}.host ? ${v.hdrs}.host[0].value : 'example.com';
  if (host.startsWith('www.')) ${v.hdrs}['x-forwarded-host'] = [{ key: 'X-Forwarded-Host', value: host }];`);
        break;
      case 2:
        out.push(`${v.req}.querystring = ${v.req}.querystring.split('&').filter(Boolean).sort().join('&');`);
        break;
      case 3:
        out.push(`const country = ${v.hdrs}['cloudfront-viewer-country'];
  if (country && country[0].value === '${r.pick(['DE', 'FR', 'JP', 'BR'])}') ${v.req}.uri = '/${r.pick(['de', 'fr', 'jp', 'br'])}' + ${v.req}.uri;`);
        break;
      case 4:
        out.push(`delete ${v.hdrs}['x-debug'];
  ${v.hdrs}['x-edge-seen'] = [{ key: 'X-Edge-Seen', value: '1' }];`);
        break;
      case 5:
        out.push(`const ua = (${v.hdrs}['user-agent'] || [{ value: '' }])[0].value;
  if (/bot|crawler|spider/i.test(ua)) ${v.hdrs}['x-bot'] = [{ key: 'X-Bot', value: 'true' }];`);
        break;
      case 6:
        out.push(`if (${v.req}.method === 'POST' && ${v.req}.body && ${v.req}.body.data) {
    const raw = Buffer.from(${v.req}.body.data, 'base64').toString('utf8');
    if (raw.length > 1024) ${v.hdrs}['x-large-body'] = [{ key: 'X-Large-Body', value: String(raw.length) }];
  }`);
        break;
      default:
        break;
    }
  }
  return out;
}

/** Statements that read/modify a response: `res` is the response, `hdrs` its headers. */
function responseBody(r, ts, v, eventType) {
  const out = [];
  const pieces = r.shuffle([0, 1, 2, 3, 4]).slice(0, r.int(2, 4));
  for (const p of pieces) {
    switch (p) {
      case 0:
        out.push(`${v.hdrs}['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubdomains; preload' }];
  ${v.hdrs}['x-content-type-options'] = [{ key: 'X-Content-Type-Options', value: 'nosniff' }];
  ${v.hdrs}['x-frame-options'] = [{ key: 'X-Frame-Options', value: 'DENY' }];`);
        break;
      case 1:
        out.push(`if (!${v.hdrs}['cache-control']) ${v.hdrs}['cache-control'] = [{ key: 'Cache-Control', value: 'public, max-age=${r.int(60, 86400)}' }];`);
        break;
      case 2:
        out.push(`delete ${v.hdrs}['server'];
  delete ${v.hdrs}['x-powered-by'];`);
        break;
      case 3:
        if (eventType === 'origin-response') {
          out.push(`if (${v.res}.status === '404') {
    ${v.res}.status = '302';
    ${v.res}.statusDescription = 'Found';
    ${v.hdrs}.location = [{ key: 'Location', value: '/not-found' }];
  }`);
        } else {
          out.push(`${v.hdrs}['x-served-by'] = [{ key: 'X-Served-By', value: 'edge-${r.int(1, 99)}' }];`);
        }
        break;
      case 4:
        out.push(`const type = ${v.hdrs}['content-type'] ? ${v.hdrs}['content-type'][0].value : '';
  if (type.includes('text/html')) ${v.hdrs}['content-security-policy'] = [{ key: 'Content-Security-Policy', value: "default-src 'self'" }];`);
        break;
      default:
        break;
    }
  }
  return out;
}

/** One handler file. Returns { ext, text }. */
export function edgeHandler(r, index) {
  const lang = r.pick(['cjs', 'cjs', 'esm', 'esm-mjs', 'ts', 'ts', 'cjs-ext']);
  const ts = lang === 'ts';
  const ext = ts ? '.ts' : lang === 'esm-mjs' ? '.mjs' : lang === 'cjs-ext' ? '.cjs' : '.js';
  const esm = lang === 'esm' || lang === 'esm-mjs' || ts;
  const eventType = EVENTS[index % 4];
  const isRequest = REQUEST_EVENTS.has(eventType);
  const style = r.pick(['callback', 'async', 'async', 'promise']);
  // How the event type is declared: a tag comment, TS types, or only the code itself.
  const declare = ts ? r.pick(['comment', 'types', 'types']) : r.pick(['comment', 'comment', 'code']);
  const aliasStyle = r.pick(['direct', 'destructure', 'cf', 'deep']);
  const lines = [];

  if (!esm) lines.push("'use strict';");
  lines.push(`// ${eventType}: ${lorem(r, 6)}.`);
  if (declare === 'comment') lines.push(`// @lambda-edge-event ${eventType}`);
  if (ts) {
    const types = [TS_TYPES[eventType], isRequest ? 'CloudFrontResultResponse' : 'CloudFrontHeaders'];
    lines.push(`import type { ${[...new Set(types)].join(', ')} } from 'aws-lambda';`);
  }
  if (r.chance(0.3)) lines.push(esm ? `import { createHash } from 'node:crypto';` : `const { createHash } = require('crypto');`);
  lines.push('');

  // Constants: large pages and redirect maps.
  const hasPage = isRequest && r.chance(0.25);
  const hasMap = isRequest && r.chance(0.3);
  if (hasPage) lines.push(`const PAGE = \`${bigPage(r)}\`;`, '');
  if (hasMap) lines.push(`const REDIRECTS${ts ? ': Record<string, string>' : ''} = {\n${redirectMap(r, r.int(20, 400))}\n};`, '');

  const helpers = r.shuffle(HELPERS).slice(0, r.int(0, 4));
  for (const h of helpers) lines.push(h(ts), '');

  // A helper that builds a generated response (request events only).
  const makesResponse = isRequest && (hasPage || hasMap || r.chance(0.4));
  if (makesResponse) {
    const numeric = r.chance(0.1); // a real mistake now and then
    lines.push(`function respond(status${ts ? ': string' : ''}, location${ts ? '?: string' : ''})${ts ? ': CloudFrontResultResponse' : ''} {
  const response${ts ? ': CloudFrontResultResponse' : ''} = {
    status${numeric ? ': 301' : ''},
    statusDescription: status === '200' ? 'OK' : 'Redirect',
    headers: {
      'cache-control': [{ key: 'Cache-Control', value: 'max-age=300' }],
      'content-type': [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }],
    },
  };
  if (location) response.headers${ts ? '!' : ''}.location = [{ key: 'Location', value: location }];
  ${hasPage ? 'else response.body = PAGE;' : ''}
  return response;
}`, '');
  }

  const params = style === 'callback' ? `event${ts ? '' : ''}, context, callback` : 'event';
  const isAsync = style === 'async';
  const typeAnn = ts && declare === 'types' ? `: ${TS_TYPES[eventType]}` : '';
  const target = isRequest ? 'request' : 'response';
  const v = { req: 'request', res: 'response', hdrs: 'headers' };
  const body = [];
  if (declare === 'code') {
    body.push(`if (event.Records[0].cf.config.eventType !== '${eventType}') throw new Error('wrong trigger');`);
  }
  switch (aliasStyle) {
    case 'direct':
      body.push(`const ${target} = event.Records[0].cf.${target};`, `const headers = ${target}.headers;`);
      break;
    case 'destructure':
      body.push(`const { ${target} } = event.Records[0].cf;`, `const { headers } = ${target};`);
      break;
    case 'cf':
      body.push(`const cf = event.Records[0].cf;`, `const ${target} = cf.${target};`, `const headers = ${target}.headers;`);
      break;
    case 'deep':
      body.push(`const [{ cf: { ${target} } }] = event.Records;`, `const headers = ${target}.headers;`);
      break;
    default:
      break;
  }
  if (!isRequest && eventType === 'origin-response' && r.chance(0.5)) body.push(`const request = event.Records[0].cf.request;`, `headers['x-uri'] = [{ key: 'X-Uri', value: request.uri }];`);
  body.push(...(isRequest ? requestBody(r, ts, v) : responseBody(r, ts, v, eventType)));

  const finish = (value) => {
    if (style === 'callback') return `callback(null, ${value});\n    return;`;
    return `return ${value};`;
  };
  if (isRequest && hasMap) body.push(`const to = REDIRECTS[request.uri];\n  if (to) {\n    ${finish("respond('301', to)")}\n  }`);
  if (isRequest && hasPage) body.push(`if (headers['x-maintenance']) {\n    ${finish("respond('200')")}\n  }`);
  if (isRequest && makesResponse && !hasMap && !hasPage) body.push(`if (request.uri === '/${r.pick(WORDS)}') {\n    ${finish(`respond('302', '/${r.pick(WORDS)}')`)}\n  }`);
  if (style === 'callback') body.push(`callback(null, ${target});`);
  else if (style === 'promise') body.push(`return Promise.resolve(${target});`);
  else body.push(`return ${target};`);

  const fn = `${isAsync ? 'async ' : ''}(${params})${ts && style !== 'callback' && declare !== 'types' ? ': Promise<any>' : ''} => {\n  ${body.join('\n  ')}\n}`;
  const exportName = r.pick(['handler', 'handler', 'handler', 'main']);
  if (esm) {
    if (r.chance(0.2) && !typeAnn) lines.push(`export default ${fn};`);
    else lines.push(`export const ${exportName}${typeAnn} = ${fn};`);
  } else if (r.chance(0.3)) {
    lines.push(`const ${exportName} = ${fn};`, '', `module.exports = { ${exportName} };`);
  } else {
    lines.push(`exports.${exportName} = ${fn};`);
  }
  lines.push('');
  return { ext, text: lines.join('\n') };
}

/** Writes `count` handler files into `dir` (prefix-stable for a given seed). */
export function buildEdgeCorpus(dir, count, seed) {
  const stamp = `edge v2 ${count} ${seed}`;
  if (upToDate(dir, stamp)) return listCorpus(dir);
  fresh(dir);
  // A project has a manifest; discovery reads it (a project that does not name CDK in one
  // has no code files to search for CDK apps).
  write(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-edge', private: true }, null, 2)}\n`);
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const { ext, text } = edgeHandler(r, i);
    write(join(dir, `group-${String(Math.floor(i / 100)).padStart(2, '0')}`, `edge-${String(i).padStart(4, '0')}${ext}`), text);
  }
  stampDir(dir, stamp);
  return listCorpus(dir);
}

// ---------------------------------------------------------------- non-edge code

const CODE_EXT = /\.(js|mjs|cjs|ts|mts|cts)$/;
const SKIP_NAME = /(\.d\.[mc]?ts|\.min\.js|-min\.js|\.bundle\.js)$/;
const MAX_BYTES = 200 * 1024;

function walkCode(root) {
  const out = [];
  const seen = new Set();
  const walk = (dir) => {
    let st;
    try {
      st = statSync(dir);
    } catch {
      return;
    }
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id)) return;
    seen.add(id);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && safeIsDir(full))) {
        if (e.name === '.bin' || e.name === '.cache' || e.name === 'test' || e.name === 'tests' || e.name === '__tests__') continue;
        walk(full);
      } else if (e.isFile() && CODE_EXT.test(e.name) && !SKIP_NAME.test(e.name)) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}
function safeIsDir(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Minified or generated code: very long lines. */
function looksMinified(text) {
  let longest = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      longest = Math.max(longest, i - start);
      start = i + 1;
      if (longest > 1000) return true;
    }
  }
  return false;
}

/**
 * Copies a seeded selection of real JS/TS source from node_modules into `dir`, keeping only
 * files the floor configuration parses (so every config lints every file).
 * `parses(text, ext)` is supplied by the caller (it needs ESLint).
 */
export function buildNonEdgeCorpus(dir, count, seed, nodeModules, parses) {
  const stamp = `nonedge v2 ${count} ${seed}`;
  if (upToDate(dir, stamp)) return listCorpus(dir);
  fresh(dir);
  write(join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-nonedge', private: true }, null, 2)}\n`);
  const r = rng(seed);
  const candidates = r.shuffle(walkCode(nodeModules));
  const seenHashes = new Set();
  let copied = 0;
  let skipped = { big: 0, minified: 0, duplicate: 0, parse: 0 };
  for (const file of candidates) {
    if (copied >= count) break;
    let st;
    try {
      st = statSync(file);
    } catch {
      continue;
    }
    if (st.size > MAX_BYTES || st.size < 200) {
      skipped.big++;
      continue;
    }
    const text = readFileSync(file, 'utf8');
    if (looksMinified(text)) {
      skipped.minified++;
      continue;
    }
    const hash = createHash('sha1').update(text).digest('hex');
    if (seenHashes.has(hash)) {
      skipped.duplicate++;
      continue;
    }
    const ext = extname(file);
    if (!parses(text, ext)) {
      skipped.parse++;
      continue;
    }
    seenHashes.add(hash);
    const rel = relative(nodeModules, file).split(/[\\/]/).join('__');
    write(join(dir, `group-${String(Math.floor(copied / 100)).padStart(2, '0')}`, `${String(copied).padStart(4, '0')}-${rel}`), text);
    copied++;
  }
  if (copied < count) process.stderr.write(`bench: only ${copied} non-edge files available (wanted ${count})\n`);
  writeFileSync(join(dir, '.bench-skipped.json'), JSON.stringify(skipped));
  stampDir(dir, stamp);
  return listCorpus(dir);
}

export function listCorpus(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (CODE_EXT.test(e.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function corpusStats(files) {
  let bytes = 0;
  let lines = 0;
  const byExt = {};
  let hinted = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += Buffer.byteLength(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
    const ext = extname(f);
    byExt[ext] = (byExt[ext] ?? 0) + 1;
    // The text hint of src/analysis.ts: files without it bail out after one regex.
    if (/Records|CloudFront|lambda-edge-event/.test(text)) hinted++;
  }
  return { files: files.length, bytes, lines, byExt, edgeHintFiles: hinted };
}

// ---------------------------------------------------------------- infrastructure app

/**
 * A project with `total` Lambda@Edge functions spread over CDK (TypeScript), Serverless,
 * SAM and Terraform, each bound to one of the four event types, each importing a shared
 * helper module. Returns the expected bindings [{ file, exportName, eventType, source }].
 */
export function buildInfraApp(dir, total, seed) {
  const stamp = `infra v1 ${total} ${seed}`;
  const expectedFile = join(dir, '.bench-expected.json');
  if (upToDate(dir, stamp) && existsSync(expectedFile)) return JSON.parse(readFileSync(expectedFile, 'utf8'));
  fresh(dir);
  const r = rng(seed);
  const expected = [];
  const per = [0, 0, 0, 0];
  for (let i = 0; i < total; i++) per[i % 4]++;
  const [nCdk, nSls, nSam, nTf] = per;

  write(join(dir, 'package.json'), JSON.stringify({ name: 'bench-infra-app', private: true, type: 'commonjs' }, null, 2) + '\n');
  write(join(dir, 'README.md'), '# Generated benchmark app: 50 Lambda@Edge functions over CDK, Serverless, SAM and Terraform\n');
  // Ordinary code next to the infrastructure, which discovery walks past.
  for (let i = 0; i < 40; i++) {
    write(join(dir, 'web', `page-${i}.js`), `export function page${i}(props) {\n  return '<div>' + props.title + '</div>';\n}\n`);
  }

  const handlerFile = (base, i, eventType, ext, exportName) => {
    // Handlers without a tag comment: their event type comes from infrastructure only.
    let { text } = edgeHandler(rng(seed * 1000 + i), i);
    text = text.replace(/^\/\/ @lambda-edge-event .*\n/m, '');
    text = text.replace(/exports\.(handler|main)\b/, `exports.${exportName}`).replace(/export const (handler|main)\b/, `export const ${exportName}`);
    text = text.replace(/module\.exports = \{ (handler|main) \}/, `module.exports = { ${exportName}: $1 }`);
    text = text.replace(/export default /, `export const ${exportName} = `);
    void eventType;
    const file = join(base + ext);
    write(file, text);
    return file;
  };
  const shared = `'use strict';\nexports.header = (key, value) => [{ key, value }];\nexports.normalize = (uri) => uri.replace(/\\/+/g, '/');\n`;

  // CDK (TypeScript), in its own folder with cdk.json.
  {
    const root = join(dir, 'cdk');
    write(join(root, 'cdk.json'), JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/app.ts', context: {} }, null, 2) + '\n');
    write(join(root, 'bin', 'app.ts'), `#!/usr/bin/env node\nimport * as cdk from 'aws-cdk-lib';\nimport { EdgeStack } from '../lib/edge-stack';\n\nconst app = new cdk.App();\nnew EdgeStack(app, 'EdgeStack', { env: { region: 'us-east-1' } });\n`);
    write(join(root, 'edge', 'shared', 'util.js'), shared);
    const fns = [];
    const lambdas = [];
    for (let k = 0; k < nCdk; k++) {
      const eventType = EVENTS[k % 4];
      const name = `Fn${k}`;
      const file = handlerFile(join(root, 'edge', `fn${k}`, 'index'), 1000 + k, eventType, '.js', 'handler');
      expected.push({ file, exportName: 'handler', eventType, source: 'cdk' });
      fns.push(`    const fn${k} = new cloudfront.experimental.EdgeFunction(this, '${name}', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '../edge/fn${k}')),
    });`);
      lambdas.push(`          { functionVersion: fn${k}.currentVersion, eventType: cloudfront.LambdaEdgeEventType.${eventType.toUpperCase().replace('-', '_')} },`);
    }
    // Four behaviours, each with up to one function per event type.
    const behaviours = [];
    for (let b = 0; b * 4 < lambdas.length; b++) {
      behaviours.push(`      '/path${b}/*': {
        origin,
        edgeLambdas: [
${lambdas.slice(b * 4, b * 4 + 4).join('\n')}
        ],
      },`);
    }
    write(join(root, 'lib', 'edge-stack.ts'), `import * as path from 'node:path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

export class EdgeStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
${fns.join('\n')}

    const origin = new origins.HttpOrigin('example.com');
    new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: { origin },
      additionalBehaviors: {
${behaviours.join('\n')}
      },
    });
  }
}
`);
  }

  // Serverless Framework.
  {
    const root = join(dir, 'serverless');
    const fns = [];
    write(join(root, 'src', 'shared', 'util.js'), shared);
    for (let k = 0; k < nSls; k++) {
      const eventType = EVENTS[k % 4];
      const file = handlerFile(join(root, 'src', 'edge', `fn${k}`), 2000 + k, eventType, r.pick(['.js', '.mjs', '.ts']), 'handler');
      expected.push({ file, exportName: 'handler', eventType, source: 'serverless' });
      fns.push(`  fn${k}:
    handler: src/edge/fn${k}.handler
    events:
      - cloudFront:
          eventType: ${eventType}
          pathPattern: /sls${k}/*
          origin: \${self:custom.origin}`);
    }
    write(join(root, 'serverless.yml'), `service: bench-edge
frameworkVersion: '3'

custom:
  origin: https://origin.example.com

provider:
  name: aws
  runtime: nodejs20.x
  region: us-east-1

functions:
${fns.join('\n')}
  api:
    handler: src/api.handler
    events:
      - httpApi: 'GET /hello'
`);
    write(join(root, 'src', 'api.js'), `exports.handler = async () => ({ statusCode: 200, body: 'hi' });\n`);
  }

  // SAM.
  {
    const root = join(dir, 'sam');
    const resources = [];
    const assocs = [];
    for (let k = 0; k < nSam; k++) {
      const eventType = EVENTS[k % 4];
      const file = handlerFile(join(root, 'edge', `fn${k}`, 'app'), 3000 + k, eventType, r.pick(['.js', '.mjs']), 'handler');
      expected.push({ file, exportName: 'handler', eventType, source: 'sam' });
      resources.push(`  Fn${k}:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: edge/fn${k}/
      Handler: app.handler
      AutoPublishAlias: live
      Role: !GetAtt EdgeRole.Arn`);
      assocs.push(`          - PathPattern: /sam${k}/*
            TargetOriginId: origin
            ViewerProtocolPolicy: redirect-to-https
            LambdaFunctionAssociations:
              - EventType: ${eventType}
                LambdaFunctionARN: !Ref Fn${k}.Version`);
    }
    write(join(root, 'template.yaml'), `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: Benchmark site with Lambda@Edge handlers

Globals:
  Function:
    Runtime: nodejs20.x
    Timeout: 5

Resources:
${resources.join('\n\n')}

  EdgeRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]
            Action: sts:AssumeRole

  Distribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: origin
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: origin
          ViewerProtocolPolicy: redirect-to-https
        CacheBehaviors:
${assocs.join('\n')}
`);
  }

  // Terraform.
  {
    const root = join(dir, 'terraform');
    const lambdas = [];
    const behaviours = [];
    for (let k = 0; k < nTf; k++) {
      const eventType = EVENTS[k % 4];
      const file = handlerFile(join(root, 'edge', `fn${k}`), 4000 + k, eventType, '.js', 'handler');
      expected.push({ file, exportName: 'handler', eventType, source: 'terraform' });
      lambdas.push(`data "archive_file" "fn${k}" {
  type        = "zip"
  source_file = "\${path.module}/edge/fn${k}.js"
  output_path = "\${path.module}/build/fn${k}.zip"
}

resource "aws_lambda_function" "fn${k}" {
  function_name    = "bench-fn${k}"
  role             = aws_iam_role.edge.arn
  runtime          = "nodejs20.x"
  handler          = "fn${k}.handler"
  filename         = data.archive_file.fn${k}.output_path
  source_code_hash = data.archive_file.fn${k}.output_base64sha256
  publish          = true
}`);
      behaviours.push(`  ordered_cache_behavior {
    path_pattern           = "/tf${k}/*"
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]

    lambda_function_association {
      event_type = "${eventType}"
      lambda_arn = aws_lambda_function.fn${k}.qualified_arn
    }
  }`);
    }
    write(join(root, 'lambda.tf'), `${lambdas.join('\n\n')}

resource "aws_iam_role" "edge" {
  name = "edge"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] }
      Action    = "sts:AssumeRole"
    }]
  })
}
`);
    write(join(root, 'main.tf'), `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = "us-east-1"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true

  origin {
    domain_name = "origin.example.com"
    origin_id   = "origin"
  }

  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
  }

${behaviours.join('\n\n')}

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`);
  }

  writeFileSync(expectedFile, JSON.stringify(expected, null, 2));
  stampDir(dir, stamp);
  void basename;
  return expected;
}
