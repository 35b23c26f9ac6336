/** A stand-in for the browser's EventSource: tests open it, send it events and check it was closed. */
import { vi } from 'vitest';

export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  onopen: ((e: Event) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  readonly #listeners = new Map<string, Set<(e: MessageEvent<string>) => void>>();

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.#listeners.get(type)?.delete(listener);
  }

  close() {
    this.readyState = 2;
  }

  /** The server answered: the stream is open. */
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  emit(type: string, data: unknown) {
    const message = new MessageEvent<string>(type, { data: JSON.stringify(data) });
    for (const listener of this.#listeners.get(type) ?? []) listener(message);
  }

  get listenerCount() {
    return [...this.#listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

export function stubEventSource() {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  return FakeEventSource;
}

/** The stream's `ticket` event for a new report. */
export function reportEvent(id: number, title = `事件 ${id}`) {
  return {
    kind: 'assigned',
    ticket: { id, code: `SJ2026${String(id).padStart(6, '0')}`, title, state: 'reported' },
    light: 'green',
    forYou: false,
    at: '2026-09-30T01:00:00.000Z',
  };
}
