#!/usr/bin/env node
/**
 * Fails the build when a JavaScript chunk is over budget. Officials often sit behind slow county
 * links, and one oversized chunk blocks the first screen; the budget is on gzipped bytes because
 * that is what crosses the wire.
 *
 * Also fails on chunks that import each other statically. In such a cycle one chunk's body runs
 * before the other's imports are bound, which breaks only in the production build (a page that
 * renders in dev and in tests shows 页面加载失败 after deploy).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

const files = (await readdir(assetsDir)).filter((f) => f.endsWith('.js')).sort();
if (files.length === 0) {
  console.error(`check-chunks: no .js files in ${assetsDir}; run vite build first`);
  process.exit(1);
}

const rows = [];
const imports = new Map();
for (const file of files) {
  const raw = await readFile(join(assetsDir, file));
  rows.push({ file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
  // Static imports only: `import(...)` of a lazy page cannot run a chunk early.
  const text = raw.toString('utf8');
  imports.set(
    file,
    [...text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]),
  );
}
rows.sort((a, b) => b.gzip - a.gzip);

const width = Math.max(...rows.map((r) => r.file.length));
console.log(`${'chunk'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(10)}`);
for (const r of rows) {
  const flag = r.gzip > BUDGET_BYTES ? '  OVER BUDGET' : '';
  console.log(`${r.file.padEnd(width)}  ${kB(r.raw).padStart(10)}  ${kB(r.gzip).padStart(10)}${flag}`);
}
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`${rows.length} chunks, ${kB(total)} gzipped in total; budget ${kB(BUDGET_BYTES)} per chunk`);

const cycles = [];
const state = new Map(); // 1 = on the current path, 2 = done
const path = [];
const visit = (file) => {
  state.set(file, 1);
  path.push(file);
  for (const dep of imports.get(file) ?? []) {
    if (state.get(dep) === 1) cycles.push([...path.slice(path.indexOf(dep)), dep].join(' -> '));
    else if (!state.has(dep)) visit(dep);
  }
  path.pop();
  state.set(file, 2);
};
for (const file of files) if (!state.has(file)) visit(file);

let failed = false;
const over = rows.filter((r) => r.gzip > BUDGET_BYTES);
if (over.length > 0) {
  console.error(`check-chunks: ${over.length} chunk(s) over ${kB(BUDGET_BYTES)} gzipped`);
  failed = true;
}
if (cycles.length > 0) {
  console.error(`check-chunks: chunks import each other (see vite.config.ts codeSplitting):\n  ${cycles.join('\n  ')}`);
  failed = true;
}
if (failed) process.exit(1);
