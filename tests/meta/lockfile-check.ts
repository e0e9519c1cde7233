// Checks that package-lock.json can be installed the same way tomorrow: no package in it may
// depend on a moving target (a dist-tag such as `latest`, a git branch, a URL, a file) unless
// package.json's `overrides` pins that dependency to one exact version and the lock holds it.
// A dist-tag is what broke `npm ci` for everyone: `@microsoft/eslint-formatter-sarif` asks for
// `jschardet@latest`, and each new jschardet release put the lock out of sync with it.

export interface LockPackage {
  name?: string;
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface Lock {
  lockfileVersion?: number;
  packages?: Record<string, LockPackage>;
}

export interface Overrides {
  [key: string]: string | Overrides;
}

export interface LockProblem {
  /** The lock entry whose dependency is at fault ("" is the root project). */
  from: string;
  field: string;
  name: string;
  spec: string;
  reason: string;
}

const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

// node-semver's range grammar (https://github.com/npm/node-semver#range-grammar), written out:
// partial versions with x/X/* wildcards, an optional `v`, prerelease and build suffixes.
const nr = '(?:0|[1-9]\\d*)';
const xr = `(?:[xX*]|${nr})`;
const ident = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const partial = `v?${xr}(?:\\.${xr}(?:\\.${xr}(?:-${ident})?(?:\\+${ident})?)?)?`;
const simple = `(?:(?:<=|>=|<|>|=|~>|~|\\^)\\s*)?${partial}`;
const hyphen = `${partial}\\s+-\\s+${partial}`;
const range = `(?:${hyphen}|${simple}(?:\\s+${simple})*)?`;
const rangeSet = new RegExp(`^\\s*${range}\\s*(?:\\|\\|\\s*${range}\\s*)*$`);
const exactVersion = new RegExp(`^${nr}\\.${nr}\\.${nr}(?:-${ident})?(?:\\+${ident})?$`);

/** True for a semver range (`^1.2.3`, `>=1 <2`, `1.x || 2`, `*`, ``); false for tags, URLs, git, files. */
export function isSemverRange(spec: string): boolean {
  return rangeSet.test(spec);
}

export function isExactVersion(spec: string): boolean {
  return exactVersion.test(spec);
}

/**
 * Why a spec is not reproducible, or undefined when it is a range. An `npm:` alias is judged by
 * the range after its package name (`npm:eslint@^9` is fine, `npm:eslint@latest` is not).
 */
export function specProblem(spec: string): string | undefined {
  const alias = /^npm:((?:@[^/@\s]+\/)?[^@\s]+)(?:@(.*))?$/.exec(spec);
  if (alias) {
    const inner = alias[2] ?? '';
    return isSemverRange(inner) ? undefined : `npm: alias to ${alias[1]} with "${inner}", which is not a semver range`;
  }
  if (isSemverRange(spec)) return undefined;
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)|\.git(?:#|$)|^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec)) return 'a git dependency';
  if (/^(?:https?:)/.test(spec)) return 'a URL dependency';
  if (/^(?:file:|link:|\.{0,2}\/|~\/)/.test(spec)) return 'a local file dependency';
  if (/^workspace:/.test(spec)) return 'a workspace: protocol spec npm does not support';
  return `"${spec}" is a dist-tag, not a semver range: the lock goes out of sync whenever that tag moves`;
}

/** The package name in an overrides key: `foo`, `foo@^1`, `@scope/foo@1.x`. */
function overrideName(key: string): string {
  const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
  return at === -1 ? key : key.slice(0, at);
}

/** Every override value for `name` that is a plain string, at any depth of the overrides tree. */
export function overridesFor(overrides: Overrides | undefined, name: string): string[] {
  const found: string[] = [];
  const walk = (node: Overrides) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        if (key !== '.' && overrideName(key) === name) found.push(value);
      } else {
        if (overrideName(key) === name && typeof value['.'] === 'string') found.push(value['.']);
        walk(value);
      }
    }
  };
  if (overrides) walk(overrides);
  return found;
}

/**
 * The lock entry Node's resolution would load for `name` required from the package at
 * `from` (`node_modules/a/node_modules/b`): its own node_modules first, then each parent's.
 */
export function resolveInLock(lock: Lock, from: string, name: string): { path: string; entry: LockPackage } | undefined {
  const packages = lock.packages ?? {};
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    const entry = packages[candidate];
    if (entry) return { path: candidate, entry };
    if (base === '') return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut === -1 ? '' : base.slice(0, cut);
  }
}

/** Every dependency in the lock that is not a semver range and is not pinned by an exact override. */
export function lockProblems(lock: Lock, overrides: Overrides | undefined): LockProblem[] {
  const problems: LockProblem[] = [];
  if (!lock.packages || typeof lock.packages !== 'object') {
    return [{ from: '', field: 'packages', name: '', spec: '', reason: 'the lock has no "packages" map (lockfileVersion 2 or 3 is needed)' }];
  }
  for (const [from, entry] of Object.entries(lock.packages)) {
    for (const field of dependencyFields) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        const problem = specProblem(spec);
        if (!problem) continue;
        const pins = overridesFor(overrides, name);
        const report = (reason: string) => problems.push({ from, field, name, spec, reason });
        if (pins.length === 0) {
          report(`${problem}; pin it with package.json "overrides": { "${name}": "<exact version>" }`);
          continue;
        }
        const loose = pins.filter((pin) => !isExactVersion(pin));
        if (loose.length > 0) {
          report(`${problem}, and its override "${loose.join('", "')}" is not one exact version`);
          continue;
        }
        const installed = resolveInLock(lock, from, name);
        if (!installed) {
          if (field !== 'peerDependencies' && field !== 'optionalDependencies') report(`${problem}, and the lock installs no ${name} for it`);
          continue;
        }
        if (!pins.includes(installed.entry.version ?? '')) {
          report(`${problem}; overrides pin ${pins.join(', ')} but the lock installs ${installed.path}@${installed.entry.version}: run npm install`);
        }
      }
    }
  }
  return problems;
}
