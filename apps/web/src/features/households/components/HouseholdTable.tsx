/** The 户 tab: households anywhere in the unit's subtree, searchable by head of household or address. */
import { useState } from 'react';
import { Alert, Flex, Input, Table } from 'antd';
import type { Household } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useHouseholds } from '../api/get-households.ts';

const PAGE_SIZE = 50;

export function HouseholdTable({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const households = useHouseholds({ within: unitId, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  return (
    <Flex vertical gap={12}>
      <Input.Search
        allowClear
        style={{ width: 280 }}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(1);
        }}
        placeholder={t('households.searchPlaceholder')}
        aria-label={t('households.search')}
        maxLength={50}
      />
      {households.isError && <Alert type="error" showIcon title={t('households.loadFailed')} />}
      <div data-testid="household-table">
        <Table<Household>
          size="small"
          rowKey="id"
          loading={households.isFetching}
          dataSource={households.data?.items ?? []}
          locale={{ emptyText: t('households.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: households.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
            showTotal: (total) => t('common.total', { n: total }),
          }}
          columns={[
            { key: 'headName', title: t('households.fields.headName'), dataIndex: 'headName', width: 120 },
            { key: 'address', title: t('households.fields.address'), dataIndex: 'address' },
            {
              key: 'memberCount',
              title: t('households.fields.memberCount'),
              dataIndex: 'memberCount',
              width: 90,
              align: 'right',
            },
            {
              key: 'unit',
              title: t('households.fields.unit'),
              render: (_, h) => (
                <Flex gap={6} align="center">
                  <UnitLink id={h.unit.id}>{h.unit.name}</UnitLink>
                  <UnitKindTag kind={h.unit.kind} />
                </Flex>
              ),
            },
            {
              key: 'updatedAt',
              title: t('households.fields.updatedAt'),
              width: 140,
              render: (_, h) => dayjs(h.updatedAt).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </div>
    </Flex>
  );
}
