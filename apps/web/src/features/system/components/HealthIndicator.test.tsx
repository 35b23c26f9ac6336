import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/shared/i18n/i18n.ts';
import { json, networkDown, readyAnswer, stubFetch } from '@/test/fetch.ts';
import { renderWithProviders } from '@/test/render.tsx';
import { READINESS_POLL_MS } from '../api/get-readiness.ts';
import { HealthIndicator } from './HealthIndicator.tsx';

const notReady = { status: 'not_ready', checks: { database: false, migrations: false } };

async function findStatus(label: string) {
  return screen.findByRole('status', { name: `系统状态: ${label}` });
}

describe('HealthIndicator', () => {
  it('shows 正常 when /readyz answers ready', async () => {
    stubFetch({ '/readyz': () => json(200, readyAnswer) });
    renderWithProviders(<HealthIndicator />);

    expect((await findStatus('正常')).textContent).toBe('正常');
  });

  it('shows 数据库不可用 when /readyz answers 503 not_ready, and names the failing checks', async () => {
    stubFetch({ '/readyz': () => json(503, notReady) });
    renderWithProviders(<HealthIndicator />);

    const status = await findStatus('数据库不可用');
    fireEvent.mouseEnter(status);

    expect(await screen.findByText('数据库连接: 异常')).toBeTruthy();
    expect(screen.getByText('数据库迁移: 异常')).toBeTruthy();
  });

  it('shows 离线 when the server cannot be reached', async () => {
    stubFetch({ '/readyz': networkDown });
    renderWithProviders(<HealthIndicator />);

    const status = await findStatus('离线');
    fireEvent.mouseEnter(status);
    expect(await screen.findByText('无法连接服务器')).toBeTruthy();
  });

  it('counts a 503 that is not a readiness answer (a proxy page) as offline', async () => {
    stubFetch({
      '/readyz': () => new Response('<html>maintenance</html>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
    });
    renderWithProviders(<HealthIndicator />);

    expect(await findStatus('离线')).toBeTruthy();
  });

  it('polls every 10 seconds and turns offline when the server goes away', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let up = true;
    const fetchMock = stubFetch({ '/readyz': (request) => (up ? json(200, readyAnswer) : networkDown(request)) });
    renderWithProviders(<HealthIndicator />);
    await findStatus('正常');

    up = false;
    await act(() => vi.advanceTimersByTimeAsync(READINESS_POLL_MS));

    expect(await findStatus('离线')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('speaks English when the interface does', async () => {
    await i18n.changeLanguage('en');
    stubFetch({ '/readyz': () => json(503, notReady) });
    renderWithProviders(<HealthIndicator />);

    expect(await screen.findByRole('status', { name: 'System status: Database unavailable' })).toBeTruthy();
  });
});
