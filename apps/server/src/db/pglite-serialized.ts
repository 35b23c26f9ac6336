/**
 * PGlite has exactly one connection. Kysely's PGlite driver hands that connection to every caller at
 * once, so a query from request B would run inside request A's open transaction. This wrapper puts a
 * mutex around acquire/release: a transaction holds the connection from BEGIN to COMMIT and every
 * other query (including pg-boss's, through `withLock`) waits its turn.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PGliteDialect, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';

export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

class SerializedDriver implements Driver {
  #releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(
    private readonly inner: Driver,
    private readonly mutex: Mutex,
  ) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.acquire();
    try {
      const connection = await this.inner.acquireConnection();
      this.#releases.set(connection, release);
      return connection;
    } catch (err) {
      release();
      throw err;
    }
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      const release = this.#releases.get(connection);
      this.#releases.delete(connection);
      release?.();
    }
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.inner.rollbackTransaction(connection);
  }
  savepoint: Driver['savepoint'] = (c, n, q) => this.inner.savepoint!(c, n, q);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (c, n, q) => this.inner.rollbackToSavepoint!(c, n, q);
  releaseSavepoint: Driver['releaseSavepoint'] = (c, n, q) => this.inner.releaseSavepoint!(c, n, q);
  destroy() {
    return this.inner.destroy();
  }
}

export class SerializedPGliteDialect extends PGliteDialect {
  constructor(
    pglite: PGlite,
    private readonly mutex: Mutex,
  ) {
    super({ pglite });
  }
  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver(), this.mutex);
  }
}
