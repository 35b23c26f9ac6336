import { describe, expect, it } from 'vitest';
import { child, township, village } from '../test/factories.ts';
import { childStyles } from './child-styles.ts';
import { measureColor, measureSteps, NO_DATA_COLOR, stepLabel } from './measure.ts';

describe('map colouring by measure', () => {
  it('splits counts into equal steps from zero to the largest, darker for more', () => {
    const steps = measureSteps('open', [0, 3, 14]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [0, 3],
      [3, 6],
      [6, 9],
      [9, 12],
      [12, 15],
    ]);
    expect(measureColor(steps, 0)).toBe(steps[0]!.color);
    expect(measureColor(steps, 14)).toBe(steps[4]!.color);
    expect(stepLabel('open', steps[0]!, false)).toBe('0–2');
  });

  it('keeps only the steps values reach, so a quiet unit set is not painted dark', () => {
    const steps = measureSteps('red', [0, 1, 2]);
    expect(steps).toHaveLength(3);
    expect(steps.map((s) => stepLabel('red', s, false))).toEqual(['0', '1', '2']);
    expect(measureColor(steps, 2)).toBe(steps[2]!.color);
  });

  it('reads the on-time rate on fixed steps, red when late and green when on time', () => {
    const steps = measureSteps('onTimeRate', [0.5, 0.99]);
    expect(measureColor(steps, 0.5)).toBe('#cf1322');
    expect(measureColor(steps, 0.85)).toBe(steps[2]!.color);
    expect(measureColor(steps, 1)).toBe('#389e0d');
    expect(stepLabel('onTimeRate', steps[0]!, false)).toBe('< 60%');
    expect(stepLabel('onTimeRate', steps[4]!, true)).toBe('≥ 95%');
  });

  it('paints a unit without a value grey, never as the best step', () => {
    const steps = measureSteps('onTimeRate', [null]);
    expect(measureColor(steps, null)).toBe(NO_DATA_COLOR);
    const perThousand = measureSteps('per1000', [null, 2.4]);
    expect(measureColor(perThousand, null)).toBe(NO_DATA_COLOR);
    expect(stepLabel('per1000', perThousand[0]!, false)).toBe('0.0–0.5');
  });

  it('gives each child its colour and a name that says the value', () => {
    const children = [child(township, { red: 4 }), child(village, { red: 0 })];
    const { steps, styles } = childStyles(children, 'red', (name, value) => `${name} ${value}`);
    expect(styles.get(township.id)).toEqual({ color: steps.at(-1)!.color, label: '东乡镇 4' });
    expect(styles.get(village.id)).toEqual({ color: steps[0]!.color, label: '东街村 0' });
  });
});
