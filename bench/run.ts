/**
 * `npm run bench [-- <scenario>... | --full | --strict | --list]`: runs the scenarios in bench/scenarios
 * and prints one table, each figure beside a baseline measured in the same run, so the ratio holds
 * on a noisy machine. Writes bench/results/latest.json. PostgreSQL: BENCH_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres); when unreachable its rows are skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import { pendingCleanups, postgresVersion, runCleanups } from './lib/db.ts';
import type { Ctx, Row, Scenario } from './lib/types.ts';
import { access } from './scenarios/access.ts';
import { dashboard } from './scenarios/dashboard.ts';
import { demoLoad } from './scenarios/demo-load.ts';
import { insert } from './scenarios/insert.ts';
import { locate } from './scenarios/locate.ts';
import { people } from './scenarios/people.ts';
import { route } from './scenarios/route.ts';
import { subtree } from './scenarios/subtree.ts';
import { tickets } from './scenarios/tickets.ts';
import { wall } from './scenarios/wall.ts';

// locate first: it is pure CPU, and runs before the database scenarios leave PostgreSQL checkpointing.
const scenarios: Scenario[] = [locate, insert, route, access, demoLoad, subtree, people, tickets, dashboard, wall];

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const unknownFlag = [...flags].find((f) => !['--full', '--strict', '--list'].includes(f));
const unknownName = names.find((n) => !scenarios.some((s) => s.name === n));
if (flags.has('--list') || unknownFlag || unknownName) {
  if (unknownFlag || unknownName) console.error(`Unknown ${unknownFlag ? `flag ${unknownFlag}` : `scenario ${unknownName}`}.`);
  console.error('Usage: npm run bench -- [scenario...] [--full] [--strict]\nScenarios:');
  for (const s of scenarios) console.error(`  ${s.name.padEnd(10)} ${s.description}`);
  process.exit(unknownFlag || unknownName ? 2 : 0);
}

const pgAdmin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgVersion = await postgresVersion(pgAdmin);
const ctx: Ctx = {
  full: flags.has('--full'),
  pgUrl: pgVersion ? pgAdmin : null,
  log: (m) => process.stderr.write(`  … ${m}\n`),
};
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgres: pgVersion ?? 'unreachable (PostgreSQL rows skipped)',
  /** 1-minute load average at start and end: other work on the machine shows up here. */
  load: [os.loadavg()[0]!],
};
process.on('SIGINT', () => {
  process.stderr.write('\nInterrupted: dropping benchmark databases…\n');
  void Promise.allSettled([...pendingCleanups, ...runCleanups].map((c) => c())).then(() => process.exit(130));
});

const selected = names.length ? scenarios.filter((s) => names.includes(s.name)) : scenarios;
const results: { name: string; seconds: number; rows: Row[]; error?: string }[] = [];
console.error(
  `Wangge bench${ctx.full ? ' (--full)' : ''}: ${machine.cores} × ${machine.cpu}, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
);
for (const s of selected) {
  console.error(`▶ ${s.name}`);
  const t0 = performance.now();
  try {
    const rows = await s.run(ctx);
    results.push({ name: s.name, seconds: (performance.now() - t0) / 1000, rows });
  } catch (err) {
    console.error(err);
    results.push({ name: s.name, seconds: (performance.now() - t0) / 1000, rows: [], error: String(err) });
  }
  await Promise.allSettled([...pendingCleanups].map((c) => c()));
}
await Promise.allSettled([...runCleanups].map((c) => c()));
runCleanups.clear();

/** Three significant figures, thousands separated. */
function fmt(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '—';
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

const header = ['scenario', 'figure', 'value', 'baseline (same run)', 'baseline', 'ratio', 'target', 'result'];
const lines: string[][] = [];
for (const r of results) {
  if (r.error) lines.push([r.name, `ERROR: ${r.error.split('\n')[0]!.slice(0, 100)}`, '', '', '', '', '', 'error']);
  for (const x of r.rows) {
    const ratio = x.baselineValue ? `×${fmt(x.value / x.baselineValue)}` : '';
    const result = x.pass === null ? '' : x.pass ? 'pass' : 'FAIL';
    const base = x.baselineValue === null ? '' : `${fmt(x.baselineValue)} ${x.unit}`;
    lines.push([r.name, x.figure, `${fmt(x.value)} ${x.unit}`, x.baseline, base, ratio, x.target, result]);
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const right = new Set([2, 4, 5]);
const print = (cells: string[]) =>
  cells
    .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
    .join(' │ ')
    .trimEnd();
console.log(print(header));
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const l of lines) console.log(print(l));
const total = results.reduce((a, r) => a + r.seconds, 0);
machine.load.push(os.loadavg()[0]!);
const load = machine.load.map((l) => l.toFixed(1)).join(' → ');
console.log(
  `\n${new Date().toISOString()} · ${machine.cores} cores ${machine.cpu} · ${machine.memoryGiB} GiB · Node ${machine.node} · PostgreSQL ${machine.postgres} · load ${load} · ${total.toFixed(0)} s`,
);

const out = path.join(import.meta.dirname, 'results', 'latest.json');
mkdirSync(path.dirname(out), { recursive: true });
// Formatted as the repository's prettier would, so `prettier --check` stays clean.
const json = JSON.stringify({ date: new Date().toISOString(), args, machine, results });
writeFileSync(out, await prettier.format(json, { ...(await prettier.resolveConfig(out)), filepath: out }));
console.error(`Written ${path.relative(process.cwd(), out)}`);

const failed =
  results.some((r) => r.error) || (flags.has('--strict') && results.some((r) => r.rows.some((x) => x.pass === false)));
process.exit(failed ? 1 : 0);
