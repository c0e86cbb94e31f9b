import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Where the build writes the hashed files. */
export const ASSETS = join(import.meta.dirname, '..', 'target', 'classes', 'META-INF', 'resources', 'assets');

/** The JavaScript the build ships: how many files, and their bytes raw and gzipped (level 9). */
export function javascriptSize(assets = ASSETS) {
  let files = 0;
  let raw = 0;
  let gzip = 0;
  for (const name of readdirSync(assets).filter((n) => n.endsWith('.js'))) {
    const bytes = readFileSync(join(assets, name));
    files++;
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}
