// Summarises a .cpuprofile: self time by function, and inclusive time of the plugin's functions.
//   node bench/profile-summary.mjs <file.cpuprofile> [filter-substring] [top]
import { readFileSync } from 'node:fs';

const [file, filter = '/dist/', topArg = '25'] = process.argv.slice(2);
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const selfBy = new Map();
const inclBy = new Map();
for (const [id, t] of self) {
  const n = nodes.get(id);
  selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + t);
  // inclusive: each distinct frame label on the stack once
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(nodes.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    inclBy.set(l, (inclBy.get(l) ?? 0) + t);
  }
}
const ms = (us) => (us / 1000).toFixed(1).padStart(8);
console.log(`total sampled ${ms(total)} ms`);
console.log('\n-- self time, top');
for (const [l, t] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(t)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${l}`);
console.log(`\n-- inclusive time, frames matching ${filter}`);
for (const [l, t] of [...inclBy].filter(([l]) => l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(t)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${l}`);
