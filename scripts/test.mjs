// `npm test`: lint and format check, type check, web build (the browser tests serve it), then every
// vitest project (server unit + integration, web components, browser). Set TEST_DATABASE_URL to run
// the integration and browser tests on a PostgreSQL server instead of PGlite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const steps = [
  ['lint', 'eslint', ['.', '--max-warnings', '0']],
  ['format', 'prettier', ['--check', '.', '--log-level', 'warn']],
  ['types: contracts', 'tsc', ['-p', 'packages/contracts/tsconfig.json']],
  ['types: server', 'tsc', ['-p', 'apps/server/tsconfig.json']],
  ['types: web', 'tsc', ['-p', 'apps/web/tsconfig.json']],
  ['web build', 'npm', ['run', '-s', 'build', '-w', '@wangge/web']],
];

// Every step runs even after a failure, so one run shows everything that is wrong.
const only = process.argv.slice(2);
const failed = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.includes('static')) break;
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  console.log(`[test] ${name}: ${res.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (res.status !== 0) failed.push(name);
}

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`[test] vitest on ${db}`);
const report = 'test-results/vitest.json';
const vitest = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only.filter((a) => a !== 'static')],
  { stdio: 'inherit' },
);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  // The plain closing line CI reads.
  console.log(`\n${db}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
}
if (failed.length) console.log(`[test] failed static steps: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : (vitest.status ?? 1));
