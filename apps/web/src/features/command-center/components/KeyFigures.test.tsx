import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { dashboard } from '../test/factories.ts';
import { KeyFigures } from './KeyFigures.tsx';

const card = (key: string) => screen.getByTestId(`cc-figure-${key}`);
const value = (key: string) => screen.getByTestId(`cc-value-${key}`).textContent;
const change = (key: string) => card(key).querySelector<HTMLElement>('[data-testid="cc-change"]');

function renderFigures() {
  const data = dashboard(
    {},
    {
      receivedToday: { value: 12, previous: 15 },
      receivedMonth: { value: 1234, previous: 1000 },
      open: 40,
      red: 3,
      onTimeRate: { value: 0.9, previous: 0.85 },
      satisfactionRate: { value: 0.8, previous: 0.875 },
      completionRate: { value: 0.5, previous: null },
    },
  );
  return renderInRouter(<KeyFigures data={data} />);
}

describe('KeyFigures', () => {
  it('shows each figure with its change: rates in percentage points, green when better and red when worse', async () => {
    renderFigures();
    await screen.findByTestId('cc-figures');

    expect(value('receivedMonth')).toBe('1,234');
    expect(value('onTimeRate')).toBe('90.0%');
    expect(change('onTimeRate')!.textContent).toContain('较上月同期');
    expect(change('onTimeRate')!.textContent).toContain('5.0 个百分点');
    expect(change('onTimeRate')!.dataset).toMatchObject({ direction: 'up', tone: 'better' });
    expect(change('onTimeRate')!.style.color).toBe('rgb(56, 158, 13)');
    expect(change('satisfactionRate')!.textContent).toContain('7.5 个百分点');
    expect(change('satisfactionRate')!.dataset).toMatchObject({ direction: 'down', tone: 'worse' });
    expect(change('satisfactionRate')!.style.color).toBe('rgb(207, 19, 34)');
    expect(change('receivedToday')!.textContent).toContain('较昨日');
    expect(change('receivedToday')!.textContent).toContain('3 件');
    expect(change('receivedToday')!.dataset).toMatchObject({ direction: 'down', tone: 'neutral' });
    // No previous rate: no change to show, not a change from zero.
    expect(change('completionRate')).toBeNull();
  });

  it('opens the tickets behind each figure and offers them as Excel', async () => {
    renderFigures();
    await screen.findByTestId('cc-figures');

    expect(card('red').getAttribute('href')).toBe('/tickets/list?within=1&state=open&light=red');
    expect(card('receivedMonth').getAttribute('href')).toBe('/tickets/list?within=1&from=2026-09-01&to=2026-09-30');
    expect(card('onTimeRate').getAttribute('href')).toBe(
      '/tickets/list?within=1&state=done&from=2026-09-01&to=2026-09-30&result=onTime',
    );
    expect(card('households').getAttribute('href')).toBe('/units/1?tab=households');
    expect(screen.getByTestId('cc-export-red').getAttribute('href')).toBe(
      '/api/v1/tickets/export?within=1&state=open&light=red&format=xlsx',
    );
    expect(screen.queryByTestId('cc-export-people')).toBeNull();
    expect(screen.getByTestId('cc-value-red').style.color).not.toBe('');
  });

  it('says why an export was refused instead of downloading the refusal', async () => {
    stubFetch({ '/api/v1/tickets/export': () => problem(422, 'export_too_large', { cap: 50000 }) });
    renderFigures();
    fireEvent.click(await screen.findByTestId('cc-export-red'));
    await waitFor(() => expect(document.body.textContent).toContain('超过单次导出上限'));
  });
});
