/**
 * The 全部事件 list's filters, sort and page, kept in the URL: a link reproduces the view (the
 * command center links here with `?light=red&state=open&within=…`). Values that do not parse are
 * ignored, not errors.
 */
import { useCallback, useMemo } from 'react';
import { HandlingLevels, Lights, TicketChannels, TicketStates } from '@wangge/contracts';
import { useSearchParams } from 'react-router';
import {
  TicketEvaluations,
  TicketResults,
  type TicketFilter,
  type TicketSort,
  type TicketStateFilter,
} from '../api/get-tickets.ts';

export const TICKET_SORTS: readonly TicketSort[] = ['-receivedAt', 'receivedAt', 'dueAt', '-updatedAt'];
export const STATE_FILTERS: readonly TicketStateFilter[] = ['open', 'done', ...TicketStates];
const FILTER_KEYS = [
  'within',
  'state',
  'light',
  'categoryId',
  'channel',
  'level',
  'q',
  'from',
  'to',
  'supervised',
  'result',
  'selfResolved',
  'evaluation',
] as const;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;
const id = (value: string | null) => (value !== null && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined);
const day = (value: string | null) => (value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export function useTicketListView() {
  const [params, setParams] = useSearchParams();

  const filter = useMemo<TicketFilter>(
    () => ({
      within: id(params.get('within')),
      state: oneOf(STATE_FILTERS, params.get('state')),
      light: oneOf(Lights, params.get('light')),
      categoryId: id(params.get('categoryId')),
      channel: oneOf(TicketChannels, params.get('channel')),
      level: oneOf(HandlingLevels, params.get('level')),
      q: params.get('q')?.trim().slice(0, 50) || undefined,
      from: day(params.get('from')),
      to: day(params.get('to')),
      supervised: params.get('supervised') === 'true' ? true : undefined,
      result: oneOf(TicketResults, params.get('result')),
      selfResolved: params.get('selfResolved') === 'true' ? true : undefined,
      evaluation: oneOf(TicketEvaluations, params.get('evaluation')),
    }),
    [params],
  );
  const sort = oneOf(TICKET_SORTS, params.get('sort'));
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setFilter = useCallback(
    (values: TicketFilter) =>
      update((next) => {
        for (const key of FILTER_KEYS) {
          const value = values[key];
          if (value === undefined || value === '' || value === false) next.delete(key);
          else next.set(key, String(value));
        }
        next.delete('page');
      }),
    [update],
  );
  const setSort = useCallback(
    (value: TicketSort | undefined) =>
      update((next) => {
        if (value) next.set('sort', value);
        else next.delete('sort');
        next.delete('page');
      }),
    [update],
  );
  const setPage = useCallback(
    (value: number) =>
      update((next) => {
        if (value > 1) next.set('page', String(value));
        else next.delete('page');
      }),
    [update],
  );

  return { filter, sort, page, setFilter, setSort, setPage };
}
