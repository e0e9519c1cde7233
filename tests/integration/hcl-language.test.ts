// The published package: `language: 'lambda-edge/hcl'` from an eslint.config.cjs (the CommonJS
// entry) and an eslint.config.js (the ES module entry), ESLint's CLI API linting a main.tf on disk.
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempProject, installPlugin, releasePlugin, tempProject } from './helpers.js';

let project: TempProject;

const RULE = `{
  meta: { type: 'problem', schema: [] },
  create: (context) => ({
    Attribute(node) {
      if (node.name.name === 'runtime') context.report({ node: node.name, message: 'runtime seen' });
    },
  }),
}`;

beforeAll(async () => {
  await installPlugin();
  project = tempProject('hcl-language', {
    'package.json': JSON.stringify({ name: 'edge-infra', private: true, type: 'module' }),
    'eslint.config.cjs': `const lambdaEdge = require('eslint-plugin-lambda-edge');
module.exports = [{ files: ['**/*.tf'], plugins: { 'lambda-edge': lambdaEdge, t: { rules: { r: ${RULE} } } }, language: 'lambda-edge/hcl', rules: { 't/r': 'error' } }];
`,
    'eslint.config.js': `import lambdaEdge from 'eslint-plugin-lambda-edge';
export default [{ files: ['**/*.tf'], plugins: { 'lambda-edge': lambdaEdge, t: { rules: { r: ${RULE} } } }, language: 'lambda-edge/hcl', rules: { 't/r': 'error' } }];
`,
    'infra/main.tf': 'resource "aws_lambda_function" "edge" {\n  handler = "index.handler"\n  runtime = "nodejs22.x"\n}\n',
    'infra/broken.tf': 'resource "aws_lambda_function" "edge" {\n  runtime = "nodejs22.x"\n',
  });
}, 60_000);

afterAll(() => {
  project?.cleanup();
  releasePlugin();
});

describe.each(['eslint.config.cjs', 'eslint.config.js'])('the HCL language from %s', (configFile) => {
  it('reports a rule on main.tf and one fatal parsing error on broken.tf', async () => {
    const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: configFile });
    const results = await eslint.lintFiles(['infra/*.tf']);
    const byFile = Object.fromEntries(
      results.map((r) => [r.filePath.slice(project.dir.length + 1), r.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]),
    );
    expect(byFile).toEqual({
      'infra/broken.tf': [[null, 1, 39, 'Parsing error: Unclosed configuration block: there is no closing brace for this block before the end of the file.']],
      'infra/main.tf': [['t/r', 3, 3, 'runtime seen']],
    });
  });
});
