/** The 指挥中心 module as the app shows it: drilling down and back up, and the live feed. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '@wangge/contracts';
import { me, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { child, county, dashboard, report, township, village } from './factories.ts';
import { reportEvent, stubEventSource } from './fake-event-source.ts';

const units = [
  unit({ ...county, parentId: null, childCount: 1 }),
  unit({ ...township, parentId: county.id, childCount: 1 }),
  unit({ ...village, parentId: township.id }),
];
const at = (second: number) => `2026-09-30T01:00:${String(second).padStart(2, '0')}.000Z`;

function renderCommandCenter(path: string, answer: (unitId: number, call: number) => Dashboard) {
  const requests: URL[] = [];
  const calls = new Map<number, number>();
  const source = stubEventSource();
  stubUnitTree(units, {
    '/api/v1/auth/me': () => json(200, me('countyLeader', units[0]!)),
    '/api/v1/dashboard': ({ url }: FakeRequest) => {
      requests.push(url);
      const id = Number(url.searchParams.get('unitId') ?? county.id);
      calls.set(id, (calls.get(id) ?? 0) + 1);
      return json(200, answer(id, calls.get(id)!));
    },
  });
  return { ...renderApp(path), requests, source };
}

const byUnit: Record<number, Dashboard> = {
  [county.id]: dashboard({ unit: county, children: [child(township, { onTimeRate: 0.9 })] }),
  [township.id]: dashboard({ unit: township, children: [child(village, { onTimeRate: 0.8 })] }),
  [village.id]: dashboard({ unit: village, children: [], points: [] }),
};

describe('指挥中心 module', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/command-center.tsx'), 30_000);

  it('drills down through the ranking and comes back up by the breadcrumbs', async () => {
    const { router, requests } = renderCommandCenter('/command-center', (id) => byUnit[id]!);

    const ranking = await screen.findByTestId('cc-ranking');
    expect(requests[0]!.searchParams.has('unitId')).toBe(false);
    fireEvent.click(within(ranking).getByText('东乡镇'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/command-center/2'));
    await waitFor(() => expect(screen.getByTestId('command-center').dataset.unitId).toBe('2'));
    expect(requests.at(-1)!.searchParams.get('unitId')).toBe('2');

    fireEvent.click(within(screen.getByTestId('cc-ranking')).getByText('东街村'));
    await waitFor(() => expect(screen.getByTestId('command-center').dataset.unitId).toBe('3'));
    const trail = screen.getByTestId('cc-trail');
    await within(trail).findByText('示范县');
    expect(within(trail).getByTestId('cc-unit-name').textContent).toBe('东街村');

    fireEvent.click(within(trail).getByText('示范县'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/command-center/1'));
    await waitFor(() => expect(screen.getByTestId('command-center').dataset.unitId).toBe('1'));
  });

  it('refreshes on a live event and shows the new report on top, highlighted; the stream closes with the page', async () => {
    const { requests, source, unmount } = renderCommandCenter('/command-center/1', (id, call) =>
      dashboard({
        unit: county,
        latest: call === 1 ? [report(1, at(1))] : [report(2, at(2), '村道路面坍塌'), report(1, at(1))],
      }),
    );

    await screen.findByTestId('cc-feed');
    const stream = source.instances[0]!;
    // Only the events of the shown unit's subtree.
    expect(stream.url).toBe('/api/v1/tickets/events?within=1');
    expect(screen.getByTestId('cc-live').dataset.status).toBe('connecting');
    act(() => stream.open());
    expect(screen.getByTestId('cc-live').dataset.status).toBe('open');

    const before = requests.length;
    // A burst of events is one refresh.
    act(() => {
      stream.emit('ticket', reportEvent(2));
      stream.emit('ticket', reportEvent(2));
      stream.emit('ticket', reportEvent(2));
    });
    const items = () => screen.getAllByTestId('cc-feed-item');
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()[0]!.dataset).toMatchObject({ ticketId: '2', fresh: 'true' });
    expect(items()[0]!.textContent).toContain('村道路面坍塌');
    expect(items()[1]!.dataset).toMatchObject({ ticketId: '1', fresh: 'false' });
    expect(requests.length - before).toBe(1);

    // The server missed more than it can replay: the figures are asked again.
    const beforeReset = requests.length;
    act(() => stream.emit('reset', { reason: 'tooManyMissed' }));
    await waitFor(() => expect(requests.length - beforeReset).toBe(1));

    unmount();
    expect(stream.readyState).toBe(stream.CLOSED);
    expect(stream.listenerCount).toBe(0);
  });
});
