/** The 统计 module as the app shows it: the user's top unit by default, and the three tabs. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { me, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { figures, statistics } from './factories.ts';

const town = unit({ id: 2, kind: 'township', name: '欣山镇', childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2 });

function renderStatistics(path: string, role: 'townshipOfficial' | 'countyLeader') {
  const requests: URL[] = [];
  const log =
    (answer: (url: URL) => unknown) =>
    ({ url }: FakeRequest) => {
      requests.push(url);
      return json(200, answer(url));
    };
  stubUnitTree([town, village], {
    '/api/v1/auth/me': () => json(200, me(role, town)),
    '/api/v1/tickets/statistics': log(() =>
      statistics([{ key: village.code, name: village.name, figures: figures({ received: 3 }) }], figures({ received: 3 })),
    ),
    '/api/v1/ticket-categories': () => json(200, []),
    '/api/v1/supervision/notices': log(() => ({ items: [], total: 0, limit: 20, offset: 0 })),
    '/api/v1/supervision/circular': log((url) => ({
      from: url.searchParams.get('from'),
      to: url.searchParams.get('to'),
      rows: [],
    })),
  });
  return { ...renderApp(path), requests };
}

describe('统计 module', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/statistics.tsx'), 30_000);

  it("shows the statistics of the user's top unit, then its notices in the 督办 tab", async () => {
    const { requests, router } = renderStatistics('/statistics', 'townshipOfficial');

    await within(await screen.findByTestId('statistics-table')).findByText('东街社区');
    expect(requests[0]!.pathname).toBe('/api/v1/tickets/statistics');
    expect(requests[0]!.searchParams.get('unitId')).toBe('2');

    fireEvent.click(screen.getByRole('tab', { name: '督办' }));
    await screen.findByTestId('notice-list');
    expect(router.state.location.pathname).toBe('/statistics/supervision');
    await waitFor(() => expect(requests.at(-1)!.pathname).toBe('/api/v1/supervision/notices'));
    expect(requests.at(-1)!.searchParams.get('within')).toBe('2');
    // A township official cannot dispatch: no sweep.
    expect(screen.queryByText('立即巡检')).toBeNull();
  });

  it('opens the circular of the unit in the URL', async () => {
    const { requests } = renderStatistics('/statistics/circular?within=4', 'countyLeader');

    await screen.findByTestId('circular-table');
    await waitFor(() => expect(requests.at(-1)!.pathname).toBe('/api/v1/supervision/circular'));
    expect(requests.at(-1)!.searchParams.get('within')).toBe('4');
  });

  it('answers an unknown tab with not found', async () => {
    renderStatistics('/statistics/nothing', 'countyLeader');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
