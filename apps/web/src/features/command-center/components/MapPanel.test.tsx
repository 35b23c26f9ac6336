import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubHealthyServer } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { child, dashboard, township, village } from '../test/factories.ts';
import type { Measure } from '../utils/measure.ts';
import { MapPanel } from './MapPanel.tsx';

const data = dashboard({
  children: [
    child(township, { open: 9, red: 0, onTimeRate: 0.97 }),
    child(village, { open: 2, red: 2, onTimeRate: null, hasGeometry: false }),
  ],
});

function Panel() {
  const [measure, setMeasure] = useState<Measure>('open');
  return <MapPanel data={data} measure={measure} onMeasure={setMeasure} onOpen={() => undefined} height={300} />;
}

const legendLabels = () =>
  [...screen.getByTestId('cc-legend').querySelectorAll('[data-testid="cc-legend-step"]')].map((el) => el.textContent);

describe('MapPanel', () => {
  it('shows the legend of the chosen measure and switches it', async () => {
    stubHealthyServer({ '/api/v1/units/1/map': () => json(200, { type: 'FeatureCollection', features: [], outline: null }) });
    renderInRouter(<Panel />);

    await screen.findByText('下级单位尚未绘制边界');
    expect(screen.getByTestId('cc-legend').dataset.measure).toBe('open');
    expect(legendLabels()).toEqual(['0–1', '2–3', '4–5', '6–7', '8–9', '无数据']);
    expect(screen.getByText('另有 1 个下级单位尚无边界，见下级单位排名')).toBeTruthy();

    fireEvent.click(screen.getByText('按期办结率'));
    await waitFor(() => expect(screen.getByTestId('cc-legend').dataset.measure).toBe('onTimeRate'));
    expect(legendLabels()).toEqual(['< 60%', '60%–80%', '80%–90%', '90%–95%', '≥ 95%', '无数据']);

    fireEvent.click(screen.getByText('红灯事件'));
    await waitFor(() => expect(legendLabels()).toEqual(['0', '1', '2', '无数据']));
  });
});
