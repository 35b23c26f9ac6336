import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { me, unit } from '@/test/factories.ts';
import { json, stubHealthyServer } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县' });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 1 });

async function menuAs(answer: ReturnType<typeof me>, path = '/') {
  stubHealthyServer({ '/api/v1/auth/me': () => json(200, answer) });
  const view = renderApp(path);
  const nav = await screen.findByRole('navigation', { name: '主菜单' });
  return {
    ...view,
    labels: within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent),
  };
}

describe('what the shell offers depends on the roles', { timeout: 20_000 }, () => {
  it('hides 系统管理 and the dashboards from a grid worker', async () => {
    const { labels } = await menuAs(me('gridWorker', grid));
    expect(labels).toEqual(['工作台', '网格', '人口与房屋', '事件', '台账']);
  });

  it('shows an audit administrator 系统管理 but not the grid modules', async () => {
    const { labels } = await menuAs(me('auditAdmin', county));
    expect(labels).toContain('系统管理');
    expect(labels).not.toContain('网格');
    expect(labels).not.toContain('人口与房屋');
  });

  it('answers a typed address outside the roles with 403, keeping the shell', async () => {
    await menuAs(me('gridWorker', grid), '/admin');
    expect(await screen.findByText('没有权限访问该页面')).toBeTruthy();
    expect(screen.getByRole('button', { name: '用户菜单' }).textContent).toContain('gridWorker');
  });
});
