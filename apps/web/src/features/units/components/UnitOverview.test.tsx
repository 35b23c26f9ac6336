import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SizingWarning } from '@wangge/contracts';
import { i18n } from '@/shared/i18n/i18n.ts';
import { unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', childCount: 1 });
const town = unit({ id: 2, kind: 'township', name: '欣山镇', parentId: 1, childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', code: '360726100001001', parentId: 4 });

const warnings: SizingWarning[] = [
  {
    unitId: 7,
    unitName: '东街一网格',
    rule: 'gridHouseholds',
    actual: 80,
    expected: 'about 300 (150–450)',
    message: 'grid has 80 households',
  },
  { unitId: 7, unitName: '东街一网格', rule: 'gridLeader', actual: 0, expected: '1', message: 'grid has no grid leader' },
  {
    unitId: 7,
    unitName: '东街一网格',
    rule: 'residentReps',
    actual: 1,
    expected: '8–15 households per representative',
    message: '1 for 80',
  },
];

function renderGrid() {
  stubUnitTree([county, town, village, grid], {}, { 7: { households: 80, warnings } });
  return renderApp('/units/7');
}

// Whole pages render slowly in jsdom; the default 5 s is too tight on a busy runner.
describe('unit overview', { timeout: 30_000 }, () => {
  beforeAll(() => import('@/app/routes/units.tsx'), 30_000);

  it('shows where the unit sits, its code and household count', async () => {
    renderGrid();

    const crumbs = await screen.findByLabelText('所在位置');
    expect(crumbs.tagName).toBe('NAV');
    const links = [...crumbs.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['安远县', '欣山镇', '东街社区']);
    expect(links[2]?.getAttribute('href')).toBe('/units/4');
    expect(crumbs.textContent).toContain('东街一网格');
    expect(screen.getByTestId('unit-title').textContent).toBe('东街一网格');
    const facts = (label: string) =>
      screen.getByText(label, { selector: 'th *, th' }).closest('th')?.nextElementSibling?.textContent;
    expect(facts('编码')).toBe('360726100001001');
    expect(facts('户数')).toBe('80');
    expect(facts('类型')).toBe('网格');
  });

  it('renders the sizing warnings as Chinese sentences with the measured and expected values', async () => {
    renderGrid();

    const alerts = await screen.findAllByTestId('sizing-warning');
    expect(alerts.map((a) => a.textContent)).toEqual([
      '东街一网格：网格现有 80 户，基础网格宜为 150–450 户',
      '东街一网格：未配备网格长（应有 1 名，现有 0 名）',
      '东街一网格：现有村(居)民代表 1 名，应每 8–15 户一名',
    ]);
    expect(alerts.every((a) => a.getAttribute('role') === 'alert')).toBe(true);
  });

  it('renders them in English when the interface is English', async () => {
    await i18n.changeLanguage('en');
    renderGrid();

    const alerts = await screen.findAllByTestId('sizing-warning');
    expect(alerts[0]?.textContent).toBe('东街一网格: the grid has 80 households; a basic grid should have 150–450');
  });

  it('says when a grid meets every sizing rule', async () => {
    stubUnitTree([county, town, village, grid], {}, { 7: { households: 300, warnings: [] } });
    renderApp('/units/7');
    expect(await screen.findByText('未发现规模问题')).toBeTruthy();
  });

  it('answers an unknown unit with a not-found page', async () => {
    stubUnitTree([county]);
    renderApp('/units/999999');
    expect(await screen.findByText('单元不存在或已被移除')).toBeTruthy();
  });
});
