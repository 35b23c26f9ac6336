/**
 * 涉及户和人员: the household a report concerns and the people involved, picked from the base data
 * (人口与房屋) instead of retyped. Households come from the report's unit; choosing one offers its
 * members first, and typing a name searches everyone the user may see there. The selections carry
 * their labels (`labelInValue`), so a chosen person stays named while the list shows other matches.
 * Form controls: `household` and `people`; `involvedIds` turns them into the report's ids.
 */
import { useState, type ReactNode } from 'react';
import { Form, Select } from 'antd';
import type { Person } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { HouseholdSelect } from '@/features/households/components/HouseholdSelect.tsx';
import { usePeople } from '@/features/people/api/get-people.ts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';

/** A chosen option as antd's `labelInValue` keeps it. */
export interface Chosen {
  value: number;
  label?: ReactNode;
}

export interface InvolvedValues {
  household?: Chosen | undefined;
  people?: Chosen[] | undefined;
}

const PAGE = 20;

/** The report's `householdId` and `personIds` from the form's selections. */
export function involvedIds(values: InvolvedValues): { householdId?: number; personIds?: number[] } {
  const people = values.people?.map((p) => p.value) ?? [];
  return {
    ...(values.household ? { householdId: values.household.value } : {}),
    ...(people.length > 0 ? { personIds: people } : {}),
  };
}

function usePersonLabel() {
  const { t } = useTranslation();
  // Two 王芳 in one village are told apart by age and the last digits of the masked ID number.
  return (p: Person) =>
    [p.name, p.relationToHead, t('tickets.involved.age', { age: p.age }), p.idNumber.slice(-4)].filter(Boolean).join(' · ');
}

/** `within`: the unit the report is in (its subtree is searched); without it, no household list. */
export function InvolvedFields({ within }: { within: number | undefined }) {
  const { t } = useTranslation();
  const personLabel = usePersonLabel();
  const household = Form.useWatch<Chosen | undefined>('household');
  const [peopleSearch, setPeopleSearch] = useState('');
  const peopleQ = useDebouncedValue(peopleSearch.trim());

  // Typed: matching names in the unit (of the household, when one is chosen). Not typed: the household's members.
  const peopleEnabled = peopleQ.length > 0 || household !== undefined;
  const people = usePeople(
    {
      ...(within !== undefined ? { within } : {}),
      ...(household ? { householdId: household.value } : {}),
      ...(peopleQ ? { q: peopleQ } : {}),
      limit: PAGE,
      offset: 0,
    },
    peopleEnabled,
  );

  return (
    <>
      <Form.Item name="household" label={t('tickets.fields.household')} extra={t('tickets.involved.householdHint')}>
        <HouseholdSelect
          within={within}
          aria-label={t('tickets.fields.household')}
          placeholder={within === undefined ? t('tickets.involved.unitFirst') : t('tickets.involved.householdPlaceholder')}
          notFound={t('tickets.involved.noHousehold')}
          style={{ width: '100%', maxWidth: 560 }}
          data-testid="involved-household"
        />
      </Form.Item>
      <Form.Item name="people" label={t('tickets.fields.people')} extra={t('tickets.involved.peopleHint')}>
        <Select<Chosen[]>
          aria-label={t('tickets.fields.people')}
          mode="multiple"
          labelInValue
          allowClear
          maxCount={50}
          showSearch={{ filterOption: false, onSearch: setPeopleSearch }}
          placeholder={t('tickets.involved.peoplePlaceholder')}
          loading={people.isFetching}
          notFoundContent={
            people.isFetching ? undefined : peopleEnabled ? t('tickets.involved.noPerson') : t('tickets.involved.typeName')
          }
          options={peopleEnabled ? (people.data?.items ?? []).map((p) => ({ value: p.id, label: personLabel(p) })) : []}
          onChange={() => setPeopleSearch('')}
          style={{ width: '100%', maxWidth: 560 }}
          data-testid="involved-people"
        />
      </Form.Item>
    </>
  );
}
