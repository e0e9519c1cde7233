import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/** What was measured of a package folder. */
export interface PackageSize {
  files: number;
  /** Sum of the files' sizes as they are on disk. */
  rawBytes: number;
  /**
   * A lower bound of the zip's size: each file deflated at the strongest level plus the zip
   * format's fixed headers (local header 30 bytes + central directory entry 46 bytes + the
   * name twice per file, 22 bytes for the end record). Counting stops once it passes `limit`.
   */
  zipBytesAtLeast: number;
  /** True when counting stopped at `limit` (the folder is larger still). */
  stopped: boolean;
}

const MAX_FILES = 20_000;

/**
 * Measures the folder (or file) a Lambda package is zipped from, never running anything:
 * files are listed (symbolic links are not followed, `skip` folder names are left out),
 * sized, and only when their raw size passes `limit` deflated one by one until the
 * estimate passes it. Undefined when the path does not exist, cannot be read, or holds more
 * than 20,000 files (not measured rather than slow).
 */
export function measurePackage(path: string, limit: number, skip: readonly string[] = []): PackageSize | undefined {
  const files: Array<{ path: string; name: string; size: number }> = [];
  const walk = (abs: string, rel: string): boolean => {
    let stat;
    try {
      stat = lstatSync(abs);
    } catch {
      return false;
    }
    if (stat.isSymbolicLink()) return true;
    if (stat.isFile()) {
      files.push({ path: abs, name: rel || abs, size: stat.size });
      return files.length <= MAX_FILES;
    }
    if (!stat.isDirectory()) return true;
    let entries: string[];
    try {
      entries = readdirSync(abs);
    } catch {
      return false;
    }
    for (const entry of entries.sort()) {
      if (skip.includes(entry)) continue;
      if (!walk(join(abs, entry), rel ? `${rel}/${entry}` : entry)) return false;
    }
    return true;
  };
  if (!walk(path, '')) return undefined;
  const rawBytes = files.reduce((sum, f) => sum + f.size, 0);
  let zip = 22;
  for (const f of files) zip += 30 + 46 + 2 * Buffer.byteLength(f.name);
  if (rawBytes + zip <= limit) return { files: files.length, rawBytes, zipBytesAtLeast: rawBytes + zip, stopped: false };
  // Largest files first: the estimate passes the limit with the least work.
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    let data: Buffer;
    try {
      data = readFileSync(f.path);
    } catch {
      return undefined;
    }
    // Zip stores a file uncompressed when deflating does not make it smaller.
    zip += Math.min(deflateRawSync(data, { level: 9 }).length, data.length);
    if (zip > limit) return { files: files.length, rawBytes, zipBytesAtLeast: zip, stopped: true };
  }
  return { files: files.length, rawBytes, zipBytesAtLeast: zip, stopped: false };
}
