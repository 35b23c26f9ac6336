/**
 * The 楼栋 tab: buildings in the unit's subtree; a building's name opens its houses and residents.
 * The open building is `?building=` in the URL, so coming back from a resident's profile
 * reopens it.
 */
import { useState } from 'react';
import { Alert, Flex, Input, Table } from 'antd';
import type { Building } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useBuildings } from '../api/get-buildings.ts';
import { BuildingHouses } from './BuildingHouses.tsx';

const PAGE_SIZE = 50;

export function BuildingList({ within }: { within: number }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const q = useDebouncedValue(search.trim());
  const [page, setPage] = useState(1);
  const buildings = useBuildings({ within, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const openParam = params.get('building');
  const openId = openParam !== null && /^\d+$/.test(openParam) ? Number(openParam) : undefined;
  const openName = buildings.data?.items.find((b) => b.id === openId)?.name;
  const withBuilding = (id: number | undefined) => {
    const next = new URLSearchParams(params);
    if (id === undefined) next.delete('building');
    else next.set('building', String(id));
    return `?${next.toString()}`;
  };

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
        placeholder={t('places.buildings.searchPlaceholder')}
        aria-label={t('places.buildings.search')}
        maxLength={50}
      />
      {buildings.isError && (
        <Alert type="error" showIcon title={t('places.buildings.loadFailed')} description={errorMessage(buildings.error)} />
      )}
      <div data-testid="building-table">
        <Table<Building>
          size="small"
          rowKey="id"
          loading={buildings.isFetching}
          dataSource={buildings.data?.items ?? []}
          locale={{ emptyText: t('places.buildings.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: buildings.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            size: 'small',
            showTotal: (total) => t('common.total', { n: total }),
          }}
          columns={[
            {
              key: 'name',
              title: t('places.buildings.fields.name'),
              render: (_, b) => (
                <Link to={withBuilding(b.id)} aria-label={t('places.buildings.open', { name: b.name })}>
                  {b.name}
                </Link>
              ),
            },
            { key: 'address', title: t('places.buildings.fields.address'), dataIndex: 'address', ellipsis: true },
            {
              key: 'use',
              title: t('places.buildings.fields.use'),
              width: 70,
              render: (_, b) => t(`places.buildingUse.${b.use}`),
            },
            {
              key: 'floors',
              title: t('places.buildings.fields.floors'),
              width: 60,
              align: 'right',
              render: (_, b) => b.floors ?? t('places.none'),
            },
            { key: 'houses', title: t('places.buildings.fields.houses'), dataIndex: 'houses', width: 80, align: 'right' },
            {
              key: 'residents',
              title: t('places.buildings.fields.residents'),
              dataIndex: 'residents',
              width: 90,
              align: 'right',
            },
            {
              key: 'unit',
              title: t('places.buildings.fields.unit'),
              width: 180,
              render: (_, b) => (
                <Flex gap={6} align="center">
                  <UnitLink id={b.unit.id}>{b.unit.name}</UnitLink>
                  <UnitKindTag kind={b.unit.kind} />
                </Flex>
              ),
            },
          ]}
        />
      </div>
      <BuildingHouses
        buildingId={openId}
        name={openName}
        onClose={() => setParams(new URLSearchParams(withBuilding(undefined).slice(1)), { replace: true })}
      />
    </Flex>
  );
}
