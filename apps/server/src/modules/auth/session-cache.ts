/**
 * Recently authenticated sessions kept in memory for a few seconds, so that a request usually
 * costs no database round trip for its sign-in. What is kept is what the database said (session,
 * user status, grants with their paths); the idle and expiry checks still run on every request
 * against the injectable clock, and moving last_seen still writes through.
 *
 * Freshness: every change in this process that affects signing in (sign-out, session stage,
 * password, user status, grants, unit moves and retirements) clears the cache at once; a change
 * made by another process (a second server, the CLI) is seen within the TTL. TTL 0 turns it off.
 * The TTL runs on the monotonic clock: it bounds staleness in real time, it is not business time.
 */
import type { Authentication } from './auth.repo.ts';

export class SessionCache {
  readonly #entries = new Map<string, { value: Authentication; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(id: string): Authentication | undefined {
    const e = this.#entries.get(id);
    if (!e) return undefined;
    if (performance.now() - e.at > this.ttlMs) {
      this.#entries.delete(id);
      return undefined;
    }
    return e.value;
  }

  set(id: string, value: Authentication): void {
    if (this.ttlMs <= 0) return;
    // Oldest first out (a Map iterates in insertion order).
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(id, { value, at: performance.now() });
  }

  delete(id: string): void {
    this.#entries.delete(id);
  }

  /** Forget everything: called on any change to sessions, users, grants or unit paths. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
