import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CalendarYear, UserRoleName } from '@wangge/contracts';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { me, page, unit } from '@/test/factories.ts';
import { json, problem, stubHealthyServer, type FakeRequest, type FetchHandler } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县' });
const y2026: CalendarYear = {
  year: 2026,
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
  source: 'official',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: null,
};

function serve(role: UserRoleName, handlers: Record<string, FetchHandler> = {}) {
  return stubHealthyServer({
    '/api/v1/auth/me': () => json(200, me(role, county)),
    '/api/v1/units': () => json(200, page([county])),
    '/api/v1/users': () => json(200, page([])),
    '/api/v1/calendar/years': () => json(200, { items: [y2026], missingYears: [2027] }),
    '/api/v1/calendar/warnings': () => json(200, { items: [{ year: 2027, reason: 'nextYear', notedAt: null }] }),
    ...handlers,
  });
}

const tabs = () => [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
const kind = (day: string) => screen.getByTestId(`day-${day}`).getAttribute('data-kind');

describe('工作日历', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/admin.tsx'), 60_000);
  // The panel opens on the current year: pin it (only Date is faked, timers run as usual).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-05T02:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the system administrator the year with its holidays and adjusted workdays, and warns about next year', async () => {
    serve('systemAdmin');
    renderApp('/admin/calendar');

    await screen.findByTestId('day-2026-10-10');
    expect(tabs()).toEqual(['用户', '工作日历', '事件类别']);
    expect(kind('2026-10-01')).toBe('holiday');
    expect(kind('2026-10-10')).toBe('adjusted');
    expect(kind('2026-10-11')).toBe('weekend');
    expect(kind('2026-10-12')).toBe('workday');
    const banner = await screen.findByTestId('calendar-warnings');
    expect(within(banner).getByText(/2027 年（下一年度/)).toBeTruthy();
  });

  it('enters a missing year by clicking days and saves it', async () => {
    const saved: { url: string; body: unknown }[] = [];
    serve('systemAdmin', {
      '/api/v1/calendar/years/2027': (request: FakeRequest) => {
        const body = JSON.parse(String(request.init?.body)) as { holidays: string[]; workdays: string[] };
        saved.push({ url: request.url.pathname, body });
        return json(200, { year: 2027, ...body, source: 'admin', updatedAt: '2026-11-05T02:00:00.000Z', updatedBy: 1 });
      },
    });
    renderApp('/admin/calendar');

    fireEvent.click(await screen.findByText('录入 2027 年'));
    expect(await screen.findByText(/2027 年尚无工作日历/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('day-2027-01-01')); // Friday → 休
    fireEvent.click(screen.getByTestId('day-2027-02-06')); // Saturday → 班
    fireEvent.click(screen.getByTestId('day-2027-02-07')); // Sunday → 班 → 休
    fireEvent.click(screen.getByTestId('day-2027-02-07'));
    expect(kind('2027-01-01')).toBe('holiday');
    expect(kind('2027-02-06')).toBe('adjusted');
    expect(kind('2027-02-07')).toBe('holiday');
    expect(screen.getByText('节假日 2 天，调休上班 1 天')).toBeTruthy();

    fireEvent.click(screen.getByText('保存'));
    await waitFor(() =>
      expect(saved).toEqual([
        { url: '/api/v1/calendar/years/2027', body: { holidays: ['2027-01-01', '2027-02-07'], workdays: ['2027-02-06'] } },
      ]),
    );
  });

  it("shows the server's reasons when it refuses a year", async () => {
    serve('systemAdmin', {
      '/api/v1/calendar/years/2026': () =>
        problem(400, 'validation_failed', {
          detail: 'The calendar for 2026 is not valid',
          errors: [
            { path: '/body/workdays/0', message: '2026-10-12 is a Monday: an adjusted workday must be a Saturday or Sunday' },
          ],
        }),
    });
    renderApp('/admin/calendar');

    fireEvent.click(await screen.findByTestId('day-2026-10-12'));
    fireEvent.click(screen.getByText('保存'));
    const alert = await screen.findByTestId('calendar-error');
    expect(within(alert).getByText(/must be a Saturday or Sunday/)).toBeTruthy();
  });

  it('is not offered to administrators without config.manage', async () => {
    serve('securityAdmin');
    renderApp('/admin/calendar');
    await waitFor(() => expect(tabs()).toEqual(['授权']));
  });

  it('warns the system administrator of a missing year on every page, leading to the calendar', async () => {
    serve('systemAdmin');
    const { router } = renderApp('/admin/users');
    const notice = await screen.findByTestId('calendar-warnings');
    const open = [...notice.querySelectorAll('button')].find((b) => b.textContent?.includes('录入 2027 年'))!;
    fireEvent.click(open);
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin/calendar'));
    // The calendar page shows it once, above the year.
    await screen.findByTestId('day-2026-10-10');
    expect(screen.getAllByTestId('calendar-warnings')).toHaveLength(1);
  });

  it('does not ask for calendar warnings for those who cannot fix the calendar', async () => {
    const fetchMock = serve('securityAdmin');
    renderApp('/admin/grants');
    await waitFor(() => expect(tabs()).toEqual(['授权']));
    expect(fetchMock.mock.calls.some(([input]) => String(input).includes('/calendar/warnings'))).toBe(false);
    expect(screen.queryByTestId('calendar-warnings')).toBeNull();
  });
});
