import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import type { CircularReport as Circular } from '../api/get-circular.ts';
import { CircularReport } from './CircularReport.tsx';

const ref = (id: number, name: string) => ({ id, code: `3601211${id}`, name, kind: 'township' as const });
const ticket = (id: number, code: string) => ({ id, code, title: `事件${id}`, state: 'assigned' as const });

describe('CircularReport', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // Sunday 2026-03-15 in China.
    vi.setSystemTime(new Date('2026-03-15T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('reports each unit with its notices, cards, tickets still red and the tickets themselves', async () => {
    const requests: URL[] = [];
    stubFetch({
      '/api/v1/supervision/circular': ({ url }: FakeRequest) => {
        requests.push(url);
        const body: Circular = {
          from: url.searchParams.get('from')!,
          to: url.searchParams.get('to')!,
          rows: [
            {
              unit: ref(11, '东乡镇'),
              notices: 3,
              yellowCards: 1,
              redCards: 1,
              stillRed: 2,
              tickets: [ticket(1, 'SJ1'), ticket(2, 'SJ2')],
            },
            { unit: ref(12, '西乡镇'), notices: 1, yellowCards: 0, redCards: 0, stillRed: 0, tickets: [ticket(3, 'SJ3')] },
          ],
        };
        return json(200, body);
      },
    });
    renderInRouter(<CircularReport within={1} />, '/statistics/circular?period=lastWeek');

    const table = await screen.findByTestId('circular-table');
    await within(table).findByText('东乡镇');
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({ within: '1', from: '2026-03-02', to: '2026-03-08' });
    expect(screen.getByText('通报（2026-03-02 至 2026-03-08）')).toBeTruthy();

    const body = [...table.querySelectorAll('tbody tr.ant-table-row')] as HTMLElement[];
    expect([...body[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['东乡镇', '3', '1', '1', '2', 'SJ1、SJ2']);
    expect(within(body[0]!).getByRole('link', { name: 'SJ2' }).getAttribute('href')).toBe('/tickets/2');
    const total = [...table.querySelectorAll('tfoot td')].map((td) => td.textContent);
    expect(total).toEqual(['合计', '4', '1', '1', '2', '']);
  });
});
