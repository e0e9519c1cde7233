// Every ESLint config the docs show, linted as written. A config snippet is a ```js or ```ts
// block of README.md or docs/**/*.md whose first line names the file (`// eslint.config.mjs`);
// each is copied verbatim into a small handler project, once with "type": "module" and once
// with "type": "commonjs" (what `npm init -y` writes), and run through the ESLint API with the
// plugin installed as a package. A block that looks like a config but does not name its file
// fails the test, so no snippet can drop out of it unnoticed.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempProject, installPlugin, releasePlugin, repoRoot, tempProject } from './helpers.js';

interface Snippet {
  /** `README.md › JavaScript › eslint.config.mjs` (with `#2` when a section has several). */
  id: string;
  doc: string;
  line: number;
  lang: string;
  /** The file name the snippet's first line gives, or undefined. */
  file: string | undefined;
  text: string;
}

function markdownFiles(): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(repoRoot, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) found.push(rel);
    }
  };
  walk('docs');
  return found.sort();
}

/** Fenced js/ts blocks of one Markdown file, with the heading they sit under. */
function codeBlocks(doc: string): Snippet[] {
  const lines = readFileSync(path.join(repoRoot, doc), 'utf8').split('\n');
  const blocks: Snippet[] = [];
  const seen = new Map<string, number>();
  let heading = '';
  let fence: { indent: string; lang: string; start: number; lines: string[] } | undefined;
  lines.forEach((raw, index) => {
    if (fence) {
      if (raw.trim().startsWith('```')) {
        if (/^(js|javascript|mjs|cjs|ts|typescript)$/.test(fence.lang)) {
          const text = `${fence.lines.map((l) => (l.startsWith(fence!.indent) ? l.slice(fence!.indent.length) : l)).join('\n')}\n`;
          const file = /^\/\/ (eslint\.config\.[cm]?[jt]s)\s*$/.exec(text.split('\n')[0]!)?.[1];
          const base = `${doc} › ${heading} › ${file ?? fence.lang}`;
          const n = (seen.get(base) ?? 0) + 1;
          seen.set(base, n);
          blocks.push({ id: n === 1 ? base : `${base} #${n}`, doc, line: fence.start, lang: fence.lang, file, text });
        }
        fence = undefined;
      } else fence.lines.push(raw);
      return;
    }
    const open = /^(\s*)```(\S*)/.exec(raw);
    if (open) fence = { indent: open[1]!, lang: open[2]!, start: index + 1, lines: [] };
    else {
      const match = /^#+ (.*?)\s*$/.exec(raw);
      if (match) heading = match[1]!;
    }
  });
  return blocks;
}

/** Text that only an ESLint config holds. */
const looksLikeConfig = /eslint\.config|lambdaEdge\.configs|export default \[|export default defineConfig|module\.exports = |settings: \{/;

const allBlocks = markdownFiles().flatMap(codeBlocks);
const snippets = allBlocks.filter((block) => block.file);

// The handler project every snippet is tried on. Each handler's `status: 302` is a finding of
// no-numeric-status; edge/redirect.ts is TypeScript that espree cannot parse, so it is linted
// only when the config gives .ts files a parser. The security-headers handlers change
// `request.uri`, which no-read-only-request-fields reports only in a response event: they show
// whether an `eventType: 'origin-response'` setting reached them.
const redirectJs = `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') {
    return { status: 302, statusDescription: 'Found', headers: { location: [{ key: 'Location', value: '/new' }] } };
  }
  return request;
};
`;
const redirectTs = `import type { CloudFrontRequestHandler } from 'aws-lambda';

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0]!.cf.request;
  if (request.uri === '/old') {
    return { status: 302 as unknown as string, statusDescription: 'Found', headers: { location: [{ key: 'Location', value: '/new' }] } };
  }
  return request;
};
`;
const securityHeaders = `export const handler = async (event) => {
  const request = event.Records[0].cf.request;
  request.uri = '/index.html';
  return request;
};
`;
const securityHeadersTs = `import type { CloudFrontRequestHandler } from 'aws-lambda';

export const handler: CloudFrontRequestHandler = async (event) => {
  const request = event.Records[0]!.cf.request;
  request.uri = '/index.html';
  return request;
};
`;
const handlerFiles: Record<string, string> = {
  'edge/redirect.js': redirectJs,
  'edge/redirect.ts': redirectTs,
  'edge/security-headers.js': securityHeaders,
  'edge/security-headers.ts': securityHeadersTs,
  'edge/security-headers/index.js': securityHeaders,
  'lambda/redirect.js': redirectJs,
  'lambda/redirect.ts': redirectTs,
  // Read by the snippets that load a handler map (ci.md, infrastructure.md).
  'lambda-edge-handlers.json': JSON.stringify({ 'edge/security-headers.js': { handler: ['origin-response'] } }),
};

// The infrastructure files the infrastructure snippets lint (README.md, infrastructure.md,
// hcl-language.md), written only into those snippets' projects so the others keep linting the
// handlers alone. Both attach edge/redirect.js to viewer-request, with one setting CloudFront
// rejects each: serverless.yml a 30 s timeout (viewer events allow 5 s; memorySize is set because
// Serverless' default 1024 MB is over the viewer quota too), matched by configs.infrastructure's
// default files; infra/stack.yaml an environment variable, linted only by a config that adds
// `infra/**/*.yaml`.
// infra/main.tf, linted by configs.infrastructure's `**/*.tf`, has the same 30 s timeout, and
// names no code (no filename): discovery cannot follow it to a handler, which infra-unresolved
// reports on the function's first line under `strict` (infra-unresolved.md's snippet), and
// nothing reports under `recommended`.
// main.tf parses; broken.tf does not, so the HCL language, when it loads, reports it.
const serverlessYml = `service: edge-app
provider:
  name: aws
  runtime: nodejs22.x
functions:
  edge:
    handler: edge/redirect.handler
    memorySize: 128
    timeout: 30
    lambdaAtEdge:
      distribution: WebsiteDistribution
      eventType: viewer-request
`;
const stackYaml = `Transform: AWS::Serverless-2016-10-31
Resources:
  Edge:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ../edge
      Handler: redirect.handler
      Runtime: nodejs22.x
      AutoPublishAlias: live
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal:
              Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]
            Action: sts:AssumeRole
      Environment:
        Variables:
          STAGE: prod
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        DefaultCacheBehavior:
          LambdaFunctionAssociations:
            - EventType: viewer-request
              LambdaFunctionARN: !Ref Edge.Version
`;
const mainTf = `resource "aws_lambda_function" "edge" {
  function_name = "edge"
  handler       = "edge/redirect.handler"
  runtime       = "nodejs22.x"
  publish       = true
  timeout       = 30
}
resource "aws_cloudfront_distribution" "cdn" {
  default_cache_behavior {
    lambda_function_association {
      event_type = "viewer-request"
      lambda_arn = aws_lambda_function.edge.qualified_arn
    }
  }
}
`;
const infraFiles: Record<string, string> = { 'serverless.yml': serverlessYml, 'infra/stack.yaml': stackYaml, 'infra/main.tf': mainTf };
const hclFiles: Record<string, string> = {
  'main.tf': 'resource "aws_lambda_function" "edge" {\n  function_name = "edge"\n  publish       = true\n}\n',
  'broken.tf': 'resource "aws_lambda_function" "edge" {\n  publish =\n}\n',
};
const README_INFRA = 'README.md › Infrastructure (CDK, Serverless, SAM, CloudFormation, Terraform) › eslint.config.mjs';
const ENABLING = 'docs/infrastructure.md › Enabling it › eslint.config.mjs';
const HCL = 'docs/hcl-language.md › The HCL language (Terraform files) › eslint.config.mjs';
const UNRESOLVED = 'docs/rules/infra-unresolved.md › Require infrastructure code that Lambda@Edge handler discovery can follow (`lambda-edge/infra-unresolved`) › eslint.config.mjs';
const extraFiles: Record<string, Record<string, string>> = {
  [README_INFRA]: infraFiles,
  [ENABLING]: infraFiles,
  [`${ENABLING} #2`]: infraFiles,
  [HCL]: hclFiles,
  [UNRESOLVED]: infraFiles,
};

const numeric = (file: string) => `${file}:${file.endsWith('.ts') ? 6 : 4}:22 lambda-edge/no-numeric-status`;
/**
 * The request handler of these fixtures set to serve origin-response: its `request.uri` write is
 * read-only there, and the request it hands back is not the response a response trigger must return.
 */
const readOnly = (file: string) => [
  `${file}:${file.endsWith('.ts') ? 5 : 3}:3 lambda-edge/no-read-only-request-fields`,
  `${file}:${file.endsWith('.ts') ? 6 : 4}:10 lambda-edge/valid-handler-completion`,
];
const TF_LIMITS = 'infra/main.tf:6:19 lambda-edge/infra-limits';
const TF_NO_CODE = 'infra/main.tf:1:1 lambda-edge/infra-unresolved';
const allJs = ['edge/redirect.js', 'lambda/redirect.js'].map(numeric);
const allTs = ['edge/redirect.ts', 'lambda/redirect.ts'].map(numeric);

/**
 * What each snippet must report on the handler project, in both module types. A snippet the
 * docs gain or lose changes the key set, which the test compares too.
 */
const expected: Record<string, string[]> = {
  'README.md › JavaScript › eslint.config.mjs': allJs,
  'README.md › JavaScript › eslint.config.cjs': allJs,
  'README.md › TypeScript › eslint.config.mjs': [...allJs, ...allTs],
  'README.md › TypeScript › eslint.config.ts': allJs,
  'README.md › TypeScript › eslint.config.mjs #2': [numeric('edge/redirect.js'), numeric('edge/redirect.ts')],
  'README.md › Which event a handler serves › eslint.config.mjs': [...allJs, ...readOnly('edge/security-headers/index.js')],
  'docs/ci.md › What the cache cannot see: infrastructure files › eslint.config.mjs': [...allJs, ...readOnly('edge/security-headers.js')],
  'docs/getting-started.md › JavaScript › eslint.config.mjs': allJs,
  'docs/getting-started.md › JavaScript › eslint.config.cjs': allJs,
  'docs/getting-started.md › JavaScript › eslint.config.mjs #2': [numeric('edge/redirect.js')],
  'docs/getting-started.md › JavaScript › eslint.config.mjs #3': [...allJs, ...readOnly('edge/security-headers.js')],
  'docs/getting-started.md › TypeScript › eslint.config.mjs': [...allJs, ...allTs],
  'docs/getting-started.md › TypeScript › eslint.config.ts': [...allJs, ...allTs, ...readOnly('edge/security-headers.ts')],
  'docs/getting-started.md › AWS CDK › eslint.config.mjs': [numeric('lambda/redirect.js'), numeric('lambda/redirect.ts')],
  'docs/getting-started.md › Serverless Framework › eslint.config.mjs': [...allJs, ...allTs],
  'docs/getting-started.md › AWS SAM and CloudFormation › eslint.config.mjs': [...allJs, ...allTs],
  'docs/getting-started.md › Terraform › eslint.config.mjs': [...allJs, ...allTs],
  [README_INFRA]: [...allJs, TF_LIMITS, 'serverless.yml:9:14 lambda-edge/infra-limits'],
  [ENABLING]: [...allJs, TF_LIMITS, 'serverless.yml:9:14 lambda-edge/infra-limits'],
  [`${ENABLING} #2`]: [...allJs, TF_LIMITS, 'serverless.yml:9:14 lambda-edge/infra-limits', 'infra/stack.yaml:16:7 lambda-edge/infra-no-environment'],
  [UNRESOLVED]: [...allJs, TF_NO_CODE, TF_LIMITS, 'serverless.yml:9:14 lambda-edge/infra-limits'],
  [HCL]: ['broken.tf:2:12 null: Parsing error: Invalid expression: expected the start of an expression, but found the end of the line.'],
  'docs/infrastructure.md › Settings › eslint.config.mjs': allJs,
  'docs/infrastructure.md › Settings › eslint.config.mjs #2': [...allJs, ...readOnly('edge/security-headers.js')],
};

const projects: TempProject[] = [];
beforeAll(installPlugin, 60_000);
afterAll(() => {
  for (const project of projects) project.cleanup();
  releasePlugin();
});

function project(snippet: Snippet, type: 'module' | 'commonjs'): TempProject {
  const created = tempProject(`doc-config-${type}`, { ...handlerFiles, ...extraFiles[snippet.id], 'package.json': JSON.stringify({ name: 'edge-app', private: true, type }) }, {
    links: ['@typescript-eslint/parser', 'jiti', '@types/aws-lambda'],
  });
  created.write(snippet.file!, snippet.text);
  projects.push(created);
  return created;
}

/** `file:line:column rule` for every message, fatal parse errors included (rule `null`). */
async function lint(dir: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: dir });
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages.map((m) => `${path.relative(dir, result.filePath).split(path.sep).join('/')}:${m.line}:${m.column} ${m.ruleId ?? `null: ${m.message}`}`),
    )
    .sort();
}

describe('config snippets in README.md and docs/', () => {
  it('every js/ts block that is an ESLint config names its file on its first line', () => {
    const unnamed = allBlocks.filter((block) => !block.file && looksLikeConfig.test(block.text)).map((b) => `${b.doc}:${b.line}`);
    expect(unnamed).toEqual([]);
  });

  it('the snippets found are exactly the ones this test knows the findings of', () => {
    expect(snippets.map((s) => s.id).sort()).toEqual(Object.keys(expected).sort());
    expect(snippets.length).toBeGreaterThanOrEqual(23);
  });

  it('no snippet is named eslint.config.js (it fails with a SyntaxError in a CommonJS project)', () => {
    expect(snippets.filter((s) => s.file === 'eslint.config.js').map((s) => s.id)).toEqual([]);
  });

  describe.each(['module', 'commonjs'] as const)('in a project with "type": "%s"', (type) => {
    it.each(snippets.map((s) => [s.id, s] as const))('%s', async (_id, snippet) => {
      const { dir } = project(snippet, type);
      expect(await lint(dir)).toEqual([...expected[snippet.id]!].sort());
    }, 60_000);
  });

  it('a numeric status is a warning, not an error, as getting-started.md says (eslint exits 0 on it)', async () => {
    const snippet = snippets.find((s) => s.id === 'docs/getting-started.md › JavaScript › eslint.config.mjs')!;
    const { dir } = project(snippet, 'module');
    const results = await new ESLint({ cwd: dir }).lintFiles(['edge/redirect.js']);
    expect(results.map((r) => [r.errorCount, r.warningCount, r.messages.map((m) => `${m.ruleId}:${m.severity}`)])).toEqual([
      [0, 1, ['lambda-edge/no-numeric-status:1']],
    ]);
    expect(readFileSync(path.join(repoRoot, 'docs/getting-started.md'), 'utf8')).toMatch(/``6:15 {2}warning {2}Lambda@Edge documents a response's `status` as a string/);
  }, 60_000);

  it('a check that can fail: the old eslint.config.js with `import` does not load in a CommonJS project', async () => {
    const old = "// eslint.config.js\nimport lambdaEdge from 'eslint-plugin-lambda-edge';\n\nexport default [lambdaEdge.configs.recommended];\n";
    const { dir } = project({ id: 'old', doc: '', line: 0, lang: 'js', file: 'eslint.config.js', text: old }, 'commonjs');
    await expect(lint(dir)).rejects.toThrow(/SyntaxError|Cannot use import statement/);
  }, 60_000);
});
