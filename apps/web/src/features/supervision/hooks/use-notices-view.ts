/** The notices list in the URL: period (see statistics' use-period), level and page. */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { SupervisionLevels, type SupervisionLevel } from '@wangge/contracts';
import { usePeriod } from '@/features/statistics/hooks/use-period.ts';

const NOTICE_PRESETS = ['thisWeek', 'thisMonth', 'lastMonth', 'thisYear', 'custom'] as const;
export const NOTICE_PAGE_SIZE = 20;

export function useNoticesView() {
  const [params, setParams] = useSearchParams();
  const period = usePeriod(NOTICE_PRESETS, 'thisMonth');
  const rawLevel = params.get('level');
  const level = SupervisionLevels.includes(rawLevel as SupervisionLevel) ? (rawLevel as SupervisionLevel) : undefined;
  const rawPage = params.get('page');
  const page = rawPage !== null && /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;

  const set = useCallback(
    (changes: Record<string, string | undefined>) =>
      setParams(
        (current) => {
          const p = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) p.delete(key);
            else p.set(key, value);
          }
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    ...period,
    presets: NOTICE_PRESETS,
    level,
    page,
    setLevel: (next: SupervisionLevel | undefined) => set({ level: next, page: undefined }),
    setPage: (next: number) => set({ page: next === 1 ? undefined : String(next) }),
  };
}
