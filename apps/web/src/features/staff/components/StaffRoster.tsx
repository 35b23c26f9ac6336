/**
 * The 人员 tab: who holds which role anywhere in the unit's subtree, filtered by role and by
 * current or all (ended too), with assigning, ending and each person's history.
 */
import { useState } from 'react';
import { Alert, Flex, Input, Segmented, Select, Table, Tag } from 'antd';
import { StaffRoles, type Assignment, type StaffRole, type Unit } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useRoster } from '../api/get-roster.ts';
import { AssignStaffButton } from './AssignStaffButton.tsx';
import { EndAssignmentButton } from './EndAssignmentButton.tsx';
import { RoleName } from './RoleName.tsx';
import { StaffHistoryButton } from './StaffHistoryButton.tsx';

const PAGE_SIZE = 50;
type Scope = 'active' | 'all';

/** `canEdit`: the user may assign and end assignments here (staff.write in scope). */
export function StaffRoster({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<StaffRole | undefined>();
  const [scope, setScope] = useState<Scope>('active');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const roster = useRoster({
    within: unit.id,
    role,
    active: scope === 'active',
    q: q || undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Flex gap={8} wrap align="center">
          <Select<StaffRole>
            allowClear
            style={{ width: 180 }}
            value={role}
            onChange={(value) => {
              setRole(value);
              setPage(1);
            }}
            placeholder={t('staff.roster.allRoles')}
            aria-label={t('staff.roster.roleFilter')}
            options={StaffRoles.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
          />
          <Segmented<Scope>
            value={scope}
            onChange={(value) => {
              setScope(value);
              setPage(1);
            }}
            aria-label={t('staff.roster.scope')}
            options={[
              { value: 'active', label: t('staff.roster.active') },
              { value: 'all', label: t('staff.roster.all') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            placeholder={t('staff.roster.searchPlaceholder')}
            aria-label={t('staff.roster.search')}
            maxLength={50}
          />
        </Flex>
        {canEdit && <AssignStaffButton unit={unit} />}
      </Flex>
      {roster.isError && <Alert type="error" showIcon title={t('staff.roster.loadFailed')} />}
      <div data-testid="staff-roster">
        <Table<Assignment>
          size="small"
          rowKey="id"
          loading={roster.isFetching}
          dataSource={roster.data?.items ?? []}
          locale={{ emptyText: t('staff.roster.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: roster.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
            showTotal: (total) => t('common.total', { n: total }),
          }}
          columns={[
            { key: 'name', title: t('staff.fields.name'), width: 110, render: (_, a) => <StaffHistoryButton staff={a.staff} /> },
            { key: 'phone', title: t('staff.fields.phone'), width: 120, render: (_, a) => a.staff.phone },
            { key: 'role', title: t('staff.fields.role'), render: (_, a) => <RoleName assignment={a} /> },
            {
              key: 'unit',
              title: t('staff.fields.unit'),
              render: (_, a) => (
                <Flex gap={6} align="center">
                  <UnitLink id={a.unit.id}>{a.unit.name}</UnitLink>
                  <UnitKindTag kind={a.unit.kind} />
                </Flex>
              ),
            },
            { key: 'startsOn', title: t('staff.fields.startsOn'), width: 110, dataIndex: 'startsOn' },
            { key: 'endsOn', title: t('staff.fields.endsOn'), width: 110, render: (_, a) => a.endsOn ?? '—' },
            {
              key: 'status',
              title: t('staff.fields.status'),
              width: 80,
              render: (_, a) =>
                a.active ? <Tag color="success">{t('staff.status.active')}</Tag> : <Tag>{t('staff.status.ended')}</Tag>,
            },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 90,
                    render: (_: unknown, a: Assignment) => (a.endsOn === null ? <EndAssignmentButton assignment={a} /> : null),
                  },
                ]
              : []),
          ]}
        />
      </div>
    </Flex>
  );
}
