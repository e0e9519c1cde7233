import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import globals from 'globals';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/**
 * Patterns met in real Lambda@Edge code (public repositories and npm packages), each rewritten
 * as a minimal case of our own. Every file's header says what the plugin should report and,
 * where today's plugin is wrong, what it does instead:
 *
 *   // expect: lambda-edge/<rule> <line>                    a correct finding
 *   // expect: none -- <reason>                             nothing is correct here
 *   // known-false: <class> -- lambda-edge/<rule> <line>    reported today, wrongly
 *   // known-miss: <class> -- lambda-edge/<rule> <line>     a real bug not reported today
 *
 * A `[bare]` or `[node]` after the keyword limits the line to one config. Each file is linted
 * with `all` under a bare config and under `languageOptions.globals: globals.node`, and today's
 * findings must be exactly the expected ones plus the known-false ones. So when the model work
 * fixes a class, the test fails here and the marker is removed (a known-false one) or turned
 * into an `expect` (a known-miss one): the to-do list is executable.
 */
const dir = path.join(import.meta.dirname, 'patterns');
const files = readdirSync(dir)
  .filter((f) => /\.(?:[cm]?js|ts)$/.test(f))
  .sort();
const virtualRoot = path.join(import.meta.dirname, '..', '..', 'edge-project', 'src');
/**
 * A pattern that needs project files beside it (a bundler config) has them in
 * tests/fixtures/pattern-projects/<pattern file name>/: it is linted as `src/<file>` of that
 * folder, with the folder as ESLint's cwd.
 */
const projectsDir = path.join(import.meta.dirname, '..', 'fixtures', 'pattern-projects');
const CONFIGS = ['bare', 'node'] as const;
type ConfigName = (typeof CONFIGS)[number];

interface Marker {
  kind: 'expect' | 'known-false' | 'known-miss';
  config: ConfigName | undefined;
  className: string | undefined;
  finding: string; // `<rule> <line>`
}

const MARKER = /^\/\/ (expect|known-false|known-miss)(?:\[(bare|node)\])?: (.*)$/;

function parseHeader(text: string): { markers: Marker[]; none: string[]; problems: string[] } {
  const markers: Marker[] = [];
  const none: string[] = [];
  const problems: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const m = MARKER.exec(line);
    if (!m) continue;
    const kind = m[1] as Marker['kind'];
    const config = m[2] as ConfigName | undefined;
    const rest = m[3]!;
    if (kind === 'expect' && rest.startsWith('none -- ')) {
      none.push(rest.slice('none -- '.length));
      continue;
    }
    const [className, finding] = kind === 'expect' ? [undefined, rest] : (rest.split(' -- ') as [string, string?]);
    if (!finding || !/^lambda-edge\/[a-z0-9-]+ \d+$/.test(finding)) {
      problems.push(`malformed marker: ${line}`);
      continue;
    }
    if (kind !== 'expect' && !className?.trim()) problems.push(`a ${kind} marker must name its class: ${line}`);
    const rule = finding.split(' ')[0]!.replace('lambda-edge/', '');
    if (!(rule in plugin.rules)) problems.push(`no rule '${rule}': ${line}`);
    markers.push({ kind, config, className, finding });
  }
  return { markers, none, problems };
}

function lint(file: string, text: string, config: ConfigName): string[] {
  const project = path.join(projectsDir, file);
  const hasProject = existsSync(project);
  const linter = new Linter({ configType: 'flat', ...(hasProject ? { cwd: project } : {}) });
  const ts = file.endsWith('.ts');
  const sourceType = file.endsWith('.cjs') ? 'commonjs' : 'module';
  const messages = linter.verify(
    text,
    [
      { ...plugin.configs.all, files: ['**/*.{js,mjs,cjs,ts}'] },
      {
        files: ['**/*.{js,mjs,cjs,ts}'],
        languageOptions: {
          sourceType,
          ...(ts ? { parser: tsParser } : {}),
          ...(config === 'node' ? { globals: globals.node } : {}),
        },
        settings: { 'lambda-edge': { infrastructure: false } },
      },
    ],
    // Linted under a project-like path: under tests/ every file would count as a test file.
    hasProject ? path.join(project, 'src', file) : path.join(virtualRoot, file),
  );
  return messages.map((m) => `${m.ruleId ?? `fatal: ${m.message}`} ${m.line}`).sort();
}

const applies = (marker: Marker, config: ConfigName): boolean => marker.config === undefined || marker.config === config;

describe('real-code patterns', () => {
  it('has enough cases, each with a well-formed header', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    for (const file of files) {
      const { markers, none, problems } = parseHeader(readFileSync(path.join(dir, file), 'utf8'));
      expect(problems, file).toEqual([]);
      expect(markers.length + none.length, `${file} states no expectation`).toBeGreaterThan(0);
      // `expect: none` and an unconditional `expect:` finding contradict each other.
      if (none.length > 0) expect(markers.filter((m) => m.kind === 'expect' && !m.config), file).toEqual([]);
    }
  });

  for (const config of CONFIGS) {
    describe(config === 'bare' ? 'bare config' : 'languageOptions.globals: globals.node', () => {
      it.each(files)('%s', (file) => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        const { markers } = parseHeader(text);
        const today = markers
          .filter((m) => applies(m, config) && (m.kind === 'expect' || m.kind === 'known-false'))
          .map((m) => m.finding)
          .sort();
        const actual = lint(file, text, config);
        expect(actual).toEqual(today);
        // A known miss that is found now is a fix: turn its marker into `expect`.
        for (const miss of markers.filter((m) => applies(m, config) && m.kind === 'known-miss')) {
          expect(actual, `known-miss [${miss.className}] is found now: make it an expect marker`).not.toContain(miss.finding);
        }
      });
    });
  }
});
