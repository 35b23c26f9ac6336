import { describe, expect, it } from 'vitest';
import { dashboard } from '../test/factories.ts';
import { countChange, figureList, rateChange } from './figures.ts';

describe('key figures', () => {
  it('measures a rate change in percentage points, up as better and down as worse', () => {
    expect(rateChange({ value: 0.9, previous: 0.85 }, 'lastMonth')).toMatchObject({
      direction: 'up',
      amount: '5.0',
      unit: 'points',
      tone: 'better',
    });
    expect(rateChange({ value: 0.8, previous: 0.875 }, 'lastMonth')).toMatchObject({
      direction: 'down',
      amount: '7.5',
      tone: 'worse',
    });
    expect(rateChange({ value: null, previous: 0.5 }, 'lastMonth')).toBeUndefined();
  });

  it('gives a count change no side', () => {
    expect(countChange({ value: 12, previous: 15 }, 'yesterday')).toMatchObject({
      direction: 'down',
      amount: '3',
      tone: 'neutral',
    });
  });

  it('links every ticket figure to the tickets list with the filters that count it', () => {
    const list = figureList(dashboard());
    const to = (key: string) => list.find((f) => f.key === key)!.to;
    expect(to('red')).toBe('/tickets/list?within=1&state=open&light=red');
    expect(to('receivedMonth')).toBe('/tickets/list?within=1&from=2026-09-01&to=2026-09-30');
    expect(to('receivedToday')).toBe('/tickets/list?within=1&from=2026-09-30&to=2026-09-30');
    expect(to('onTimeRate')).toBe('/tickets/list?within=1&state=done&from=2026-09-01&to=2026-09-30&result=onTime');
    expect(to('satisfactionRate')).toBe('/tickets/list?within=1&from=2026-09-01&to=2026-09-30&evaluation=satisfied');
    expect(to('selfResolvedShare')).toBe('/tickets/list?within=1&from=2026-09-01&to=2026-09-30&selfResolved=true');
    expect(to('people')).toBe('/people?within=1');
  });
});
