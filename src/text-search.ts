/**
 * Substring tests for the gates that run on every linted file (is this Lambda@Edge code,
 * infrastructure, a bundle?), where a file's whole text is searched for words that are
 * almost never there.
 *
 * V8 searches a pattern of fewer than 7 characters by looking for its first character with
 * memchr and comparing the rest; a longer one, or one whose first character is frequent
 * (`e`, `c`, `l`, `a`), is several times slower. `Probe` finds a word through a short
 * `anchor` inside it that starts with a rare character (an upper-case letter, `_`, `$`) and
 * checks the whole word at each of the anchor's occurrences: the same answer as
 * `text.includes(word)`.
 */
export interface Probe {
  readonly word: string;
  readonly anchor: string;
  /** Where `anchor` starts in `word`. */
  readonly at: number;
}

/** A probe for `word` through `anchor`, which must be part of it. */
export function probe(word: string, anchor: string): Probe {
  const at = word.indexOf(anchor);
  if (at < 0) throw new Error(`'${anchor}' is not part of '${word}'`);
  return { word, anchor, at };
}

/** `text.includes(p.word)`. */
export function includesWord(text: string, p: Probe): boolean {
  const { word, anchor, at } = p;
  for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
    // i - at is never negative where the word is; where it is, startsWith reads from 0 and
    // can only answer true if the word is there.
    if (text.startsWith(word, i - at)) return true;
  }
  return false;
}
