/**
 * Ticket notifications: new assignments, state changes, light changes and supervision notices.
 * Stored (ticket_notification, so a reconnecting client can catch up by Last-Event-ID), published
 * in process to server-sent-event subscribers after the transaction commits, and handed to
 * pluggable outbound channels (SMS, WeChat… arrive with the broadcast module).
 *
 * In-process publishing reaches the clients of this server process; several API processes behind a
 * load balancer would relay through PostgreSQL LISTEN/NOTIFY (not needed for one process).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { Logger } from 'pino';

export type NotificationKind = 'assigned' | 'state' | 'light' | 'supervision';

export interface TicketNotice {
  id?: number;
  ticketId: number;
  code?: string;
  title?: string;
  state?: string;
  kind: NotificationKind;
  light: string | null;
  /** The holder the notice is addressed to. */
  unitId: number | null;
  departmentId: number | null;
  /** For scoping the live stream: where the ticket lies and who holds it. */
  unitPath?: string;
  holderPath?: string;
  departmentIds?: number[];
  at: Date;
}

/**
 * An outbound channel (SMS, WeChat…): gets the notices for the holder (new assignments, yellow and
 * red lights, supervision notices) after the operation committed, never for one rolled back. A
 * delivery that fails, by rejecting or by throwing, is logged and changes nothing else: not the
 * operation, not the other channels, not the live stream.
 */
export interface OutboundChannel {
  readonly name: string;
  send(notice: TicketNotice): Promise<void>;
}

type Listener = (n: TicketNotice) => void;

export class TicketNotifier {
  readonly #listeners = new Set<Listener>();
  readonly #channels: OutboundChannel[] = [];

  /** Where failed deliveries are logged (set by the composition root). */
  log: Pick<Logger, 'warn'> | undefined;

  addChannel(channel: OutboundChannel): void {
    this.#channels.push(channel);
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get subscribers(): number {
    return this.#listeners.size;
  }

  /** Stores notices inside the caller's transaction; returns them with ids for publish(). */
  async store(trx: Kysely<Database> | Transaction<Database>, notices: TicketNotice[]): Promise<TicketNotice[]> {
    if (notices.length === 0) return [];
    const rows = await trx
      .insertInto('ticket_notification')
      .values(
        notices.map((n) => ({
          ticket_id: n.ticketId,
          kind: n.kind,
          light: n.light,
          target_unit_id: n.unitId,
          target_department_id: n.departmentId,
          at: n.at,
        })),
      )
      .returning('id')
      .execute();
    return notices.map((n, i) => ({ ...n, id: Number(rows[i]!.id) }));
  }

  /** After commit: live subscribers, then outbound channels (never blocking the caller). */
  publish(notices: TicketNotice[]): void {
    for (const n of notices) {
      for (const l of this.#listeners) {
        try {
          l(n);
        } catch (e) {
          this.log?.warn({ err: e }, 'ticket notice listener failed');
        }
      }
      if (n.kind === 'assigned' || n.kind === 'light' || n.kind === 'supervision')
        for (const c of this.#channels) void this.#deliver(c, n);
    }
  }

  /** One delivery; a channel that throws instead of rejecting is caught the same way. */
  async #deliver(c: OutboundChannel, n: TicketNotice): Promise<void> {
    try {
      await c.send(n);
    } catch (e) {
      this.log?.warn({ err: e, channel: c.name, notice: n.id }, 'outbound notice failed');
    }
  }
}
