/**
 * Regenerates official-calendar.json from the installed `chinese-days` package:
 *   npx tsx apps/server/src/modules/calendar/official-calendar.generate.ts && npx prettier --write apps/server/src/modules/calendar/official-calendar.json
 * Review the diff: a year already shipped should not change unless the official notice did.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromChineseDays, type ChineseDaysData } from './official-calendar.ts';

const require = createRequire(import.meta.url);
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
const { version } = require('chinese-days/package.json') as { version: string };
const out = {
  generatedFrom: `chinese-days ${version} (MIT License, Copyright (c) 2024 Yawei sun)`,
  years: fromChineseDays(data),
};
writeFileSync(path.join(import.meta.dirname, 'official-calendar.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`official-calendar.json: ${out.years.length} years, ${out.years[0]?.year}–${out.years.at(-1)?.year}`);
