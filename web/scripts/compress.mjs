// Writes a .gz and a .br beside every compressible file of dist/ so the gateway can serve them
// precompressed (no compression work per request), and prints the first-load JavaScript size.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

for (const file of walk(dist)) {
  if (!compressible.has(extname(file))) continue;
  const bytes = readFileSync(file);
  if (bytes.length < 512) continue;
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}

// First load = the scripts index.html loads (entry and modulepreload), not the lazy page chunks.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gzip = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(dist, s)), { level: 9 }).length, 0);
console.log(`first-load JavaScript: ${scripts.length} files, ${(gzip / 1024).toFixed(1)} KB gzip`);
