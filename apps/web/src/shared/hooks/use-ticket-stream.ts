/**
 * The live ticket stream (server-sent events, scoped by the server to the viewer's area, and with
 * `within` to one unit's subtree) and its state for a connection indicator. The browser reconnects
 * by itself after a dropped connection (sending Last-Event-ID, so the server replays what was
 * missed); when it gives up (an HTTP error while the server restarts), a new stream is opened after
 * a pause. Everything is closed and cleared on unmount: a wall screen opens and leaves pages for days.
 * Used by the tickets pages (use-ticket-events) and the command center (use-live-dashboard).
 */
import { useEffect, useRef, useState } from 'react';
import type { Light, TicketRef } from '@wangge/contracts';

export const TICKET_EVENTS_URL = '/api/v1/tickets/events';
const RETRY_MS = 10_000;

export interface TicketStreamEvent {
  kind: 'assigned' | 'state' | 'light' | 'supervision';
  ticket: Pick<TicketRef, 'id' | 'code' | 'title' | 'state'>;
  light: Light | null;
  forYou: boolean;
  at: string;
}

export type StreamStatus = 'connecting' | 'open' | 'closed';

function parse(data: string): TicketStreamEvent | null {
  try {
    const e = JSON.parse(data) as TicketStreamEvent;
    return typeof e?.ticket?.id === 'number' ? e : null;
  } catch {
    return null;
  }
}

/** The stream's address: every event the viewer may see, or only those of tickets in one unit's subtree. */
export function ticketEventsUrl(within?: number): string {
  return within === undefined ? TICKET_EVENTS_URL : `${TICKET_EVENTS_URL}?within=${within}`;
}

export interface TicketStreamOptions {
  enabled?: boolean;
  within?: number | undefined;
  /** The server missed more events than one replay holds (a long disconnection): reload what is shown. */
  onReset?: () => void;
}

export function useTicketStream(
  onEvent: (e: TicketStreamEvent) => void,
  { enabled = true, within, onReset }: TicketStreamOptions = {},
): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [attempt, setAttempt] = useState(0);
  // The stream stays open across renders and calls the latest handler.
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const resetHandler = useRef(onReset);
  resetHandler.current = onReset;

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(ticketEventsUrl(within), { withCredentials: true });
    let retry: ReturnType<typeof setTimeout> | undefined;
    setStatus('connecting');
    source.onopen = () => setStatus('open');
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return setStatus('connecting');
      setStatus('closed');
      retry ??= setTimeout(() => setAttempt((n) => n + 1), RETRY_MS);
    };
    const onTicket = (message: MessageEvent<string>) => {
      const e = parse(message.data);
      if (e) handler.current(e);
    };
    const onResetEvent = () => resetHandler.current?.();
    source.addEventListener('ticket', onTicket);
    source.addEventListener('reset', onResetEvent);
    return () => {
      clearTimeout(retry);
      source.removeEventListener('ticket', onTicket);
      source.removeEventListener('reset', onResetEvent);
      source.onopen = null;
      source.onerror = null;
      source.close();
    };
  }, [enabled, within, attempt]);

  return status;
}
