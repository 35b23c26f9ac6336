/**
 * wall: the command-center wall (大屏, /command-center/wall/:unitId) left open for an hour of
 * simulated traffic in Debian's Chromium, and the growth of the page's memory (issue #7: ≤ 10 %).
 *
 * The browser tests' server (demo county at scale 0.005, a year of tickets; PostgreSQL when the
 * bench has one, else PGlite) and Chromium; a county leader's wall for the county, rotating every
 * 60 s between the county, two townships and a village of the first (whose map draws the open
 * tickets as dots). The page's clock is Playwright's (installed before the page loads, then
 * paused): the scenario moves it in 10-second steps with runFor, so rotation, the coalesced
 * refetch, the 5-minute refresh, React Query's garbage collection and the charts' animation frames
 * all fire as in an hour. The server's ManualClock moves with it while reports arrive at 400 an
 * hour and each is carried through the closed loop over the next minutes (accept, start, feedback,
 * resolve by the grid's worker; verify, close, evaluate by a dispatcher) through the API, so every
 * report and operation reaches the wall as a server-sent event and a refresh.
 *
 * Memory: HeapProfiler.collectGarbage (twice) then Performance.getMetrics (JSHeapUsedSize, Nodes,
 * JSEventListeners). Baseline: the same page after a 10-minute warm-up with the same traffic (each
 * unit of the rotation shown at least twice, the feed full, every chunk and chart built), so what
 * grows after it is what the hour adds. Sampled every 10 simulated minutes.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { newPage as NewPage } from '../../e2e/support/browser.ts';
import { createAccount, signInByApi } from '../../e2e/support/session.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';
import { describeSample, Probe, type Sample } from './wall/probe.ts';
import { ensureWebBuild, wallServer, wallUnits } from './wall/setup.ts';
import { Traffic } from './wall/traffic.ts';

const DEMO_SCALE = 0.005;
const REPORTS_PER_HOUR = 400;
const ROTATE_EVERY_S = 60;
const TOWNSHIPS = 2;
const STEP_MS = 10_000;
const WARMUP_MIN = 10;
const HOUR_MIN = 60;
const SAMPLE_EVERY_MIN = 10;
/** Real-time bound of the simulated hour: past it the run stops early and the figures say how far it got. */
const MAX_REAL_S = 480;
const TARGET = 10;

const mb = (x: number) => `${x.toFixed(2)} MB`;

export const wall: Scenario = {
  name: 'wall',
  description: 'the command-center wall in Chromium for an hour of simulated traffic: JS heap growth (≤ 10 %)',
  async run(ctx: Ctx): Promise<Row[]> {
    // Imported here: the module warns (or, under CI, throws) at import when there is no Chromium.
    const { hasChromium, launch, newPage, CHROMIUM } = await import('../../e2e/support/browser.ts');
    if (!hasChromium) {
      ctx.log(`no Chromium at ${CHROMIUM}: wall skipped (apt-get install chromium fonts-noto-cjk)`);
      return [];
    }
    ensureWebBuild(ctx);
    const [{ server, label, close }, browser] = await Promise.all([wallServer(ctx, DEMO_SCALE), launch()]);
    try {
      return await measure(ctx, server, label, browser, newPage);
    } finally {
      await browser.close();
      await close();
    }
  },
};

type Server = Awaited<ReturnType<typeof wallServer>>['server'];

async function measure(ctx: Ctx, server: Server, label: string, browser: Browser, newPage: typeof NewPage): Promise<Row[]> {
  const units = await wallUnits(server, TOWNSHIPS);
  const leader = await createAccount(server, 'countyLeader', units.county);
  const page = await newPage(browser, { width: 1920, height: 1080 });
  await signInByApi(page, server, leader.username);
  const probe = await Probe.attach(page);
  // Every ticket event the server publishes (all lie in the county: the leader's stream carries each).
  let sent = 0;
  const unsubscribe = server.runtime.services.ticketNotifier.subscribe(() => sent++);

  // The page's clock starts where the server's stands and runs freely while the wall loads.
  const t0 = server.clock.now().getTime();
  await page.clock.install({ time: t0 });
  const url = `${server.url}/command-center/wall/${units.county}?rotate=${units.rotation.join(',')}&every=${ROTATE_EVERY_S}`;
  await page.goto(url);
  await page.getByTestId('command-center-wall').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="cc-charts"] canvas').nth(3).waitFor({ timeout: 30_000 });
  await page.locator('path[data-testid="map-unit"]').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('cc-live').and(page.locator('[data-status="open"]')).waitFor({ timeout: 30_000 });
  // From here time moves only when the scenario moves it, the page's and the server's together.
  const start = Math.ceil(((await page.evaluate(() => Date.now())) + 1000) / 1000) * 1000;
  await page.clock.pauseAt(start);
  server.clock.set(new Date(start));
  ctx.log(
    `${label}: wall of the county rotating over ${units.rotation.length} units every ${ROTATE_EVERY_S} s; ` +
      `${REPORTS_PER_HOUR} reports an hour in ${units.grids.length} grids, each through the closed loop`,
  );

  const traffic = await Traffic.create(server, units.county, units.grids, REPORTS_PER_HOUR);
  const began = performance.now();
  let simulated = start;
  const samples: Sample[] = [];
  let stoppedEarly = false;

  /** Moves both clocks on by `minutes`, the traffic running beside the page's timers. */
  async function simulate(minutes: number) {
    const end = simulated + minutes * 60_000;
    while (simulated < end) {
      if ((performance.now() - began) / 1000 > MAX_REAL_S) {
        stoppedEarly = true;
        return;
      }
      const until = simulated + STEP_MS;
      await Promise.all([traffic.runUntil(until), page.clock.runFor(STEP_MS)]);
      simulated = until;
      // The deadline sweep, as the server's job runs it every minute.
      if ((simulated - start) % 60_000 === 0) await server.runtime.services.supervision.sweep();
    }
  }
  const minute = () => Math.round((simulated - start) / 60_000) - WARMUP_MIN;
  const snapshots = process.env.BENCH_WALL_SNAPSHOTS;
  const note = async (s: Sample) => {
    samples.push(s);
    if (snapshots) await probe.snapshot(path.join(snapshots, `wall${s.minute}.heapsnapshot`));
    const real = ((performance.now() - began) / 1000).toFixed(0);
    ctx.log(`${describeSample(s)} (${real} s real; ${probe.events} events, ${probe.dashboards} dashboard requests)`);
  };

  await simulate(WARMUP_MIN);
  await note(await probe.sample(minute()));
  while (!stoppedEarly && minute() < HOUR_MIN) {
    await simulate(SAMPLE_EVERY_MIN);
    await note(await probe.sample(minute()));
  }
  unsubscribe();
  await probe.idle();
  await new Promise((r) => setTimeout(r, 500)); // the last events on their way
  const status = await page.getByTestId('cc-live').getAttribute('data-status');
  const shown = await page.getByTestId('command-center-wall').getAttribute('data-unit-id');
  const c = traffic.counts;
  ctx.log(
    `traffic: ${c.reports} reports, ${c.operations} operations, ${c.closedLoops} loops closed, ${traffic.openTickets} still open, ` +
      `${c.errors} errors; server sent ${sent} events, the page received ${probe.events}; ${probe.dashboards} dashboard requests, ` +
      `${probe.streams} stream(s) opened, ${probe.console} console messages; at the end the stream is ${status}, the wall shows unit ${shown}`,
  );
  await probe.detach();

  const base = samples[0]!;
  const last = samples.at(-1)!;
  const hour = last.minute;
  const span = stoppedEarly ? `${hour} simulated min (stopped at ${MAX_REAL_S} s real)` : `${hour} simulated min`;
  const growth = ((last.heapMB - base.heapMB) / base.heapMB) * 100;
  const after = `the same page after a ${WARMUP_MIN}-min warm-up`;
  return [
    row(`${label}: JS heap after ${span} of traffic (after GC)`, last.heapMB, 'MB', { label: after, value: base.heapMB }),
    row(`${label}: JS heap growth over ${span} (${mb(base.heapMB)} → ${mb(last.heapMB)})`, growth, '%', null, {
      text: `≤ ${TARGET} %`,
      pass: !stoppedEarly && growth <= TARGET,
    }),
    row(`${label}: DOM nodes after ${span}`, last.nodes, 'nodes', { label: after, value: base.nodes }),
    row(`${label}: JS event listeners after ${span}`, last.listeners, 'listeners', { label: after, value: base.listeners }),
    row(
      `${label}: ticket events received by the wall (${c.reports} reports, ${c.operations} operations)`,
      probe.events,
      'events',
      { label: 'events the server published', value: sent },
      { text: 'all, no error', pass: probe.events === sent && c.errors === 0 && status === 'open' },
    ),
    row(`${label}: dashboard requests of the wall`, probe.dashboards, 'requests', {
      label: 'ticket events received',
      value: probe.events,
    }),
  ];
}
