import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '@/test/factories.ts';
import { json, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { ticketSummary } from '../test/factories.ts';
import { TicketList } from './TicketList.tsx';

/** The list's server: the parameters of every list request land in `asked`. */
function stubList(items: ReturnType<typeof ticketSummary>[]) {
  const asked: URLSearchParams[] = [];
  stubHealthyServer({
    '/api/v1/ticket-categories': () => json(200, []),
    '/api/v1/tickets': ({ url }: FakeRequest) => {
      asked.push(url.searchParams);
      return json(200, page(items));
    },
  });
  return asked;
}

describe('TicketList', () => {
  it('sends the filters a command-center figure links with (自办自结, 满意) and shows them in the filter bar', async () => {
    const asked = stubList([ticketSummary({ id: 7, title: '现场调解邻里纠纷' })]);
    renderInRouter(<TicketList />, '/tickets/list?from=2026-09-01&to=2026-09-30&selfResolved=true&evaluation=satisfied');

    expect(await screen.findByText('现场调解邻里纠纷')).toBeTruthy();
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    const q = asked.at(-1)!;
    expect([q.get('selfResolved'), q.get('evaluation'), q.get('from'), q.get('to')]).toEqual([
      'true',
      'satisfied',
      '2026-09-01',
      '2026-09-30',
    ]);
    expect((screen.getByRole('checkbox', { name: '仅自办自结' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('ticket-filters').textContent).toContain('满意');
  });

  it('ignores a filter value it does not know instead of sending it', async () => {
    const asked = stubList([]);
    renderInRouter(<TicketList />, '/tickets/list?evaluation=great&selfResolved=yes');
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    expect([asked.at(-1)!.get('evaluation'), asked.at(-1)!.get('selfResolved')]).toEqual([null, null]);
  });
});
