import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@wangge/contracts';
import { person, personPage, profile } from '@/features/people/test/factories.ts';
import { me, ref, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

// The official's top unit is the township: the unit tree answers it as the only root.
const town = unit({ id: 2, kind: 'township', name: '欣山镇', childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });

const elder = person({
  id: 11,
  name: '张秀英',
  sex: 'female',
  unit: ref(grid),
  residenceType: 'registered',
  flags: ['leftBehindElderly', 'livingAlone'],
  idNumber: '430***********1234',
  phone: '138****5678',
});
const migrant = person({
  id: 12,
  name: '李建军',
  unit: ref(grid),
  residenceType: 'migrant',
  age: 35,
  idNumber: '362***********002X',
  phone: null,
});

function renderPeople(path: string, answer: Me, page = personPage([elder, migrant])) {
  const requests: URL[] = [];
  stubUnitTree([town, village, grid], {
    '/api/v1/auth/me': () => json(200, answer),
    '/api/v1/people': ({ url }: FakeRequest) => {
      requests.push(url);
      return json(200, page);
    },
    '/api/v1/people/11': () => json(200, profile(elder)),
  });
  const view = renderApp(path);
  return { ...view, requests };
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByText(name).closest('tr')!;
// Role queries over a whole antd form are slow in jsdom (computed styles per element); buttons
// are found by their text, fields by role within the form.
const filters = () => within(screen.getByTestId('people-filters'));
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent);

// Each test renders the whole app; a busy two-core runner needs more than the default 5 s.
describe('人口 tab', { timeout: 20_000 }, () => {
  beforeAll(() => import('./people.tsx'), 30_000);

  it("lists the people of the user's first top unit with masked numbers and Chinese labels", async () => {
    const { requests } = renderPeople('/people', me('townshipOfficial', town));

    const table = await screen.findByTestId('people-table');
    await within(table).findByText('张秀英');
    expect(cells(rowOf(table, '张秀英'))).toEqual(
      expect.arrayContaining(['女', '67', '430***********1234', '138****5678', '户籍人口', '留守老人独居']),
    );
    expect(cells(rowOf(table, '李建军'))).toEqual(expect.arrayContaining(['男', '35', '362***********002X', '—', '流动人口']));
    expect(screen.getByTestId('people-total').textContent).toBe('共 2 人');
    expect(requests[0]?.searchParams.get('within')).toBe('2');
  });

  it('says 超过 10000 人 when the server only estimates the total', async () => {
    renderPeople('/people', me('townshipOfficial', town), personPage([elder], { total: 10_000, totalIsEstimate: true }));
    expect(await screen.findByTestId('people-total')).toHaveProperty('textContent', '超过 10000 人');
  });

  it('searches by name on 查询, keeping the search in the URL', async () => {
    const { requests, router } = renderPeople('/people?within=7', me('townshipOfficial', town));
    await within(await screen.findByTestId('people-table')).findByText('张秀英');

    fireEvent.change(filters().getByRole('textbox', { name: '姓名' }), { target: { value: ' 张 ' } });
    fireEvent.click(filters().getByText('查 询').closest('button')!);

    await waitFor(() => expect(requests.at(-1)?.searchParams.get('q')).toBe('张'));
    expect(requests.at(-1)?.searchParams.get('within')).toBe('7');
    expect(router.state.location.search).toContain('q=%E5%BC%A0');
  });

  it('refuses a partial document number before asking the server', async () => {
    const { requests } = renderPeople('/people', me('townshipOfficial', town));
    await within(await screen.findByTestId('people-table')).findByText('张秀英');
    const before = requests.length;

    fireEvent.change(filters().getByRole('textbox', { name: '证件号码' }), { target: { value: '4306' } });
    fireEvent.click(filters().getByText('查 询').closest('button')!);

    expect(await screen.findByText('请输入完整的证件号码（5–20 位字母或数字）')).toBeTruthy();
    expect(requests).toHaveLength(before);
  });

  it('offers export to a township official', async () => {
    renderPeople('/people', me('townshipOfficial', town));
    const exports = within(await screen.findByTestId('people-export'));
    expect(exports.getByRole('button', { name: /导出 CSV/ })).toBeTruthy();
    expect(exports.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });

  it('offers a grid worker no export, but the import wizard (they may write people)', async () => {
    renderPeople('/people?within=7', me('gridWorker', grid));
    await within(await screen.findByTestId('people-table')).findByText('张秀英');
    // The scope's unit (with its ancestors) decides; once it has loaded, the picker names it.
    await screen.findByTitle('东街一网格');
    expect(screen.queryByTestId('people-export')).toBeNull();
    // Grid workers may write people, so the import wizard is theirs too.
    expect(screen.getByText('导入', { selector: '[role=tab]' })).toBeTruthy();
  });

  it("opens a person's profile from the name", async () => {
    const { router } = renderPeople('/people', me('townshipOfficial', town));
    const table = await screen.findByTestId('people-table');
    fireEvent.click(await within(table).findByRole('link', { name: '查看 张秀英 的详情' }));
    expect(await screen.findByTestId('person-name')).toHaveProperty('textContent', '张秀英');
    expect(router.state.location.pathname).toBe('/people/11');
  });
});
