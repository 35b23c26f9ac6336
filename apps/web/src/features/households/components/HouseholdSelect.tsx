/**
 * Picks one household of a unit's subtree, searched by head of household or address, wherever a
 * form needs one (a report's 关联户, a person's 户). A form control; the choice carries its label
 * (`labelInValue`), so it stays named while the list shows other matches. `onPick` hands over the
 * whole household (its unit, for a form that must agree with it).
 */
import { useState, type CSSProperties, type ReactNode } from 'react';
import { Select } from 'antd';
import type { Household } from '@wangge/contracts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { useHouseholds } from '../api/get-households.ts';

/** A chosen household as antd's `labelInValue` keeps it. */
export interface HouseholdChoice {
  value: number;
  label?: ReactNode;
}

export const householdLabel = (h: Pick<Household, 'headName' | 'address'>) => `${h.headName} · ${h.address}`;

const PAGE = 20;

export interface HouseholdSelectProps {
  /** The unit whose subtree is searched; without it, nothing is offered. */
  within: number | undefined;
  id?: string;
  value?: HouseholdChoice | undefined;
  onChange?: (value: HouseholdChoice | undefined) => void;
  onPick?: (household: Household | undefined) => void;
  placeholder?: string;
  notFound?: string;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function HouseholdSelect({ within, value, onChange, onPick, placeholder, notFound, ...rest }: HouseholdSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const households = useHouseholds({ within: within ?? 0, q: q || undefined, limit: PAGE, offset: 0 }, within !== undefined);
  const items = households.data?.items ?? [];

  return (
    <Select<HouseholdChoice>
      {...rest}
      labelInValue
      allowClear
      value={value}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      disabled={within === undefined}
      placeholder={placeholder}
      loading={households.isFetching}
      notFoundContent={households.isFetching ? undefined : notFound}
      options={items.map((h) => ({ value: h.id, label: householdLabel(h) }))}
      onChange={(next) => {
        setSearch('');
        onChange?.(next);
        onPick?.(next ? items.find((h) => h.id === next.value) : undefined);
      }}
    />
  );
}
