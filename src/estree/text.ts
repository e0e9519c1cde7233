/**
 * Generic string helpers the rules share: no Lambda@Edge knowledge lives here.
 */

/** `text` without leading and trailing `/`, in linear time (a `/\/+$/` replace is quadratic on many slashes). */
export function trimSlashes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '/') start++;
  while (end > start && text[end - 1] === '/') end--;
  return text.slice(start, end);
}
