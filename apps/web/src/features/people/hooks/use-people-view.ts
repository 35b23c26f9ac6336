/**
 * The 人口 list's filters, sort and page, kept in the URL: a search can be linked, and coming
 * back from a profile shows the same list. Values that do not parse are ignored, not errors.
 */
import { useCallback, useMemo } from 'react';
import { PersonFlags, ResidenceTypes, type PersonFlag, type ResidenceType } from '@wangge/contracts';
import { useSearchParams } from 'react-router';
import type { PeopleFilter, PersonSort } from '../api/get-people.ts';

export type PeopleFilterValues = Omit<PeopleFilter, 'within'>;

const SORTS: readonly PersonSort[] = ['name', 'birthDate', '-birthDate', 'updatedAt', '-updatedAt'];
const TEXT_KEYS = ['q', 'idNumber', 'phone', 'address'] as const;
const FILTER_KEYS = [...TEXT_KEYS, 'residenceType', 'ageMin', 'ageMax', 'flag'] as const;

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.includes(value as T) ? (value as T) : undefined;

const age = (value: string | null): number | undefined =>
  value !== null && /^\d{1,3}$/.test(value) && Number(value) <= 150 ? Number(value) : undefined;

export function usePeopleView() {
  const [params, setParams] = useSearchParams();

  const filter = useMemo<PeopleFilterValues>(() => {
    const values: PeopleFilterValues = {
      residenceType: oneOf<ResidenceType>(ResidenceTypes, params.get('residenceType')),
      flag: oneOf<PersonFlag>(PersonFlags, params.get('flag')),
      ageMin: age(params.get('ageMin')),
      ageMax: age(params.get('ageMax')),
    };
    for (const key of TEXT_KEYS) values[key] = params.get(key)?.trim() || undefined;
    return values;
  }, [params]);
  const sort = oneOf(SORTS, params.get('sort'));
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  const setFilter = useCallback(
    (values: PeopleFilterValues) =>
      update((next) => {
        for (const key of FILTER_KEYS) {
          const value = values[key];
          if (value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        next.delete('page');
      }),
    [update],
  );
  const setSort = useCallback(
    (value: PersonSort | undefined) =>
      update((next) => {
        if (value) next.set('sort', value);
        else next.delete('sort');
        next.delete('page');
      }),
    [update],
  );
  const setPage = useCallback(
    (value: number) =>
      update((next) => {
        if (value > 1) next.set('page', String(value));
        else next.delete('page');
      }),
    [update],
  );

  return { filter, sort, page, setFilter, setSort, setPage };
}
