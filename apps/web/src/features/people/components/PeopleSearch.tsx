/** The 人口 tab: filters, the total, export, 登记人员 and the people table for one unit's subtree. */
import { Alert, Flex } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useCan } from '@/shared/auth/use-can.ts';
import { usePeople } from '../api/get-people.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { usePeopleView } from '../hooks/use-people-view.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PAGE_SIZE, PeopleTable, PeopleTotal } from './PeopleTable.tsx';
import { RegisterPersonButton } from './RegisterPersonButton.tsx';

export function PeopleSearch({ within }: { within: number }) {
  const { t } = useTranslation();
  const view = usePeopleView();
  const people = usePeople({
    within,
    ...view.filter,
    sort: view.sort,
    limit: PAGE_SIZE,
    offset: (view.page - 1) * PAGE_SIZE,
  });
  // Export and registering are granted per unit: offered where one of the user's grants covers the scope.
  const scope = useUnit(within);
  const canExport = useCan(Permission.PeopleExport, scope.data);
  const canRegister = useCan(Permission.PeopleWrite, scope.data);

  return (
    <Flex vertical gap={12}>
      <PeopleFilters value={view.filter} onSearch={view.setFilter} />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ minHeight: 24 }}>
        {people.data ? <PeopleTotal data={people.data} /> : <span />}
        <Flex gap={8} wrap>
          {canExport && <ExportButtons filter={{ within, ...view.filter }} />}
          {canRegister && <RegisterPersonButton unitId={within} />}
        </Flex>
      </Flex>
      {people.isError && (
        <Alert type="error" showIcon title={t('people.table.loadFailed')} description={errorMessage(people.error)} />
      )}
      <PeopleTable
        data={people.data}
        loading={people.isFetching}
        page={view.page}
        sort={view.sort}
        onPage={view.setPage}
        onSort={view.setSort}
      />
    </Flex>
  );
}
