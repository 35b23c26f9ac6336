import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Category } from '@wangge/contracts';
import { page, unit } from '@/test/factories.ts';
import { json, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { figures, statistics } from '../test/factories.ts';
import { StatisticsView } from './StatisticsView.tsx';

const east = unit({ id: 11, kind: 'township', name: '东乡镇', parentId: 1, code: '360121100000' });
const category = (id: number, code: string, name: string): Category => ({ id, code, name, parentId: null }) as Category;

function stubServer() {
  const requests: URL[] = [];
  const answer = ({ url }: FakeRequest) => {
    requests.push(url);
    const by = url.searchParams.get('by');
    const rows =
      by === 'category'
        ? [{ key: 'hazard', name: '安全隐患排查', figures: figures({ received: 4 }) }]
        : by === 'channel'
          ? [{ key: 'hotline12345', name: 'hotline12345', figures: figures({ received: 2 }) }]
          : [{ key: east.code, name: east.name, figures: figures({ received: 6, overdueNow: 1, openNow: 2 }) }];
    return json(
      200,
      statistics(rows, figures({ received: 6 }), { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! }),
    );
  };
  stubFetch({
    '/api/v1/tickets/statistics': answer,
    '/api/v1/ticket-categories': () => json(200, [category(21, 'hazard', '安全隐患排查')]),
    '/api/v1/units': () => json(200, page([east])),
  });
  return requests;
}

const tableRow = async (name: string) => {
  const table = await screen.findByTestId('statistics-table');
  return (await within(table).findByText(name)).closest('tr') as HTMLElement;
};

describe('StatisticsView', () => {
  beforeEach(() => {
    // 2026-03-15 09:00 in China.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('asks for this month by child unit and links each unit to its tickets and its own statistics', async () => {
    const requests = stubServer();
    renderInRouter(<StatisticsView unitId={1} />, '/statistics?within=1');

    const row = await tableRow('东乡镇');
    const q = requests[0]!.searchParams;
    expect(Object.fromEntries(q)).toEqual({ unitId: '1', from: '2026-03-01', to: '2026-03-15', by: 'unit' });
    await waitFor(() =>
      expect(within(row).getByRole('link', { name: '东乡镇' }).getAttribute('href')).toBe(
        '/tickets/list?within=11&from=2026-03-01&to=2026-03-15',
      ),
    );
    expect(within(row).getByRole('link', { name: '查看东乡镇的统计' }).getAttribute('href')).toBe('/statistics?within=11');
    expect(screen.getByTestId('figure-received').textContent).toBe('6');
  });

  it('groups by category and links a category by its id', async () => {
    const requests = stubServer();
    const { router } = renderInRouter(<StatisticsView unitId={1} />, '/statistics?within=1&period=lastMonth');
    await tableRow('东乡镇');

    fireEvent.click(screen.getByText('事件类别', { selector: '.ant-segmented-item-label' }));
    const row = await tableRow('安全隐患排查');
    expect(router.state.location.search).toBe('?within=1&period=lastMonth&by=category');
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      by: 'category',
    });
    await waitFor(() =>
      expect(within(row).getByRole('link', { name: '安全隐患排查' }).getAttribute('href')).toBe(
        '/tickets/list?within=1&from=2026-02-01&to=2026-02-28&categoryId=21',
      ),
    );
  });

  it('names channels in Chinese and links them by channel', async () => {
    stubServer();
    renderInRouter(<StatisticsView unitId={1} />, '/statistics?by=channel');

    const row = await tableRow('12345热线');
    expect(within(row).getByRole('link', { name: '12345热线' }).getAttribute('href')).toBe(
      '/tickets/list?within=1&from=2026-03-01&to=2026-03-15&channel=hotline12345',
    );
  });
});
