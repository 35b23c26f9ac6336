import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubHealthyServer } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const chineseMenu = ['工作台', '网格', '人口与房屋', '事件', '台账', '指挥中心', '统计', '系统管理'];
const englishMenu = [
  'Workbench',
  'Grids',
  'People & housing',
  'Tickets',
  'Registers',
  'Command center',
  'Statistics',
  'Administration',
];

function menuLabels(name: string) {
  const nav = screen.getByRole('navigation', { name });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('AppLayout', () => {
  beforeEach(() => {
    stubHealthyServer();
  });

  it('shows the product name and the module menu in Chinese by default', async () => {
    renderApp('/');

    // The shell appears once the server has confirmed the session.
    expect(await screen.findByRole('heading', { level: 1, name: '网格化服务管理信息系统' })).toBeTruthy();
    expect(menuLabels('主菜单')).toEqual(chineseMenu);
    expect(await screen.findByText('工作台模块建设中')).toBeTruthy();
    // The title is set by an effect, which may run after the page's text shows (a router transition defers it).
    await waitFor(() => expect(document.title).toBe('工作台 - 网格化服务管理信息系统'));
  });

  it('switches the shell to English and remembers the choice', async () => {
    renderApp('/');
    await screen.findByText('工作台模块建设中');

    fireEvent.click(screen.getByText('English'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Wangge Grid Governance' })).toBeTruthy();
    expect(menuLabels('Main menu')).toEqual(englishMenu);
    expect(screen.getByText('Workbench is coming')).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Workbench - Wangge Grid Governance'));
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('wangge.lang')).toBe('en');

    fireEvent.click(screen.getByText('中文'));
    expect(await screen.findByText('工作台模块建设中')).toBeTruthy();
    expect(localStorage.getItem('wangge.lang')).toBe('zh-CN');
  });

  it('opens a module from the menu and marks it as the current one', async () => {
    const { router } = renderApp('/');
    await screen.findByText('工作台模块建设中');

    fireEvent.click(screen.getByRole('link', { name: '台账' }));

    expect(await screen.findByText('台账模块建设中')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/registers');
    const selected = screen.getAllByRole('menuitem').filter((item) => item.className.includes('-selected'));
    expect(selected.map((item) => item.textContent)).toEqual(['台账']);
    await waitFor(() => expect(document.title).toBe('台账 - 网格化服务管理信息系统'));
  });

  it('shows the version and database kind in the footer', async () => {
    renderApp('/');
    expect(await screen.findByText('版本 0.1.0')).toBeTruthy();
    expect(screen.getByText('内置数据库（PGlite）')).toBeTruthy();
  });
});
