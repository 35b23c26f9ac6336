import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubHealthyServer } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

describe('not-found page', () => {
  beforeEach(() => {
    stubHealthyServer();
  });

  it('answers an unknown path inside the shell, with the menu still usable', async () => {
    renderApp('/no-such-module');

    expect(await screen.findByText('页面不存在')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '主菜单' })).toBeTruthy();
    expect(document.title).toBe('页面不存在 - 网格化服务管理信息系统');
  });

  it('leads back to the workbench', async () => {
    const { router } = renderApp('/no-such-module');

    fireEvent.click(await screen.findByRole('button', { name: '返回工作台' }));

    expect(await screen.findByText('工作台模块建设中')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
  });

  it('is translated', async () => {
    localStorage.setItem('wangge.lang', 'en');
    const { i18n } = await import('@/shared/i18n/i18n.ts');
    await i18n.changeLanguage('en');
    renderApp('/no-such-module');

    expect(await screen.findByText('Page not found')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to workbench' })).toBeTruthy();
  });
});
