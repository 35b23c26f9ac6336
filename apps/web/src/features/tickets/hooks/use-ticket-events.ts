/**
 * The live stream of ticket events (server-sent events, same-origin cookie): each event refreshes
 * the inbox, the lists and the ticket it names; one addressed to the user's own unit or department
 * (`forYou`) also shows a small notification with a link. The browser reconnects by itself and
 * the server replays what was missed (Last-Event-ID).
 */
import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Light, TicketRef } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ticketPath } from '../utils/paths.ts';

export const TICKET_EVENTS_URL = '/api/v1/tickets/events';

export interface TicketLiveEvent {
  kind: 'assigned' | 'state' | 'light' | 'supervision';
  ticket: Pick<TicketRef, 'id' | 'code' | 'title' | 'state'>;
  light: Light | null;
  forYou: boolean;
  at: string;
}

function parse(data: string): TicketLiveEvent | null {
  try {
    const e = JSON.parse(data) as TicketLiveEvent;
    return typeof e?.ticket?.id === 'number' ? e : null;
  } catch {
    return null;
  }
}

export function useTicketEvents(enabled = true) {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The stream stays open across renders; it reads the latest helpers through this ref.
  const latest = useRef({ notification, t, navigate });
  latest.current = { notification, t, navigate };

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(TICKET_EVENTS_URL, { withCredentials: true });
    const onTicket = (message: MessageEvent<string>) => {
      const e = parse(message.data);
      if (!e) return;
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'inbox'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'detail', e.ticket.id] });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'timeline', e.ticket.id] });
      if (!e.forYou) return;
      const { notification: notify, t: tr, navigate: go } = latest.current;
      const light = e.light === 'yellow' || e.light === 'red' ? tr(`tickets.light.${e.light}`) : '';
      notify.info({
        // One notification per ticket: a burst from the sweep does not stack up.
        key: `ticket-${e.ticket.id}`,
        title: e.kind === 'light' ? tr('tickets.live.light', { light }) : tr(`tickets.live.${e.kind}`),
        description: `${e.ticket.code} ${e.ticket.title}`,
        placement: 'bottomRight',
        onClick: () => void go(ticketPath(e.ticket.id)),
        style: { cursor: 'pointer' },
      });
    };
    source.addEventListener('ticket', onTicket);
    return () => {
      source.removeEventListener('ticket', onTicket);
      source.close();
    };
  }, [enabled, queryClient]);
}
