// Comparison logic of the real-code regression suite (`npm run realworld`), kept free of
// I/O so a unit test in `npm test` can check it on a tiny local list.
//
// A finding is { package, file, line, rule, message? }. The expected list has three parts:
//   truePositives  - real bugs the plugin must keep reporting;
//   acceptedSilent - real edge code we deliberately do not report (documentation: a finding
//                    there is unexpected like any other, and is named as such);
//   knownFalse     - false findings we can name by class; the to-do list of the model work.
//                    The run passes while they match and fails when one disappears, so the
//                    entry gets removed in the same change that fixed it.
//   knownMisses    - real bugs the plugin does not report yet (optional). A finding there is
//                    unexpected too, and named so the entry moves to truePositives.

/** The identity of a finding or an entry: package, file, line and rule. */
export function keyOf(item) {
  return `${item.package}|${item.file}|${item.line}|${item.rule}`;
}

function locationKey(item) {
  return `${item.package}|${item.file}|${item.line}`;
}

/**
 * Checks an expected list's own shape: every entry names package, file, line, rule and a
 * one-line reason; known-false entries name their class; no entry appears twice.
 * Returns human-readable problems (empty when the list is well formed).
 */
export function validateExpected(expected) {
  const problems = [];
  const seen = new Map();
  for (const list of ['truePositives', 'acceptedSilent', 'knownFalse', 'knownMisses']) {
    const entries = expected[list] ?? (list === 'knownMisses' ? [] : undefined);
    if (!Array.isArray(entries)) {
      problems.push(`${list} must be an array`);
      continue;
    }
    for (const [index, entry] of entries.entries()) {
      const where = `${list}[${index}]`;
      for (const field of ['package', 'file', 'rule', 'reason']) {
        if (typeof entry[field] !== 'string' || entry[field].trim() === '') problems.push(`${where}: '${field}' must be a non-empty string`);
      }
      if (!Number.isInteger(entry.line) || entry.line < 1) problems.push(`${where}: 'line' must be a positive integer`);
      if (typeof entry.reason === 'string' && entry.reason.includes('\n')) problems.push(`${where}: 'reason' must be one line`);
      if (entry.rule === '*' && list !== 'acceptedSilent') problems.push(`${where}: rule '*' is for accepted-silent places only`);
      if (entry.config !== undefined && entry.config !== 'bare' && entry.config !== 'node') problems.push(`${where}: 'config' must be 'bare' or 'node'`);
      if (list === 'knownFalse' && (typeof entry.class !== 'string' || entry.class.trim() === '')) {
        problems.push(`${where}: a known-false entry must name its class`);
      }
      const key = `${keyOf(entry)}|${entry.config ?? 'any'}`;
      if (seen.has(key)) problems.push(`${where}: same package, file, line, rule and config as ${seen.get(key)}`);
      else seen.set(key, where);
    }
  }
  return problems;
}

/**
 * Compares the findings of a run with the expected list.
 * Returns { ok, unexpected, missingTruePositives, fixedKnownFalse, matched } where
 *   unexpected           - findings in no list (those at an accepted-silent place carry it as `silentEntry`,
 *                          those at a known miss as `missEntry`);
 *   missingTruePositives - true positives no longer reported (a regression);
 *   fixedKnownFalse      - known-false entries no longer reported (remove them from the list);
 *   matched              - how many findings matched a true-positive or known-false entry.
 * Several findings at the same key count once (a rule reporting twice on one line is one entry).
 */
export function compareFindings(findings, expected) {
  const tp = new Map(expected.truePositives.map((e) => [keyOf(e), e]));
  const kf = new Map(expected.knownFalse.map((e) => [keyOf(e), e]));
  const silent = new Map();
  for (const entry of expected.acceptedSilent) {
    silent.set(keyOf(entry), entry);
    if (entry.rule === '*') silent.set(locationKey(entry), entry);
  }
  const misses = new Map((expected.knownMisses ?? []).map((e) => [keyOf(e), e]));
  const seen = new Set();
  const unexpected = [];
  let matched = 0;
  for (const finding of findings) {
    const key = keyOf(finding);
    if (tp.has(key) || kf.has(key)) {
      if (!seen.has(key)) matched++;
      seen.add(key);
      continue;
    }
    const silentEntry = silent.get(key) ?? silent.get(locationKey(finding));
    const missEntry = misses.get(key);
    unexpected.push(silentEntry ? { ...finding, silentEntry } : missEntry ? { ...finding, missEntry } : finding);
  }
  const missingTruePositives = [...tp].filter(([key]) => !seen.has(key)).map(([, e]) => e);
  const fixedKnownFalse = [...kf].filter(([key]) => !seen.has(key)).map(([, e]) => e);
  const ok = unexpected.length === 0 && missingTruePositives.length === 0 && fixedKnownFalse.length === 0;
  return { ok, unexpected, missingTruePositives, fixedKnownFalse, matched };
}

/** A readable diff of a comparison, one line per difference, with what to do about it. */
export function formatComparison(result) {
  const lines = [];
  for (const f of result.unexpected) {
    const at = `${f.package} ${f.file}:${f.line} ${f.rule}`;
    if (f.silentEntry) lines.push(`+ ${at}  NEW at an accepted-silent place ("${f.silentEntry.reason}"): ${f.message ?? ''}`.trimEnd());
    else if (f.missEntry) lines.push(`+ ${at}  FOUND a known miss ("${f.missEntry.reason}"): move the entry to truePositives`);
    else lines.push(`+ ${at}  NEW finding in no list: ${f.message ?? ''}`.trimEnd());
  }
  for (const e of result.missingTruePositives) {
    lines.push(`- ${e.package} ${e.file}:${e.line} ${e.rule}  MISSING true positive ("${e.reason}"): a regression`);
  }
  for (const e of result.fixedKnownFalse) {
    lines.push(`- ${e.package} ${e.file}:${e.line} ${e.rule}  GONE known-false [${e.class}]: fixed? remove the entry`);
  }
  return lines.join('\n');
}
