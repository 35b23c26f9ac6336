/** The wall (大屏): no shell around it, rotation between units, and nothing left running when it closes. */
import { act, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { me, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { county, dashboard, township } from './factories.ts';
import { stubEventSource } from './fake-event-source.ts';

const units = [unit({ ...county, parentId: null, childCount: 1 }), unit({ ...township, parentId: county.id })];

describe('指挥中心 wall', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/command-center.tsx'), 30_000);

  it('rotates between the units it is given and closes its stream and timer on leaving', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const source = stubEventSource();
    const asked: string[] = [];
    stubUnitTree(units, {
      '/api/v1/auth/me': () => json(200, me('countyLeader', units[0]!)),
      '/api/v1/dashboard': ({ url }: FakeRequest) => {
        const id = Number(url.searchParams.get('unitId'));
        asked.push(String(id));
        return json(200, dashboard({ unit: id === township.id ? township : county }));
      },
    });
    const { unmount } = renderApp('/command-center/wall?rotate=1,2&every=30');

    const wall = await screen.findByTestId('command-center-wall');
    expect(wall.dataset.unitId).toBe('1');
    expect(screen.getByText('示范县社会治理指挥中心')).toBeTruthy();

    act(() => vi.advanceTimersByTime(30_000));
    await waitFor(() => expect(screen.getByTestId('command-center-wall').dataset.unitId).toBe('2'));
    act(() => vi.advanceTimersByTime(30_000));
    await waitFor(() => expect(screen.getByTestId('command-center-wall').dataset.unitId).toBe('1'));
    expect(asked.slice(0, 2)).toEqual(['1', '2']);
    // One stream for the wall, however often it rotates.
    expect(source.instances).toHaveLength(1);

    unmount();
    expect(source.instances[0]!.readyState).toBe(2);
    // The rotation's interval is gone; only the query client's (stopped with it) could remain.
    expect(vi.getTimerCount()).toBe(0);
  });
});
