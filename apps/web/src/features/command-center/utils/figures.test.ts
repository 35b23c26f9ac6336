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

  it('compares stock figures with the day recorded last month, and shows no change when none was', () => {
    const recorded = { day: '2026-08-30', open: 10, red: 4, yellow: 1, people: 900, households: 300, grids: 3, staffOnDuty: 6 };
    const figures = { open: 12, red: 2, yellow: 1, people: 905, households: 300, grids: 3, staffOnDuty: 5, recorded };
    const change = (key: string, d = dashboard({}, figures)) => figureList(d).find((f) => f.key === key)!.change;
    expect(change('open')).toMatchObject({ direction: 'up', amount: '2', against: 'lastMonth', tone: 'neutral' });
    expect(change('red')).toMatchObject({ direction: 'down', amount: '2' });
    expect(change('yellow')).toMatchObject({ direction: 'flat' });
    expect(change('people')).toMatchObject({ direction: 'up', amount: '5' });
    expect(change('staffOnDuty')).toMatchObject({ direction: 'down', amount: '1' });
    expect(change('grids')).toMatchObject({ direction: 'flat' });
    expect(change('open', dashboard({}, { ...figures, recorded: null }))).toBeUndefined();
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
    expect(to('grids')).toBe('/units/1?tab=coverage');
  });
});
