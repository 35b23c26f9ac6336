import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SupervisionNotice } from '@wangge/contracts';
import { page } from '@/test/factories.ts';
import { json, stubFetch, type FakeRequest } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { NoticeList } from './NoticeList.tsx';

const village = { id: 31, code: '360121100201', name: '东街社区', kind: 'village' } as const;

function notice(overrides: Partial<SupervisionNotice> & { id: number }): SupervisionNotice {
  return {
    number: `督办〔2026〕第${overrides.id}号`,
    year: 2026,
    seq: overrides.id,
    ticket: { id: 500 + overrides.id, code: `SJ2026030${overrides.id}`, title: '路灯损坏', state: 'assigned' },
    stage: 'resolve',
    level: 'normal',
    addressedTo: '东街社区居委会',
    unit: village,
    dueAt: '2026-03-10T16:00:00.000Z',
    issuedAt: '2026-03-11T01:30:00.000Z',
    workdaysLate: 3,
    ...overrides,
  };
}

const notices = [
  notice({ id: 12, level: 'redCard', workdaysLate: 6 }),
  notice({ id: 11, level: 'yellowCard', stage: 'feedback', addressedTo: '张三（网格员）' }),
  notice({ id: 10, stage: 'accept', workdaysLate: 0 }),
];

function stubServer(sweep = vi.fn(() => json(200, { checked: 40, lightChanges: 3, notices: 1 }))) {
  const requests: URL[] = [];
  const fetchMock = stubFetch({
    '/api/v1/supervision/notices': ({ url }: FakeRequest) => {
      requests.push(url);
      const level = url.searchParams.get('level');
      return json(200, { ...page(level ? notices.filter((n) => n.level === level) : notices), total: 45, limit: 20 });
    },
    '/api/v1/supervision/sweep': sweep,
  });
  return { requests, sweep, fetchMock };
}

const rows = () => [...screen.getByTestId('notice-list').querySelectorAll('tbody tr.ant-table-row')] as HTMLElement[];
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent);

describe('NoticeList', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists each notice with its number, ticket, late stage, level, addressee and working days late', async () => {
    const { requests } = stubServer();
    renderInRouter(<NoticeList within={31} canSweep={false} />);
    await within(await screen.findByTestId('notice-list')).findByText('督办〔2026〕第12号');

    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      within: '31',
      from: '2026-03-01',
      to: '2026-03-15',
      limit: '20',
      offset: '0',
    });
    expect(cells(rows()[0]!)).toEqual([
      '督办〔2026〕第12号',
      'SJ202603012路灯损坏',
      '办结',
      '红牌督办',
      '东街社区居委会',
      '东街社区',
      '2026-03-10 24:00',
      '2026-03-11 09:30',
      '6',
    ]);
    expect(within(rows()[0]!).getByRole('link', { name: 'SJ202603012' }).getAttribute('href')).toBe('/tickets/512');
    expect(cells(rows()[1]!).slice(2, 5)).toEqual(['程序性反馈', '黄牌督办', '张三（网格员）']);
    expect(cells(rows()[2]!)[2]).toBe('受理交办');
    // The level is a coloured tag: red for 红牌, gold for 黄牌.
    expect(rows()[0]!.querySelector('[data-level="redCard"]')?.className).toContain('red');
    expect(rows()[1]!.querySelector('[data-level="yellowCard"]')?.className).toContain('gold');
    expect(screen.getByText('共 45 条')).toBeTruthy();
  });

  it('filters by level and pages through the server', async () => {
    const { requests } = stubServer();
    const { router } = renderInRouter(<NoticeList within={31} canSweep={false} />, '/statistics/supervision?page=2');
    await within(await screen.findByTestId('notice-list')).findByText('督办〔2026〕第12号');
    expect(requests[0]!.searchParams.get('offset')).toBe('20');

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '督办级别' }));
    fireEvent.click(await screen.findByTitle('红牌督办'));

    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(router.state.location.search).toBe('?level=redCard');
    expect(Object.fromEntries(requests.at(-1)!.searchParams)).toMatchObject({ level: 'redCard', offset: '0' });
  });

  it('lets a dispatcher run the sweep and reads the notices again', async () => {
    const { requests, sweep } = stubServer();
    renderInRouter(<NoticeList within={31} canSweep />);
    await within(await screen.findByTestId('notice-list')).findByText('督办〔2026〕第12号');
    const before = requests.length;

    fireEvent.click(screen.getByRole('button', { name: /立即巡检/ }));

    expect(await screen.findByText('巡检完成：检查 40 件，亮灯变化 3 件，新发督办函 1 份')).toBeTruthy();
    expect(sweep).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(requests.length).toBeGreaterThan(before));
  });

  it('offers no sweep to others', async () => {
    stubServer();
    renderInRouter(<NoticeList within={31} canSweep={false} />);
    await within(await screen.findByTestId('notice-list')).findByText('督办〔2026〕第12号');
    expect(screen.queryByRole('button', { name: /立即巡检/ })).toBeNull();
  });
});
