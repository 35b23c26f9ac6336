/**
 * The live stream of ticket events (server-sent events, same-origin cookie): each event refreshes
 * the inbox, the lists and the ticket it names; one addressed to the user's own unit or department
 * (`forYou`) also shows a small notification with a link. The browser reconnects by itself and
 * the server replays what was missed (Last-Event-ID); see shared/hooks/use-ticket-stream.ts.
 */
import { useRef } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useTicketStream, type TicketStreamEvent } from '@/shared/hooks/use-ticket-stream.ts';
import { ticketPath } from '../utils/paths.ts';

export function useTicketEvents(enabled = true) {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The stream stays open across renders; it reads the latest helpers through this ref.
  const latest = useRef({ notification, t, navigate });
  latest.current = { notification, t, navigate };

  useTicketStream(
    (e: TicketStreamEvent) => {
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
    },
    // Too much was missed to replay: every ticket query reloads.
    { enabled, onReset: () => void queryClient.invalidateQueries({ queryKey: ['tickets'] }) },
  );
}
