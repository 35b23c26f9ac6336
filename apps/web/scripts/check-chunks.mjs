#!/usr/bin/env node
/**
 * Fails the build when a JavaScript chunk is over budget. Officials often sit behind slow county
 * links, and one oversized chunk blocks the first screen; the budget is on gzipped bytes because
 * that is what crosses the wire.
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
for (const file of files) {
  const raw = await readFile(join(assetsDir, file));
  rows.push({ file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
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

const over = rows.filter((r) => r.gzip > BUDGET_BYTES);
if (over.length > 0) {
  console.error(`check-chunks: ${over.length} chunk(s) over ${kB(BUDGET_BYTES)} gzipped`);
  process.exit(1);
}
