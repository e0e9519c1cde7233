import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPlugin, releasePlugin, repoRoot, run, tempProject, type TempProject } from './helpers.js';

/**
 * The instruction-count harness (bench/child-verify.mjs, spawned under valgrind by
 * bench/instructions.mjs) without valgrind: the warm-up files are linted but not counted, a
 * warm-up file that does not parse stops the run, and instructions.mjs refuses options that
 * would give no comparison before it starts anything. No timing is asserted.
 */
const verify = path.join(repoRoot, 'bench', 'child-verify.mjs');
const instructions = path.join(repoRoot, 'bench', 'instructions.mjs');

const HANDLER = `exports.handler = async (event) => {
  const request = event.Records[0].cf.request;
  if (request.uri === '/old') {
    return { status: 302, statusDescription: 'Found', headers: { location: [{ key: 'Location', value: '/new' }] } };
  }
  return request;
};
`;

let entry: string;
let project: TempProject;

beforeAll(async () => {
  entry = (await installPlugin()).entry;
  project = tempProject('bench-harness', {
    'package.json': '{"name":"bench-harness","private":true}\n',
    'src/a.js': HANDLER,
    'src/b.js': 'export const add = (a, b) => a + b;\n',
    'warm/w1.js': HANDLER,
    'warm/w2.js': 'export const twice = (a) => a * 2;\n',
    'warm/bad.js': 'const = ;\n',
  });
  const list = (name: string, files: string[]) => project.write(`lists/${name}.json`, JSON.stringify(files.map((f) => path.join(project.dir, f))));
  list('counted', ['src/a.js', 'src/b.js']);
  list('warm', ['warm/w1.js', 'warm/w2.js']);
  list('bad', ['warm/bad.js']);
}, 120_000);

afterAll(() => {
  project?.cleanup();
  releasePlugin();
});

async function child(config: string, warmUp?: string) {
  const args = [verify, entry, config, path.join(project.dir, 'src'), path.join(project.dir, 'lists/counted.json')];
  if (warmUp) args.push(path.join(project.dir, `lists/${warmUp}.json`));
  return run(process.execPath, args, { cwd: repoRoot, timeoutMs: 240_000 });
}

describe('bench/child-verify.mjs', () => {
  it('counts only the listed files; the warm-up files are linted first and their reports are not counted', async () => {
    const without = await child('all');
    const withWarmUp = await child('all', 'warm');
    expect(without.code).toBe(0);
    expect(withWarmUp.code).toBe(0);
    // a.js returns a numeric status the plugin reports (once); the warm-up holds the same handler.
    expect(JSON.parse(without.stdout.trim())).toEqual({ config: 'all', files: 2, warmUp: 0, messages: 1, fatal: 0 });
    expect(JSON.parse(withWarmUp.stdout.trim())).toEqual({ config: 'all', files: 2, warmUp: 2, messages: 1, fatal: 0 });
  }, 500_000);

  it('the one-rule floor reports nothing, with or without warm-up', async () => {
    const r = await child('one-rule', 'warm');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ config: 'one-rule', files: 2, warmUp: 2, messages: 0, fatal: 0 });
  }, 250_000);

  it('stops on a warm-up file that does not parse, instead of counting a run that skipped the work', async () => {
    const r = await child('one-rule', 'bad');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`warm-up file ${path.join(project.dir, 'warm/bad.js')} did not parse`);
    expect(r.stdout).toBe('');
  }, 250_000);
});

describe('bench/instructions.mjs options', () => {
  it.each([
    [['--sizes', '50'], 'one size only with --repeat'],
    [['--sizes', '150,50'], 'smallest first'],
    [['--warmup', '-1'], '--warmup takes a count of files'],
    [['--repeat', '0'], '--repeat a count of runs'],
  ])('%j is refused before anything runs', async (args, message) => {
    const r = await run(process.execPath, [instructions, ...args], { cwd: repoRoot, timeoutMs: 60_000 });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  }, 60_000);
});
