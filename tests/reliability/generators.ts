/**
 * Program generators for the reliability fuzzer.
 *
 * - `eslumpProgram(seed)`: random JavaScript from eslump (seeded by swapping Math.random for a
 *   seeded generator while it runs), with some identifiers renamed to Lambda@Edge names
 *   (`event`, `Records`, `cf`, `response`, `headers`, ...) and sometimes an `@lambda-edge-event`
 *   comment or a handler appended, so that the shared analysis actually runs on it.
 * - `handlerProgram`: a fast-check arbitrary of handler-shaped programs: random nesting of
 *   responses, header maps with random key case and value shapes, aliases, destructuring,
 *   helpers, spreads, conditionals on the event type, odd literals, CJS/ESM, callback/async,
 *   `@lambda-edge-event` comments with random (sometimes wrong) types, TS annotations.
 */
import { tokenize } from 'espree';
import { generateRandomJS } from 'eslump';
import fc from 'fast-check';

// ---------------------------------------------------------------- seeded randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function withRandom<T>(random: () => number, run: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

// ---------------------------------------------------------------- eslump

const EDGE_NAMES = [
  'event',
  'Records',
  'cf',
  'request',
  'response',
  'headers',
  'status',
  'statusDescription',
  'body',
  'bodyEncoding',
  'callback',
  'config',
  'eventType',
  'uri',
  'querystring',
  'key',
  'value',
  'handler',
  'exports',
  'module',
];
const EVENT_WORDS = ['viewer-request', 'origin-request', 'origin-response', 'viewer-response', 'orign-response', ''];

export interface GeneratedProgram {
  code: string;
  sourceType: 'module' | 'script';
  /** Uses TypeScript-only syntax: parse with the TypeScript parser only. */
  typescript: boolean;
  settings?: Record<string, unknown>;
}

/** One eslump program, fully determined by `seed`. */
export function eslumpProgram(seed: number, maxDepth = 5): GeneratedProgram {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sourceType = random() < 0.5 ? 'module' : 'script';
  const raw = withRandom(mulberry32(seed ^ 0x9e3779b9), () =>
    generateRandomJS({ sourceType, maxDepth, comments: random() < 0.3, whitespace: random() < 0.3 }),
  );
  // Rename some identifiers to the names the analysis looks for.
  let code = raw;
  try {
    const tokens = tokenize(raw, { ecmaVersion: 'latest', sourceType, range: true }) as unknown as Array<{
      type: string;
      value: string;
      range: [number, number];
    }>;
    const renameRate = random() * 0.6;
    const names = new Map<string, string>();
    let out = '';
    let last = 0;
    for (const token of tokens) {
      if (token.type !== 'Identifier') continue;
      let name = names.get(token.value);
      if (name === undefined) {
        name = random() < renameRate ? pick(EDGE_NAMES) : token.value;
        names.set(token.value, name);
      }
      out += raw.slice(last, token.range[0]) + name;
      last = token.range[1];
    }
    code = out + raw.slice(last);
  } catch {
    // eslump sometimes produces code espree rejects; keep it as it is.
  }
  const roll = random();
  if (roll < 0.3) code = `// @lambda-edge-event ${pick(EVENT_WORDS)}\n${code}`;
  else if (roll < 0.5) code = `${code}\n/* @lambda-edge-event ${pick(EVENT_WORDS)}, ${pick(EVENT_WORDS)} */`;
  if (random() < 0.4) {
    code +=
      sourceType === 'module'
        ? '\nexport const handler = async (event) => { const { response } = event.Records[0].cf; response.status = 200; return response; };'
        : '\nexports.handler = function (event, context, callback) { callback(null, event.Records[0].cf.request); };';
  }
  return { code, sourceType, typescript: false };
}

// ---------------------------------------------------------------- handler-shaped programs (fast-check)

/** A statement: text with placeholders, or a compound statement around two blocks. */
type Stmt = string | { wrap: string; a: Stmt[]; b: Stmt[] };

const EVENT_TYPE = fc.constantFrom('viewer-request', 'origin-request', 'origin-response', 'viewer-response');
const EVENT_TYPE_OR_TYPO = fc.oneof(
  { weight: 4, arbitrary: EVENT_TYPE },
  { weight: 1, arbitrary: fc.constantFrom('orign-response', 'origin', 'Viewer-Request', 'viewer_request', '*', 'response') },
);

/** Quotes text as a JS string literal in one of several styles. */
function quote(text: string, style: number): string {
  switch (style % 4) {
    case 0:
      return JSON.stringify(text);
    case 1:
      return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
    case 2:
      return `\`${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
    default:
      // Unicode escapes for every character.
      return `'${[...text].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}'`;
  }
}

const str = (arb: fc.Arbitrary<string>) => fc.tuple(arb, fc.nat(7)).map(([t, s]) => quote(t, s));

const HEADER_NAMES = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'content-type',
      'cache-control',
      'content-length',
      'content-encoding',
      'transfer-encoding',
      'set-cookie',
      'location',
      'host',
      'via',
      'x-custom',
      'x-amz-cf-id',
      'strict-transport-security',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
  // Names a literal can only hold escaped: fixes must not write them out raw.
  { weight: 1, arbitrary: fc.constantFrom('x\ny', 'x\u2028y', "q'r", 'a\\b', 'x-${y}', 'x`y', 'ä-x', 'x\ud800', 'x\ty') },
);

/** The same name in random letter case. */
const caseOf = (name: string) =>
  fc.constantFrom(0, 1, 2, 3).chain((mode) => {
    if (mode === 0) return fc.constant(name.toLowerCase());
    if (mode === 1) return fc.constant(name.replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase()));
    if (mode === 2) return fc.constant(name.toUpperCase());
    return fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((flips) =>
      [...name].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
    );
  });

const headerNameInCase = HEADER_NAMES.chain(caseOf);

const ODD = fc.constantFrom(
  '0',
  '-1',
  '200.5',
  '0x1F4',
  '2e2',
  '1_000',
  '10n',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  "''",
  "'a\\nb'",
  "'\\x00'",
  '"😀"',
  '`${1}${2}`',
  'String.raw`x\\y`',
  '/re(g)+/giu',
  '[,]',
  '{}',
  '[]',
  'void 0',
  '(0, "x")',
  "'\\u{1F600}'",
);

const valueExpr = fc.oneof(
  { weight: 4, arbitrary: str(fc.constantFrom('text/html', 'no-cache', 'max-age=0', '/new', 'a=b; Secure', 'gzip', '')) },
  { weight: 1, arbitrary: str(fc.string({ maxLength: 12 })) },
  { weight: 2, arbitrary: ODD },
  { weight: 1, arbitrary: fc.constantFrom('String(Date.now())', '`v-${Date.now()}`', '$REQ.uri', 'process.env.VALUE', "'x'.repeat(9000)") },
);

const headerValue = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(headerNameInCase, valueExpr, fc.nat(7)).map(([k, v, s]) => `[{ key: ${quote(k, s)}, value: ${v} }]`) },
  { weight: 2, arbitrary: valueExpr.map((v) => `[{ value: ${v} }]`) },
  { weight: 2, arbitrary: valueExpr },
  { weight: 1, arbitrary: fc.constant('[]') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(headerNameInCase, valueExpr, headerNameInCase, valueExpr)
      .map(([k1, v1, k2, v2]) => `[{ key: ${JSON.stringify(k1)}, value: ${v1} }, { key: ${JSON.stringify(k2)}, value: ${v2} }]`),
  },
  { weight: 1, arbitrary: fc.tuple(valueExpr, headerNameInCase).map(([v, k]) => `[{ value: ${v}, key: ${JSON.stringify(k)} }]`) },
  { weight: 1, arbitrary: headerNameInCase.map((k) => `$RES.headers[${JSON.stringify(k)}]`) },
);

/** A property key in one of its spellings: `a`, `'a'`, `["a"]`, `[\`a\`]`. */
const keyExpr = (name: string) =>
  fc.nat(5).map((s) => {
    const ident = /^[A-Za-z_$][\w$]*$/.test(name);
    switch (s) {
      case 0:
        return ident ? name : JSON.stringify(name);
      case 1:
        return `[${JSON.stringify(name)}]`;
      case 2:
        return `[\`${name.replace(/[`\\$]/g, '')}\`]`;
      case 3:
        return name.length > 2 ? `[${JSON.stringify(name.slice(0, 2))} + ${JSON.stringify(name.slice(2))}]` : JSON.stringify(name);
      default:
        return quote(name, s);
    }
  });

const headersObj = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: headerNameInCase.chain((k) => fc.tuple(keyExpr(k), headerValue)).map(([k, v]) => `${k}: ${v}`) },
      { weight: 1, arbitrary: fc.constantFrom('...$RES.headers', '...base', '...{ via: [{ key: "Via", value: "x" }] }', '...undefined') },
      { weight: 1, arbitrary: fc.constantFrom('1: [{ key: "1", value: "1" }]', '[Symbol.iterator]: []', 'get x() { return []; }') },
    ),
    { maxLength: 5 },
  )
  .map((entries) => `{ ${entries.join(', ')} }$TS{ as CloudFrontHeaders}`);

const statusExpr = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -1, max: 999 }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom(200, 204, 301, 302, 304, 404, 500).chain((n) => fc.constantFrom(`'${n}'`, `${n}`, `"${n}"`, `\`${n}\``)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'ok ? 301 : \'302\'',
      'ok ? 200 : 404',
      'code || 500',
      'code ?? 204',
      '(200)',
      '200$TS{ as const}',
      'String(200)',
      "'\\u0032\\u0030\\u0030'",
      '+"200"',
      '-200',
      '2_00',
      '0o310',
    ),
  },
  { weight: 1, arbitrary: ODD },
);

const bodyExpr = fc.constantFrom(
  "'hello'",
  "''",
  "'x'.repeat(50000)",
  "'x'.repeat(1100000)",
  "'é'.repeat(700000)",
  "'x'.repeat(-1)",
  "'x'.repeat(1e400)",
  'JSON.stringify({ ok: true, list: [1, 2, null] })',
  'JSON.stringify({ a: 1 }, null, 2)',
  "readFileSync(join(__dirname, 'index.html'), 'utf8')",
  "fs.readFileSync(path.join(__dirname, '../../../etc/passwd'))",
  "readFileSync(new URL('./page.html', import.meta.url))",
  "readFileSync('/dev/zero')",
  "readFileSync('/proc/self/environ', 'base64')",
  "Buffer.from('hi').toString('base64')",
  "btoa('x')",
  '$RES.body',
  '$REQ.body.data',
  'undefined',
  'null',
  '42',
  '`<p>${$REQ.uri}</p>`',
  '[1, 2]',
);

const propName = (name: string) => fc.constantFrom(name, `'${name}'`, `"${name}"`, `['${name}']`);

const responseObj = fc
  .record(
    {
      status: fc.tuple(propName('status'), statusExpr),
      statusDescription: fc.tuple(propName('statusDescription'), str(fc.constantFrom('OK', 'Found', 'Not Found', ''))),
      headers: fc.tuple(propName('headers'), fc.oneof(headersObj, fc.constantFrom('$RES.headers', 'base', '{}', 'null'))),
      body: fc.tuple(propName('body'), bodyExpr),
      bodyEncoding: fc.tuple(propName('bodyEncoding'), fc.constantFrom("'text'", "'base64'", "'gzip'", '1')),
      statusCode: fc.tuple(fc.constant('statusCode'), fc.constantFrom('200', "'200'")),
      spread: fc.constantFrom('...$RES', '...{ status: "302" }', '...base', '...$REQ'),
      spreadLast: fc.constantFrom('...$RES', '...{ status: 404 }'),
    },
    { requiredKeys: [] },
  )
  .map((r) => {
    const parts: string[] = [];
    if (r.spread) parts.push(r.spread);
    for (const k of ['status', 'statusDescription', 'headers', 'body', 'bodyEncoding', 'statusCode'] as const) {
      const entry = r[k];
      if (entry) parts.push(`${entry[0]}: ${entry[1]}`);
    }
    if (r.spreadLast) parts.push(r.spreadLast);
    return `{ ${parts.join(', ')} }`;
  });

const resultExpr = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('$RES', '$REQ', '$GEN') },
  { weight: 1, arbitrary: fc.constantFrom('event', '$CF', 'event.Records', 'event.Records[0]', 'undefined', 'null', "'ok'") },
  { weight: 3, arbitrary: responseObj },
  { weight: 1, arbitrary: statusExpr.map((s) => `{ ...$RES, status: ${s} }`) },
  { weight: 1, arbitrary: responseObj.map((o) => `ok ? $RES : ${o}`) },
  { weight: 1, arbitrary: fc.constantFrom('Promise.resolve($RES)', 'makeResponse(404)', 'makeResponse(\'200\')', 'fetchThing().then(() => $RES)') },
);

const completion = fc.oneof(
  resultExpr.map((r) => `return ${r};`),
  resultExpr.map((r) => `callback(null, ${r});`),
  resultExpr.map((r) => `return callback(null, ${r});`),
  fc.constant("callback(new Error('boom'));"),
  fc.constant('return;'),
);

const leafStmt: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: statusExpr.map((s) => `$RES.status = ${s};`) },
  { weight: 1, arbitrary: str(fc.constantFrom('OK', 'Moved', '')).map((s) => `$RES.statusDescription = ${s};`) },
  { weight: 3, arbitrary: fc.tuple(headerNameInCase, headerValue).map(([k, v]) => `$RES.headers[${JSON.stringify(k)}] = ${v};`) },
  { weight: 1, arbitrary: headerValue.map((v) => `$RES.headers.location = ${v};`) },
  { weight: 2, arbitrary: headerNameInCase.map((k) => `delete $RES.headers[${JSON.stringify(k)}];`) },
  { weight: 2, arbitrary: bodyExpr.map((b) => `$RES.body = ${b};`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, valueExpr).map(([k, v]) => `$RES.headers[${JSON.stringify(k)}][0].value = ${v};`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, valueExpr).map(([k, v]) => `$RES.headers[${JSON.stringify(k)}].push({ key: ${JSON.stringify(k)}, value: ${v} });`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, headerValue).map(([k, v]) => `const h$N = $RES.headers; h$N[${JSON.stringify(k)}] = ${v};`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, headerValue).map(([k, v]) => `const { headers: hd$N } = $RES; hd$N[${JSON.stringify(k)}] = ${v};`) },
  { weight: 1, arbitrary: headersObj.map((h) => `Object.assign($RES.headers, ${h});`) },
  { weight: 1, arbitrary: headersObj.map((h) => `$RES.headers = ${h};`) },
  { weight: 1, arbitrary: str(fc.constantFrom('/index.html', '/', '')).map((u) => `$REQ.uri = ${u};`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, headerValue).map(([k, v]) => `$REQ.headers[${JSON.stringify(k)}] = ${v};`) },
  { weight: 1, arbitrary: fc.constantFrom('const b$N = $REQ.body;', 'const { body: rb$N } = $RES;', 'if ($RES.body) {}', 'console.log($RES.body?.length);') },
  { weight: 3, arbitrary: responseObj.map((o) => `const gen$N$TS{: CloudFrontResultResponse} = ${o};`) },
  { weight: 2, arbitrary: statusExpr.map((s) => `$GEN.status = ${s};`) },
  { weight: 1, arbitrary: fc.tuple(headerNameInCase, headerValue).map(([k, v]) => `$GEN.headers[${JSON.stringify(k)}] = ${v};`) },
  { weight: 1, arbitrary: bodyExpr.map((b) => `$GEN.body = ${b};`) },
  { weight: 1, arbitrary: statusExpr.map((s) => `const gen$N = makeResponse(${s});`) },
  { weight: 1, arbitrary: fc.constant('const type$N = $CF.config.eventType;') },
  // Bindings that resolve to themselves, and `await` as a name (where the handler allows it).
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'let hh$N = $RES.headers;\nhh$N = hh$N;',
      'let ha$N = {};\nlet hb$N = ha$N;\nha$N = hb$N;\n$RES.headers = hb$N;',
      'var rr$N = event.Records;\nvar rr$N = rr$N;',
      'var rc$N = event.Records[0];\nvar rc$N = rc$N;',
      'const self$N = `${self$N}${self$N}`;\n$RES.body = self$N;',
      "const enc$N = enc$N;\n$RES.body = Buffer.from('x').toString(enc$N);",
      'const aw$N = { 0: $AWAIT };',
    ),
  },
  { weight: 1, arbitrary: EVENT_TYPE.map((t) => `if ($CF.config.eventType !== '${t}') return $REQ;`) },
  { weight: 2, arbitrary: completion },
);

const stmts: fc.Arbitrary<Stmt[]> = fc.letrec<{ list: Stmt[]; stmt: Stmt }>((tie) => ({
  list: fc.array(tie('stmt'), { maxLength: 4 }),
  stmt: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leafStmt },
    {
      weight: 1,
      arbitrary: fc
        .tuple(EVENT_TYPE, fc.constantFrom('===', '!==', '=='), tie('list'), tie('list'))
        .map(([t, op, a, b]) => ({ wrap: `if ($CF.config.eventType ${op} '${t}') {\n$A\n} else {\n$B\n}`, a, b }) as Stmt),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(EVENT_TYPE, tie('list'), tie('list'))
        .map(([t, a, b]) => ({ wrap: `switch ($CF.config.eventType) {\ncase '${t}': {\n$A\nbreak;\n}\ndefault: {\n$B\n}\n}`, a, b }) as Stmt),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(tie('list'), tie('list')).map(([a, b]) => ({ wrap: 'try {\n$A\n} catch (err) {\n$B\n}', a, b }) as Stmt),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie('list'), fc.constantFrom('for (const name of Object.keys($RES.headers)) {\n$A\n}', '[1].forEach(() => {\n$A\n});', 'if (ok) {\n$A\n}', '{\n$A\n}'))
        .map(([a, wrap]) => ({ wrap, a, b: [] }) as Stmt),
    },
  ),
})).list as fc.Arbitrary<Stmt[]>;

interface Prelude {
  params: string;
  lines: string;
  CF: string;
  REQ: string;
  RES: string;
}

const PRELUDES: Prelude[] = [
  { params: 'event', lines: 'const cf = event.Records[0].cf;\nconst request = cf.request;\nconst response = cf.response;', CF: 'cf', REQ: 'request', RES: 'response' },
  { params: 'event', lines: 'const { request, response, config } = event.Records[0].cf;', CF: 'event.Records[0].cf', REQ: 'request', RES: 'response' },
  { params: 'event', lines: 'const { Records: [{ cf: { request, response } }] } = event;', CF: 'event.Records[0].cf', REQ: 'request', RES: 'response' },
  { params: 'event', lines: 'const record = event.Records[0];\nconst { cf } = record;', CF: 'cf', REQ: 'cf.request', RES: 'cf.response' },
  { params: 'event', lines: '', CF: 'event.Records[0].cf', REQ: "event.Records[0].cf['request']", RES: 'event.Records[0].cf[`response`]' },
  { params: 'event', lines: 'let response;\nresponse = event.Records[0].cf.response;\nconst request = event.Records[0].cf.request;', CF: 'event.Records[0].cf', REQ: 'request', RES: 'response' },
  { params: 'event', lines: 'const response = getResponse(event);\nconst request = event.Records[0].cf.request;', CF: 'event.Records[0].cf', REQ: 'request', RES: 'response' },
  { params: '{ Records: [{ cf }] }', lines: '', CF: 'cf', REQ: 'cf.request', RES: 'cf.response' },
  { params: 'event', lines: 'const { cf: { response: res, request: req } } = event.Records[0];', CF: 'event.Records[0].cf', REQ: 'req', RES: 'res' },
];

export interface HandlerPlan {
  esm: boolean;
  ts: boolean;
  asyncHandler: boolean;
  /** An async handler that still declares (and maybe calls) `callback`. */
  callbackParam: boolean;
  form: number;
  prelude: number;
  tag: { where: 'none' | 'top' | 'handler'; style: number; words: string[]; sep: string };
  body: Stmt[];
  final: string;
  settings: number;
  eventTypeSetting: string[];
}

export const handlerPlan: fc.Arbitrary<HandlerPlan> = fc.record({
  esm: fc.boolean(),
  ts: fc.boolean(),
  asyncHandler: fc.boolean(),
  callbackParam: fc.boolean(),
  form: fc.nat(5),
  prelude: fc.nat(PRELUDES.length - 1),
  tag: fc.record({
    where: fc.constantFrom('none', 'none', 'top', 'handler'),
    style: fc.nat(2),
    words: fc.array(EVENT_TYPE_OR_TYPO, { maxLength: 2 }),
    sep: fc.constantFrom(', ', ' ', ' | ', ','),
  }),
  body: stmts,
  final: completion,
  settings: fc.nat(5),
  eventTypeSetting: fc.array(EVENT_TYPE_OR_TYPO, { maxLength: 2 }),
});

function renderStmts(list: Stmt[], fill: (text: string) => string): string {
  return list
    .map((s) =>
      typeof s === 'string'
        ? fill(s)
        : fill(s.wrap.replace('$A', () => `\u0000A`).replace('$B', () => `\u0000B`))
            .replace('\u0000A', () => renderStmts(s.a, fill))
            .replace('\u0000B', () => renderStmts(s.b, fill)),
    )
    .join('\n');
}

/** Turns a plan into a program. Deterministic. */
export function renderHandler(plan: HandlerPlan): GeneratedProgram {
  const prelude = PRELUDES[plan.prelude]!;
  let counter = 0;
  let gen: string | undefined;
  const fill = (template: string): string => {
    const n = ++counter;
    let text = template.replace(/\$N/g, String(n));
    text = text.replace(/\$TS\{([^}]*)\}/g, (_, inner: string) => (plan.ts ? inner : ''));
    text = text.replace(/\$GEN/g, () => gen ?? prelude.RES);
    const defined = /const (gen\d+)/.exec(text);
    if (defined) gen = defined[1];
    if (!plan.esm) text = text.replace(/import\.meta\.url/g, "'file://' + __filename");
    // `await` is a name only in a script, outside async functions.
    text = text.replace(/\$AWAIT/g, plan.esm || plan.asyncHandler ? '0' : '(await)');
    return text.replace(/\$RES/g, prelude.RES).replace(/\$REQ/g, prelude.REQ).replace(/\$CF/g, prelude.CF);
  };
  const body = [prelude.lines, renderStmts(plan.body, fill), fill(plan.final)].filter(Boolean).join('\n');

  const words = plan.tag.words.join(plan.tag.sep);
  const tag =
    plan.tag.style === 0
      ? `// @lambda-edge-event ${words}`
      : plan.tag.style === 1
        ? `/* @lambda-edge-event ${words} */`
        : `/**\n * The handler.\n * @lambda-edge-event ${words}\n */`;

  const ann = (text: string) => (plan.ts ? text : '');
  const isResponse = prelude.RES !== 'undefined';
  const eventType = ann(isResponse ? ': CloudFrontResponseEvent' : ': CloudFrontRequestEvent');
  const params = plan.asyncHandler && !plan.callbackParam
    ? `${prelude.params}${prelude.params === 'event' ? eventType : ''}`
    : `${prelude.params}${prelude.params === 'event' ? eventType : ''}, context${ann(': Context')}, callback${ann(': Callback')}`;
  const asyncKw = plan.asyncHandler ? 'async ' : '';
  const returnType = ann(plan.asyncHandler ? ': Promise<CloudFrontResultResponse | CloudFrontRequest>' : ': void');

  const lines: string[] = [];
  if (plan.tag.where === 'top') lines.push(tag);
  if (plan.esm) {
    if (plan.ts) {
      lines.push(
        "import type { CloudFrontRequest, CloudFrontRequestEvent, CloudFrontResponseEvent, CloudFrontResultResponse, CloudFrontHeaders, Callback, Context } from 'aws-lambda';",
      );
    }
    lines.push("import fs, { readFileSync } from 'node:fs';", "import path, { join } from 'node:path';");
  } else {
    lines.push("const fs = require('fs');", 'const { readFileSync } = fs;', "const path = require('path');", 'const { join } = path;');
  }
  lines.push(
    `const ok = Math.random() > 0.5;`,
    `const code = Number(process.env.CODE);`,
    `const base = { 'x-base': [{ key: 'X-Base', value: '1' }] };`,
    `const wrap = (fn${ann(': any')}) => fn;`,
    `const fetchThing = () => Promise.resolve(1);`,
    `function getResponse(e${ann(': CloudFrontResponseEvent')}) { return e.Records[0].cf.response; }`,
    `function makeResponse(status${ann(': number | string')}) {\n  return { status, statusDescription: 'OK', headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] }, body: 'ok' };\n}`,
  );
  if (plan.tag.where === 'handler') lines.push(tag);
  const fnBody = `{\n${body}\n}`;
  if (plan.esm) {
    switch (plan.form) {
      case 0:
        lines.push(`export const handler = ${asyncKw}(${params})${returnType} => ${fnBody};`);
        break;
      case 1:
        lines.push(`export ${asyncKw}function handler(${params})${returnType} ${fnBody}`);
        break;
      case 2:
        lines.push(`export default ${asyncKw}function (${params})${returnType} ${fnBody}`);
        break;
      case 3:
        lines.push(`const main = ${asyncKw}(${params})${returnType} => ${fnBody};`, 'export { main as handler };');
        break;
      default:
        lines.push(`export const handler = wrap(${asyncKw}function (${params})${returnType} ${fnBody});`);
    }
  } else {
    switch (plan.form) {
      case 0:
        lines.push(`exports.handler = ${asyncKw}(${params})${returnType} => ${fnBody};`);
        break;
      case 1:
        lines.push(`module.exports.handler = ${asyncKw}function (${params})${returnType} ${fnBody};`);
        break;
      case 2:
        lines.push(`${asyncKw}function handler(${params})${returnType} ${fnBody}`, 'module.exports = { handler };');
        break;
      case 3:
        lines.push(`module.exports = ${asyncKw}(${params})${returnType} => ${fnBody};`);
        break;
      case 4:
        lines.push(`exports.handler = wrap(${asyncKw}function (${params})${returnType} ${fnBody});`);
        break;
      default:
        // Not exported at all (`exports = ...` only rebinds a local): found by its use of the event.
        lines.push(`exports = ${asyncKw}function (${params})${returnType} ${fnBody};`);
    }
  }

  let settings: Record<string, unknown> | undefined;
  const types = plan.eventTypeSetting;
  switch (plan.settings) {
    case 0:
      settings = { 'lambda-edge': { infrastructure: false, eventType: types.length === 1 ? types[0] : types } };
      break;
    case 1:
      settings = { 'lambda-edge': { infrastructure: false, eventTyp: types[0] } };
      break;
    default:
      settings = undefined;
  }
  return { code: lines.join('\n'), sourceType: plan.esm ? 'module' : 'script', typescript: plan.ts, ...(settings ? { settings } : {}) };
}

export const handlerProgram: fc.Arbitrary<GeneratedProgram> = handlerPlan.map(renderHandler);
