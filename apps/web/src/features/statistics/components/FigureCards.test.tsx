import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '@/test/render.tsx';
import { figures } from '../test/factories.ts';
import { FigureCards } from './FigureCards.tsx';

const base = { within: 3, from: '2026-03-01', to: '2026-03-31' };
const value = (key: string) => screen.getByTestId(`figure-${key}`).textContent;

describe('FigureCards', () => {
  it('shows counts, rates in percent and average working days', async () => {
    renderInRouter(
      <FigureCards
        base={base}
        figures={figures({
          received: 1234,
          rejected: 4,
          due: 20,
          closed: 17,
          closedOnTime: 15,
          overdueNow: 2,
          openNow: 9,
          completionRate: 0.85,
          onTimeRate: 0.75,
          satisfactionRate: 0.9231,
          responseRate: 1,
          resolutionRate: 0.9615,
          selfResolvedShare: 0.4,
          redoRate: 0.0123,
          returnRate: 0,
          avgWorkdaysToClose: 3.46,
        })}
      />,
    );
    await screen.findByTestId('figure-cards');

    expect(value('received')).toBe('1,234');
    expect(value('completionRate')).toBe('85.0%');
    expect(value('onTimeRate')).toBe('75.0%');
    expect(value('satisfactionRate')).toBe('92.3%');
    expect(value('responseRate')).toBe('100.0%');
    expect(value('resolutionRate')).toBe('96.2%');
    expect(value('selfResolvedShare')).toBe('40.0%');
    expect(value('redoRate')).toBe('1.2%');
    expect(value('returnRate')).toBe('0.0%');
    expect(value('overdueNow')).toBe('2');
    expect(value('avgWorkdaysToClose')).toBe('3.5');
    expect(screen.getByText('已办结 17 / 应办结 20')).toBeTruthy();
    expect(screen.getByText('其中不予受理 4 件')).toBeTruthy();
  });

  it('shows a dash for every rate of an empty period, not 0 %', async () => {
    renderInRouter(<FigureCards base={base} figures={figures()} />);
    await screen.findByTestId('figure-cards');

    for (const key of [
      'completionRate',
      'onTimeRate',
      'satisfactionRate',
      'responseRate',
      'resolutionRate',
      'selfResolvedShare',
    ]) {
      expect(value(key), key).toBe('—');
    }
    expect(value('avgWorkdaysToClose')).toBe('—');
    expect(value('received')).toBe('0');
  });

  it('opens the tickets list behind a count with the page filters', async () => {
    renderInRouter(<FigureCards base={base} figures={figures({ received: 5, overdueNow: 1, openNow: 3 })} />);

    const overdue = await screen.findByRole('link', { name: '当前超期 1' });
    expect(overdue.getAttribute('href')).toBe('/tickets/list?within=3&from=2026-03-01&to=2026-03-31&state=open&light=red');
    expect(screen.getByRole('link', { name: '接收事件 5' }).getAttribute('href')).toBe(
      '/tickets/list?within=3&from=2026-03-01&to=2026-03-31',
    );
    expect(screen.getByRole('link', { name: '办结率 —' }).getAttribute('href')).toContain('state=done');
    // A rate with no tickets of its own behind it is not a link.
    expect(screen.queryByRole('link', { name: /满意率/ })).toBeNull();
  });
});
