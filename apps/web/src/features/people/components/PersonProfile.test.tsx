import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '@wangge/contracts';
import { me, page, ref, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';
import { ticketSummary } from '@/features/tickets/test/factories.ts';
import { person, profile } from '../test/factories.ts';
import { REVEAL_MS } from './RevealableValue.tsx';

const town = unit({ id: 2, kind: 'township', name: '欣山镇', childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });

const wang = person({
  id: 21,
  name: '王桂兰',
  sex: 'female',
  unit: ref(grid),
  householdId: 301,
  relationToHead: '户主',
  idNumber: '430***********1234',
  phone: '139****0021',
  residenceType: 'registered',
  flags: ['leftBehindElderly'],
});

const wangProfile = profile(wang, {
  household: {
    id: 301,
    address: '东街社区3组12号',
    headName: '王桂兰',
    members: [
      { id: 21, name: '王桂兰', relationToHead: '户主', age: 67 },
      { id: 22, name: '李小明', relationToHead: '孙子', age: 9 },
    ],
  },
  residences: [
    {
      id: 1,
      house: { id: 90, number: '2-301', buildingId: 9, buildingName: '东街3号楼', address: '东街3号' },
      kind: 'owner',
      fromDate: '2001-05-01',
      toDate: null,
    },
  ],
  rentals: [
    {
      id: 3,
      role: 'landlord',
      house: { id: 91, number: '1-101', buildingId: 9, buildingName: '东街3号楼', address: '东街3号' },
      landlord: { id: 21, name: '王桂兰' },
      tenants: [{ id: 23, name: '赵租客' }],
      fromDate: '2025-03-01',
      toDate: null,
    },
  ],
  partyMember: { joinedOn: '1985-07-01', workingAway: false, partyGroup: '东街社区第一党支部' },
});

function renderProfile(answer: Me) {
  const reveals: FakeRequest[] = [];
  const tickets: URLSearchParams[] = [];
  const moves: FakeRequest[] = [];
  const fetchMock = stubUnitTree([town, village, grid], {
    '/api/v1/auth/me': () => json(200, answer),
    '/api/v1/people/21': () => json(200, wangProfile),
    '/api/v1/residences/1/end': (request) => {
      moves.push(request);
      return json(200, []);
    },
    '/api/v1/tickets': ({ url }) => {
      tickets.push(url.searchParams);
      return json(200, page([ticketSummary({ id: 501, title: '王大爷反映屋后排水沟堵塞' })]));
    },
    '/api/v1/people/21/reveal-id-number': (request) => {
      reveals.push(request);
      return json(200, { value: '430624195804021234' });
    },
  });
  renderApp('/people/21');
  const asked = (path: string) => fetchMock.mock.calls.some(([input]) => String(input) === path);
  return { reveals, asked, tickets, moves };
}

describe('person profile', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/people.tsx'), 30_000);

  it('reveals the full ID number through the audited API, then hides it again after 30 s', async () => {
    const { reveals } = renderProfile(me('gridLeader', grid));
    const idNumber = await screen.findByTestId('person-idNumber');
    expect(idNumber.textContent).toBe('430***********1234');

    const facts = within(screen.getByTestId('person-facts'));
    const show = await facts.findByRole('button', { name: '显示完整公民身份号码' });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(show);

    await waitFor(() => expect(screen.getByTestId('person-idNumber').textContent).toBe('430624195804021234'));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]?.init?.method).toBe('POST');
    expect(reveals[0]?.init?.headers).toMatchObject({ 'X-CSRF-Token': 'csrf-test' });
    // The phone stays masked: each value is revealed (and audited) on its own.
    expect(screen.getByTestId('person-phone').textContent).toBe('139****0021');

    await act(() => vi.advanceTimersByTimeAsync(REVEAL_MS));
    expect(screen.getByTestId('person-idNumber').textContent).toBe('430***********1234');
    expect(reveals).toHaveLength(1);
  });

  it('offers no 显示 to a grid worker, who may not reveal', async () => {
    const { asked } = renderProfile(me('gridWorker', grid));
    expect((await screen.findByTestId('person-idNumber')).textContent).toBe('430***********1234');
    // Revealing is granted per unit: the person's unit (with its ancestors) decides.
    await waitFor(() => expect(asked('/api/v1/units/7')).toBe(true));
    await act(() => Promise.resolve());
    const facts = within(screen.getByTestId('person-facts'));
    expect(facts.queryByText('显 示')).toBeNull();
    expect(facts.queryByText('显示')).toBeNull();
  });

  it('shows the household with links to the members, the residence history and party membership', async () => {
    renderProfile(me('gridLeader', grid));
    const members = await screen.findByTestId('household-members');
    expect(within(members).getByText('李小明').closest('a')?.getAttribute('href')).toBe('/people/22');
    // The person themself is marked, not linked.
    expect(within(members).getByText('本人')).toBeTruthy();
    const residences = screen.getByTestId('person-residences');
    expect(within(residences).getByText('东街3号楼 2-301')).toBeTruthy();
    expect(within(residences).getByText('产权人')).toBeTruthy();
    expect(within(residences).getByText('至今')).toBeTruthy();
    expect(screen.getByText('东街社区第一党支部')).toBeTruthy();
    expect(within(screen.getByTestId('person-facts')).getByText('留守老人')).toBeTruthy();
    // She lets a flat: the tenant links to his profile.
    const rentals = screen.getByTestId('person-rentals');
    expect(within(rentals).getByText('出租')).toBeTruthy();
    expect(within(rentals).getByText('赵租客').closest('a')?.getAttribute('href')).toBe('/people/23');
  });

  it('records a move-out of the current residence for one who may edit the person', async () => {
    const { moves } = renderProfile(me('gridLeader', grid));
    const residences = await screen.findByTestId('person-residences');
    const moveOut = await waitFor(() => {
      const b = [...residences.querySelectorAll('button')].find((x) => /迁\s*出/.test(x.textContent ?? ''));
      expect(b).toBeTruthy();
      return b!;
    });
    fireEvent.click(moveOut);
    const confirm = await waitFor(() => {
      const b = [...document.querySelectorAll('.ant-modal button')].find((x) => /确认迁出/.test(x.textContent ?? ''));
      expect(b).toBeTruthy();
      return b!;
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(moves).toHaveLength(1));
    expect(JSON.parse(String(moves[0]!.init?.body)).toDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists the tickets that name the person', async () => {
    const { tickets } = renderProfile(me('gridLeader', grid));
    const card = await screen.findByTestId('person-tickets');
    await waitFor(() => expect(within(card).getByText('王大爷反映屋后排水沟堵塞')).toBeTruthy());
    expect(tickets.at(-1)?.get('personId')).toBe('21');
  });
});
