import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { findTreeItem, treeItem } from '@/test/queries.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', code: '360726000000', childCount: 2 });
const town = unit({ id: 2, kind: 'township', name: '欣山镇', code: '360726100000', parentId: 1, childCount: 1 });
const otherTown = unit({ id: 3, kind: 'township', name: '孔田镇', code: '360726101000', parentId: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', code: '360726100001', parentId: 2, childCount: 3 });
const tree = [county, town, otherTown, village];

function requestedParents(fetchMock: ReturnType<typeof stubUnitTree>) {
  return fetchMock.mock.calls
    .map(([input]) => new URL(String(input), 'http://localhost'))
    .filter((url) => url.pathname === '/api/v1/units')
    .map((url) => url.searchParams.get('parentId'));
}

// Whole pages render slowly in jsdom; the default 5 s is too tight on a busy runner.
describe('UnitNavigator', { timeout: 30_000 }, () => {
  // The page is a lazy route; loading its code once up front keeps the first test's timing honest.
  beforeAll(() => import('@/app/routes/units.tsx'), 30_000);

  it('opens the county at /units and shows its children with kind tags and child counts', async () => {
    stubUnitTree(tree);
    const { router } = renderApp('/units');

    const townItem = await findTreeItem('欣山镇');
    await waitFor(() => expect(router.state.location.pathname).toBe('/units/1'));
    expect(within(townItem).getByText('乡镇/街道')).toBeTruthy();
    expect(within(townItem).getByLabelText('1 个下级单元').textContent).toBe('(1)');
    expect(treeItem('安远县')!.getAttribute('aria-selected')).toBe('true');
    // A township without children is a leaf; the village below 欣山镇 is not loaded yet.
    expect(treeItem('孔田镇')!.getAttribute('aria-expanded')).toBeNull();
    expect(treeItem('东街社区')).toBeNull();
  });

  it('loads the children of a branch when it is expanded, and opens a unit on click', async () => {
    const fetchMock = stubUnitTree(tree);
    const { router } = renderApp('/units/1');
    const townItem = await findTreeItem('欣山镇');
    expect(requestedParents(fetchMock)).not.toContain('2');

    fireEvent.click(townItem.querySelector('.ant-tree-switcher')!);

    const villageItem = await findTreeItem('东街社区');
    expect(requestedParents(fetchMock)).toContain('2');
    expect(within(villageItem).getByText('村/社区')).toBeTruthy();

    fireEvent.click(within(villageItem).getByTestId('unit-tree-title'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/units/4'));
    expect((await screen.findByTestId('unit-title')).textContent).toBe('东街社区');
    expect(treeItem('东街社区')!.getAttribute('aria-selected')).toBe('true');
  });

  it('finds a unit by name, opens it and expands the tree down to it', async () => {
    const fetchMock = stubUnitTree(tree);
    const { router } = renderApp('/units/1');
    await findTreeItem('欣山镇');

    fireEvent.change(screen.getByLabelText('搜索单元'), { target: { value: '东街' } });

    const results = await screen.findByLabelText('找到 1 个单元');
    expect(results.getAttribute('role')).toBe('list');
    const hit = within(results).getByTestId('unit-search-result');
    expect(hit.getAttribute('data-unit-name')).toBe('东街社区');
    expect(hit.textContent).toContain('360726100001');
    const searched = fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost').searchParams.get('q'));
    expect(searched).toContain('东街');

    fireEvent.click(hit);

    await waitFor(() => expect(router.state.location.pathname).toBe('/units/4'));
    const villageItem = await findTreeItem('东街社区');
    expect(villageItem.getAttribute('aria-selected')).toBe('true');
    expect(treeItem('欣山镇')!.getAttribute('aria-expanded')).toBe('true');
    expect((screen.getByLabelText('搜索单元') as HTMLInputElement).value).toBe('');
  });

  it('says so when the search matches nothing', async () => {
    stubUnitTree(tree);
    renderApp('/units/1');
    await findTreeItem('欣山镇');

    fireEvent.change(screen.getByLabelText('搜索单元'), { target: { value: '不存在' } });

    expect(await screen.findByText('没有匹配的单元')).toBeTruthy();
  });
});
