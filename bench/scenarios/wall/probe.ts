/**
 * What the wall scenario reads from the browser, without touching the page's own code: the JS heap
 * after a forced garbage collection, DOM nodes and event listeners (Chrome DevTools Protocol:
 * HeapProfiler.collectGarbage, Performance.getMetrics), the ticket events the page's EventSource
 * received (Network.eventSourceMessageReceived), and the requests it made.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page, Request, Response } from 'playwright-core';

// Page scripts run in the browser; this file is type-checked without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;

export interface Sample {
  /** Simulated minutes since the start of the measured hour (negative: warm-up). */
  minute: number;
  /** What Chromium's processes hold in memory (PSS summed over browser, renderers, GPU, utilities). */
  browserMB: number;
  /** Of which the renderers (the page's process). */
  rendererMB: number;
  /** Response bodies the page received so far (Network.dataReceived), all requests. */
  receivedMB: number;
  heapMB: number;
  nodes: number;
  listeners: number;
  /** What is on the wall at that moment: canvases (charts and map dots), map paths and labels, feed rows. */
  canvases: number;
  mapPaths: number;
  tooltips: number;
  feedItems: number;
}

export interface HeapBreakdown {
  objectsMB: number;
  codeMB: number;
  v8MB: number;
}

export class Probe {
  /** `ticket` messages the page's EventSource received. */
  events = 0;
  /** Dashboard requests, and ticket streams opened (the first one and every reconnection). */
  dashboards = 0;
  streams = 0;
  /** Console messages of the page (DevTools keeps the last 1,000 with their arguments alive). */
  console = 0;
  /** Bytes of response bodies received (decoded). */
  received = 0;
  readonly #inFlight = new Set<Request>();
  /** The page's first dashboard answer, asked for again at the end (see heldByDevTools). */
  #firstDashboard: Response | null = null;

  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<Probe> {
    const cdp = await page.context().newCDPSession(page);
    const probe = new Probe(page, cdp);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.enable');
    // This session's copies of response bodies stay small (the page's own memory is what counts).
    await cdp.send('Network.enable', { maxTotalBufferSize: 1_000_000, maxResourceBufferSize: 100_000 });
    cdp.on('Network.dataReceived', (e) => void (probe.received += e.dataLength));
    cdp.on('Network.eventSourceMessageReceived', (e) => {
      if (e.eventName === 'ticket') probe.events++;
    });
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path === '/api/v1/dashboard') probe.dashboards++;
      if (path === '/api/v1/tickets/events') probe.streams++;
      else if (path.startsWith('/api/')) probe.#inFlight.add(req);
    });
    page.on('console', (m) => {
      if (probe.console++ < 3)
        process.stderr.write(`  … wall page console (${m.type()}): ${m.text().slice(0, 160)} ${m.location().url}\n`);
    });
    page.on('response', (r) => {
      if (!probe.#firstDashboard && new URL(r.url()).pathname === '/api/v1/dashboard') probe.#firstDashboard = r;
    });
    const done = (req: Request) => probe.#inFlight.delete(req);
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    return probe;
  }

  /** Waits (real time, at most `ms`) until no API request but the stream is in flight. */
  async idle(ms = 15_000): Promise<void> {
    const until = Date.now() + ms;
    while (this.#inFlight.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  }

  async sample(minute: number): Promise<Sample> {
    await this.idle();
    // Twice: objects freed by the first collection's finalizers go in the second.
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    const dom = await this.page.evaluate(() => ({
      canvases: document.querySelectorAll('canvas').length as number,
      mapPaths: document.querySelectorAll('.leaflet-pane path').length as number,
      tooltips: document.querySelectorAll('.leaflet-tooltip').length as number,
      feedItems: document.querySelectorAll('[data-testid="cc-feed-item"]').length as number,
    }));
    return {
      minute,
      ...browserMemoryMB(),
      receivedMB: this.received / 2 ** 20,
      heapMB: (m.get('JSHeapUsedSize') ?? NaN) / 2 ** 20,
      nodes: m.get('Nodes') ?? NaN,
      listeners: m.get('JSEventListeners') ?? NaN,
      ...dom,
    };
  }

  /** A heap snapshot, as DevTools' Memory panel takes it (JSON text). */
  async #snapshot(): Promise<string> {
    const chunks: string[] = [];
    const add = ({ chunk }: { chunk: string }) => void chunks.push(chunk);
    this.cdp.on('HeapProfiler.addHeapSnapshotChunk', add);
    try {
      await this.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    } finally {
      this.cdp.off('HeapProfiler.addHeapSnapshotChunk', add);
    }
    return chunks.join('');
  }

  /**
   * What the V8 heap holds, from a heap snapshot (sizes as the snapshot counts them): the page's
   * JS objects, compiled code (bytecode, baseline and optimised code, feedback vectors: V8's
   * "code" nodes) and V8's own bookkeeping ("system /" nodes). Blink's C++ objects, also in the
   * snapshot, are not in the JS heap and are left out. `file`: also save the snapshot there.
   */
  async heapBreakdown(file?: string): Promise<HeapBreakdown> {
    const text = await this.#snapshot();
    if (file) writeFileSync(file, text);
    const snap = JSON.parse(text) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    const { node_fields: fields, node_types: types } = snap.snapshot.meta;
    const [type, name, size, width] = [
      fields.indexOf('type'),
      fields.indexOf('name'),
      fields.indexOf('self_size'),
      fields.length,
    ];
    const out = { objectsMB: 0, codeMB: 0, v8MB: 0 };
    for (let i = 0; i < snap.nodes.length; i += width) {
      const t = types[0][snap.nodes[i + type]!];
      const bytes = snap.nodes[i + size]! / 2 ** 20;
      if (t === 'code') out.codeMB += bytes;
      else if (t !== 'native') out.objectsMB += bytes;
      else if (snap.strings[snap.nodes[i + name]!]!.startsWith('system /')) out.v8MB += bytes;
    }
    return out;
  }

  /**
   * Whether the DevTools session Playwright keeps on the page still holds the body of the page's
   * first dashboard answer (it enables the network domain without a buffer limit, so the renderer
   * keeps response bodies for it, up to Chromium's default budget): bytes, or null when gone.
   */
  async heldByDevTools(): Promise<number | null> {
    try {
      return (await this.#firstDashboard?.body())?.length ?? null;
    } catch {
      return null;
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/**
 * The browser's memory as the system sees it: the proportional set size (PSS, shared pages split
 * among their users) of every Chromium process below this one (Playwright launched it), from
 * /proc/<pid>/smaps_rollup. Linux only, as the bench machine is.
 */
export function browserMemoryMB(): { browserMB: number; rendererMB: number } {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  let renderer = 0;
  for (const pid of parent.keys()) {
    if (!below(pid)) continue;
    try {
      // Chromium rewrites its children's command lines into one string: read it whole.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.split(/[\0 ]/)[0]!.includes('chrom')) continue;
      const pss = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      kb += pss;
      if (/(^|[\0 ])--type=renderer([\0 ]|$)/.test(cmdline)) renderer += pss;
    } catch {
      // gone meanwhile
    }
  }
  return { browserMB: kb / 1024, rendererMB: renderer / 1024 };
}

export const describeSample = (s: Sample) =>
  `${s.minute >= 0 ? '+' : ''}${s.minute} min: browser ${s.browserMB.toFixed(1)} MB (renderer ${s.rendererMB.toFixed(1)}), ` +
  `${s.receivedMB.toFixed(1)} MB of responses so far, JS heap ${s.heapMB.toFixed(2)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ` +
  `${s.canvases} canvases, ${s.mapPaths} map paths, ${s.tooltips} labels, ${s.feedItems} feed rows`;
