/**
 * The period a screen shows, kept in the URL (`?period=` a preset, `from`/`to` for a custom
 * range) so a view can be linked and survives going to a ticket and back. Presets are resolved
 * against today in China, so "this month" is the same month for every official.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { chinaToday, isDate, presetPeriod, type Period, type PeriodPreset } from '../utils/period.ts';

export interface PeriodState {
  preset: PeriodPreset;
  period: Period;
  setPreset: (preset: PeriodPreset) => void;
  setRange: (range: Period) => void;
}

export function usePeriod(presets: readonly PeriodPreset[], fallback: Exclude<PeriodPreset, 'custom'>): PeriodState {
  const [params, setParams] = useSearchParams();
  const requested = params.get('period') as PeriodPreset | null;
  const from = params.get('from');
  const to = params.get('to');
  const customValid = isDate(from) && isDate(to) && from <= to;
  const preset: PeriodPreset =
    requested !== null && presets.includes(requested) && (requested !== 'custom' || customValid) ? requested : fallback;
  const today = chinaToday();
  const period = preset === 'custom' && customValid ? { from, to } : presetPeriod(preset === 'custom' ? fallback : preset, today);

  const update = useCallback(
    (next: PeriodPreset, range?: Period) =>
      // Another period is another list: its filters stay, its page goes.
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          if (next === fallback) p.delete('period');
          else p.set('period', next);
          if (next === 'custom' && range) {
            p.set('from', range.from);
            p.set('to', range.to);
          } else {
            p.delete('from');
            p.delete('to');
          }
          p.delete('page');
          return p;
        },
        { replace: true },
      ),
    [setParams, fallback],
  );

  const setPreset = useCallback((next: PeriodPreset) => update(next, next === 'custom' ? period : undefined), [update, period]);
  const setRange = useCallback((range: Period) => update('custom', range), [update]);

  return { preset, period, setPreset, setRange };
}
