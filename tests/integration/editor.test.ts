// Editor path: the real ESLint language server that VS Code's ESLint extension runs
// (`vscode-eslint-language-server` from vscode-langservers-extracted), driven over stdio the
// way VS Code drives it. This server version uses pull diagnostics (`textDocument/diagnostic`,
// LSP 3.17) and answers quick fixes with a command whose edit it sends back through
// `workspace/applyEdit`, so that is what this client does too.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Range, type TextEdit, LspClient, applyEdits } from './lsp-client.js';
import { type TempProject, fixturesDir, installPlugin, releasePlugin, repoRoot, ruleDocsUrl, tempProject } from './helpers.js';

const serverBin = path.join(repoRoot, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

interface Diagnostic {
  range: Range;
  message: string;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
  severity?: number;
}
interface DiagnosticReport {
  kind: 'full' | 'unchanged';
  items: Diagnostic[];
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
  diagnostics?: Diagnostic[];
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

/** The settings object VS Code's ESLint extension answers `workspace/configuration` with. */
function extensionSettings(workspace: { name: string; uri: string }, directory: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: workspace,
    workingDirectory: { directory },
  };
}

describe('VS Code ESLint language server', () => {
  let project: TempProject;
  let client: LspClient;
  let documentText: string;
  let documentVersion = 1;
  let uri: string;
  const configurationAsked: unknown[] = [];

  beforeAll(async () => {
    await installPlugin();
    project = tempProject('editor', {
      'package.json': JSON.stringify({ name: 'edge-app', private: true, type: 'commonjs' }),
      'eslint.config.mjs': [
        "import lambdaEdge from 'eslint-plugin-lambda-edge';",
        'export default [lambdaEdge.configs.recommended, ...lambdaEdge.configs.infrastructure];',
        '',
      ].join('\n'),
    });
    project.write('src/edge.js', 'exports.handler = async (event) => event.Records[0].cf.request;\n');
    documentText = readFileSync(path.join(fixturesDir, 'handlers/redirect.js'), 'utf8');
    const file = project.write('src/redirect.js', documentText);
    uri = pathToFileURL(file).href;
    const workspace = { name: 'edge-app', uri: pathToFileURL(project.dir).href };

    client = new LspClient(process.execPath, [serverBin, '--stdio'], { cwd: project.dir });
    client.handle('workspace/configuration', (params) => {
      configurationAsked.push(params);
      const { items } = params as { items: { scopeUri?: string; section?: string }[] };
      return items.map(() => extensionSettings(workspace, project.dir));
    });
    client.handle('workspace/applyEdit', (params) => {
      const { edit } = params as { edit: WorkspaceEdit };
      const edits = [
        ...(edit.changes?.[uri] ?? []),
        ...(edit.documentChanges ?? []).filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits),
      ];
      if (edits.length === 0) return { applied: false, failureReason: 'no edits for the open document' };
      documentText = applyEdits(documentText, edits);
      documentVersion++;
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: documentVersion },
        contentChanges: [{ text: documentText }],
      });
      return { applied: true };
    });

    await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'lambda-edge-integration-test' },
      rootUri: workspace.uri,
      workspaceFolders: [workspace],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          codeAction: {
            dynamicRegistration: false,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } },
          },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        },
      },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'javascript', version: documentVersion, text: documentText },
    });
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    project?.cleanup();
    releasePlugin();
  });

  const pullDiagnostics = () =>
    client.request<DiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, 20_000);

  let diagnostic: Diagnostic;

  it('reports no-numeric-status with its message, exact range and a link to the rule docs', async () => {
    const report = await pullDiagnostics();
    expect(report.kind).toBe('full');
    const ours = report.items.filter((d) => d.code === 'lambda-edge/no-numeric-status');
    expect(ours, JSON.stringify({ items: report.items, log: client.log }, null, 2)).toHaveLength(1);
    diagnostic = ours[0]!;
    // `status: 302,` is on line 6 (0-based 5); the literal 302 spans characters 14..17.
    expect(diagnostic.range).toEqual({ start: { line: 5, character: 14 }, end: { line: 5, character: 17 } });
    expect(diagnostic.message).toBe(
      "Lambda@Edge documents a response's `status` as a string; write '302' instead of the number 302.",
    );
    expect(diagnostic.source).toBe('eslint');
    // 2 = Warning: the recommended config warns on a numeric status (documented as a string, not documented to fail).
    expect(diagnostic.severity).toBe(2);
    expect(diagnostic.codeDescription?.href).toBe(await ruleDocsUrl('no-numeric-status'));
    // The server asked the editor for its settings, as it does for VS Code.
    expect(configurationAsked.length).toBeGreaterThan(0);
  });

  it('offers the autofix as a quick fix, applies it, and the diagnostics clear after the edit', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Fix this lambda-edge/no-numeric-status problem');
    expect(titles).toContain('Show documentation for lambda-edge/no-numeric-status');
    const fix = actions.find((a) => a.title === 'Fix this lambda-edge/no-numeric-status problem')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.command).toBeDefined();

    // VS Code runs the action's command; the server answers with workspace/applyEdit, which
    // the handler above applies to the open document and follows with didChange.
    await client.request('workspace/executeCommand', { command: fix.command!.command, arguments: fix.command!.arguments });
    expect(documentVersion).toBe(2);
    // Exactly one edit: the literal 302 became the string '302'; nothing else changed.
    expect(documentText).toBe(readFileSync(path.join(fixturesDir, 'handlers/redirect.js'), 'utf8').replace('status: 302,', "status: '302',"));
    expect(documentText).toContain("status: '302',");

    const after = await pullDiagnostics();
    expect(after.items.filter((d) => String(d.code).startsWith('lambda-edge/'))).toEqual([]);
  });

  it('updates the diagnostics as the document is edited (onType)', async () => {
    documentVersion++;
    documentText = documentText.replace("status: '302',", 'status: 301,');
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: documentVersion },
      contentChanges: [{ text: documentText }],
    });
    const report = await pullDiagnostics();
    const ours = report.items.filter((d) => d.code === 'lambda-edge/no-numeric-status');
    expect(ours.map((d) => d.message)).toEqual([
      "Lambda@Edge documents a response's `status` as a string; write '301' instead of the number 301.",
    ]);
  });

  /** Opens an infrastructure file the way VS Code does (with `eslint.validate` listing its language) and pulls its diagnostics. */
  async function infraDiagnostics(file: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const fileUri = pathToFileURL(project.write(file, text)).href;
    client.notify('textDocument/didOpen', { textDocument: { uri: fileUri, languageId, version: 1, text } });
    const report = await client.request<DiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: fileUri } }, 20_000);
    return report.items.filter((d) => d.code?.startsWith('lambda-edge/'));
  }

  it('shows a squiggle in serverless.yml on the edge function\'s timeout (YAML language)', async () => {
    const text = [
      'service: edge',
      'provider:',
      '  name: aws',
      'functions:',
      '  edge:',
      '    handler: src/edge.handler',
      '    timeout: 10',
      '    events:',
      '      - cloudFront:',
      '          eventType: viewer-request',
      '          origin: s3://bucket.s3.amazonaws.com',
      '',
    ].join('\n');
    const found = await infraDiagnostics('serverless.yml', 'yaml', text);
    expect(found.map((d) => [d.code, d.range, d.severity])).toEqual([
      // Severity 1 is an LSP error: infra-limits is an error in the configs.
      ['lambda-edge/infra-limits', { start: { line: 6, character: 13 }, end: { line: 6, character: 15 } }, 1],
    ]);
    expect(found[0]!.message).toMatch(/^The function timeout is larger than the maximum allowed .*: 10 Max allowed: 5\./);
  });

  it('shows a squiggle in main.tf on the edge function\'s environment block (HCL language)', async () => {
    const text = [
      'resource "aws_lambda_function" "edge" {',
      '  handler = "index.handler"',
      '  publish = true',
      '  environment {',
      '    variables = { STAGE = "prod" }',
      '  }',
      '}',
      'resource "aws_cloudfront_distribution" "cdn" {',
      '  default_cache_behavior {',
      '    lambda_function_association {',
      '      event_type = "origin-request"',
      '      lambda_arn = aws_lambda_function.edge.qualified_arn',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const found = await infraDiagnostics('main.tf', 'terraform', text);
    expect(found.map((d) => [d.code, d.range])).toEqual([
      ['lambda-edge/infra-no-environment', { start: { line: 3, character: 2 }, end: { line: 3, character: 13 } }],
    ]);
    expect(found[0]!.message).toMatch(/^The function cannot have environment variables\./);
  });
});
