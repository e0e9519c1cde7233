// Pre-commit path: the hooks the README tells users to install, in a real git repository.
// A commit of a handler with an error is refused with the finding printed; the fixed handler
// commits. The hook text and the lint-staged config are read from the README itself.
import { chmodSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type TempProject, codeBlockUnder, fixturesDir, installPlugin, releasePlugin, run, tempProject } from './helpers.js';

// A predictable git: no user/system config (hooksPath, signing, templates) leaks in.
const gitEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')),
);
Object.assign(gitEnv, {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_TERMINAL_PROMPT: '0',
  HUSKY: '',
});

const git = (cwd: string, ...args: string[]) => run('git', args, { cwd, env: gitEnv, timeoutMs: 60_000 });

const badHandler = readFileSync(path.join(fixturesDir, 'handlers/redirect.js'), 'utf8');
const fixedHandler = badHandler.replace('status: 302,', "status: '302',");

async function newRepo(name: string, extra: Parameters<typeof tempProject>[2] = {}): Promise<TempProject> {
  const project = tempProject(name, {
    'package.json': `${JSON.stringify({ name: 'edge-app', private: true, type: 'module' }, null, 2)}\n`,
    'eslint.config.js': [
      "import lambdaEdge from 'eslint-plugin-lambda-edge';",
      '',
      'export default [lambdaEdge.configs.recommended];',
      '',
    ].join('\n'),
    '.gitignore': 'node_modules\n',
  }, extra);
  for (const args of [
    ['init', '-q', '-b', 'main'],
    ['config', 'user.name', 'Edge Dev'],
    ['config', 'user.email', 'edge@example.com'],
    ['config', 'commit.gpgsign', 'false'],
    ['add', '.'],
    ['commit', '-q', '-m', 'project'],
  ]) {
    const result = await git(project.dir, ...args);
    expect(result.code, `git ${args.join(' ')}\n${result.stderr}`).toBe(0);
  }
  return project;
}

/** Stages the handler and tries to commit; returns the commit's result and the commit count. */
async function commitHandler(project: TempProject, text: string) {
  project.write('edge/redirect.js', text);
  expect((await git(project.dir, 'add', 'edge/redirect.js')).code).toBe(0);
  const commit = await git(project.dir, 'commit', '-m', 'redirect handler');
  const count = Number((await git(project.dir, 'rev-list', '--count', 'HEAD')).stdout.trim());
  return { ...commit, output: commit.stdout + commit.stderr, count };
}

describe('pre-commit hooks from the README', () => {
  let project: TempProject | undefined;
  beforeAll(installPlugin, 60_000);
  afterEach(() => project?.cleanup());
  afterAll(releasePlugin);

  it('plain .git/hooks/pre-commit refuses a handler with an error and accepts the fix', async () => {
    project = await newRepo('hook');
    const hook = codeBlockUnder('README.md', 'Plain git hook', 'sh');
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    const hookFile = project.write('.git/hooks/pre-commit', hook);
    chmodSync(hookFile, 0o755);

    const refused = await commitHandler(project, badHandler);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('edge/redirect.js');
    // A warning, and --max-warnings 0 in the hook still refuses the commit.
    expect(refused.output).toMatch(/6:15\s+warning\s+Lambda@Edge documents a response's `status` as a string; write '302' instead of the number 302\.?\s+lambda-edge\/no-numeric-status/);
    expect(refused.count).toBe(1);
    // The change is still staged, ready to be fixed.
    expect((await git(project.dir, 'diff', '--cached', '--name-only')).stdout.trim()).toBe('edge/redirect.js');

    const accepted = await commitHandler(project, fixedHandler);
    expect(accepted.code, accepted.output).toBe(0);
    expect(accepted.count).toBe(2);
  }, 60_000);

  it('husky + lint-staged refuses a handler with an error and accepts the fix', async () => {
    project = await newRepo('husky', {
      links: ['husky', 'lint-staged'],
      bins: { husky: 'husky/bin.js', 'lint-staged': 'lint-staged/bin/lint-staged.js' },
    });
    // `npx husky init`, then the hook and package.json entry from the README.
    const init = await run(process.execPath, ['node_modules/husky/bin.js', 'init'], { cwd: project.dir, env: gitEnv });
    expect(init.code, init.stderr).toBe(0);
    const setup = codeBlockUnder('README.md', 'husky + lint-staged', 'sh');
    const hookLine = /^echo "(.+)" > \.husky\/pre-commit$/m.exec(setup);
    expect(hookLine, setup).not.toBeNull();
    project.write('.husky/pre-commit', `${hookLine![1]}\n`);
    const pkgFile = path.join(project.dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
    expect(pkg.scripts).toEqual({ prepare: 'husky' });
    Object.assign(pkg, JSON.parse(codeBlockUnder('README.md', 'husky + lint-staged', 'json')));
    project.write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
    expect((await git(project.dir, 'config', 'core.hooksPath')).stdout.trim()).toBe('.husky/_');
    expect((await git(project.dir, 'add', 'package.json', '.husky/pre-commit')).code).toBe(0);

    const refused = await commitHandler(project, badHandler);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('lambda-edge/no-numeric-status');
    expect(refused.output).toContain("write '302' instead of the number 302");
    expect(refused.count).toBe(1);

    const accepted = await commitHandler(project, fixedHandler);
    expect(accepted.code, accepted.output).toBe(0);
    expect(accepted.count).toBe(2);
    const committed = (await git(project.dir, 'show', '--name-only', '--format=', 'HEAD')).stdout.split('\n');
    expect(committed).toEqual(expect.arrayContaining(['edge/redirect.js', 'package.json', '.husky/pre-commit']));
  }, 60_000);
});
