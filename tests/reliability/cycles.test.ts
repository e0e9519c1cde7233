/**
 * Bindings that resolve to themselves (issue 15). `headers = headers`, `var x = x` and
 * `const a = \`${a}\`` are legal code (the last throws only when run), and each one used to
 * send the analysis round in a circle: a stack overflow that aborted the whole lint run, or,
 * in static evaluation, a search that branched at every turn until its depth limit. Every
 * program here is linted with every rule and must give exactly the findings listed, with
 * every fix and suggestion parsing (the fuzz harness' checks).
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT, checkProgram } from './harness.js';

interface Case {
  name: string;
  code: string;
  /** `rule line:column message`, and ` → fix text` for an autofix, of every finding in order. */
  findings: string[];
}

const CASES: Case[] = [
  {
    // The fuzz's smallest program: `headers` is written into itself in the catch block,
    // and the response's `headers` is that variable.
    name: 'a header map variable assigned to itself',
    code: `const handler = async function ({ Records }) {
  const { cf: cf } = Records[0];
  const headers = 0;
  try {
    return {
      headers,
      ['status']: 0,
    };
  } catch (err) {
    headers = headers;
  }
};`,
    findings: [
      "no-numeric-status 7:19 Lambda@Edge documents a response's `status` as a string; write '0' instead of the number 0. → '0'",
      'valid-status 7:19 Status 0 is outside 200–599: CloudFront sends an error to the viewer instead of this response. Use a status from 200 to 599.',
    ],
  },
  {
    name: 'two header map variables assigned to each other',
    code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  let a = { 'X-A': [{ value: '1' }] };
  let b = a;
  a = b;
  return { status: '200', headers: b };
};`,
    findings: [
      "lowercase-header-keys 3:13 Lambda@Edge header maps are keyed by the lowercase header name; write 'x-a' instead of 'X-A' (the original spelling belongs in the entry's `key`). → 'x-a'",
    ],
  },
  {
    name: '`var x = x` after `var x = event.Records`',
    code: `exports.handler = async (event) => {
  var x = event.Records;
  var x = x;
  return event;
};`,
    findings: [],
  },
  {
    name: '`var r = r` after `var r = event.Records[0]`',
    code: `exports.handler = async (event) => {
  var r = event.Records[0];
  var r = r;
  return r;
};`,
    findings: [],
  },
  {
    // Static evaluation: the encoding argument is a constant holding itself.
    name: 'a constant holding itself as toString encoding',
    code: `exports.handler = async (event) => {
  const x = event.Records[0].cf.request;
  const e = e;
  return { status: '200', body: Buffer.from('x').toString(e) };
};`,
    findings: [],
  },
  {
    // Static evaluation: four branches at every turn, until the depth limit.
    name: 'a template constant made of itself',
    code: `exports.handler = async (event) => {
  const x = event.Records[0].cf.request;
  const a = \`\${a}\${a}\${a}\${a}\`;
  const b = ok ? b + 'x' : b + 'yy';
  return { status: '200', body: a + b };
};`,
    findings: [],
  },
  {
    name: 'an object constant that reads itself',
    code: `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  const custom = { domainName: custom.domainName, port: 443 };
  request.origin = { custom };
  return request;
};`,
    findings: [],
  },
];

describe('bindings that resolve to themselves', () => {
  for (const { name, code, findings } of CASES) {
    for (const parser of ['espree', 'typescript'] as const) {
      it(`${name} (${parser})`, () => {
        const result = checkProgram({
          code,
          parser,
          sourceType: 'commonjs',
          filename: path.join(EMPTY_PROJECT, parser === 'typescript' ? 'handler.ts' : 'handler.js'),
        });
        expect(result.failures).toEqual([]);
        expect(result.parsed).toBe(true);
        const shown = result.messages.map(
          (m) => `${m.ruleId?.replace('lambda-edge/', '')} ${m.line}:${m.column} ${m.message}${m.fix ? ` → ${m.fix.text}` : ''}`,
        );
        expect(shown).toEqual(findings);
      });
    }
  }
});
