/** One building's houses in a side drawer: number, area, use and who lives there (linking to profiles). */
import { Alert, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { House } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useHouses } from '../api/get-houses.ts';
import { personPath } from '../utils/paths.ts';

type ResidentKind = 'owner' | 'family' | 'tenant' | 'other';
const residentKinds: readonly string[] = ['owner', 'family', 'tenant', 'other'] satisfies ResidentKind[];

function Residents({ house }: { house: House }) {
  const { t } = useTranslation();
  if (house.residents.length === 0) return <Typography.Text type="secondary">{t('places.houses.noResidents')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {house.residents.map((r) => (
        <Flex key={r.personId} gap={6} align="center" wrap>
          <Link to={personPath(r.personId)}>{r.name}</Link>
          {residentKinds.includes(r.kind) && (
            <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
              {t(`places.residentKind.${r.kind as ResidentKind}`)}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('places.houses.since', { date: r.fromDate })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export interface BuildingHousesProps {
  /** The open building; undefined closes the drawer. */
  buildingId: number | undefined;
  /** Its name when known (it may be on another page of the list). */
  name: string | undefined;
  onClose: () => void;
}

export function BuildingHouses({ buildingId, name, onClose }: BuildingHousesProps) {
  const { t } = useTranslation();
  const houses = useHouses(buildingId);

  return (
    <Drawer
      open={buildingId !== undefined}
      onClose={onClose}
      size={760}
      title={name ? t('places.houses.title', { name }) : t('places.buildings.fields.name')}
      closable={{ 'aria-label': t('places.houses.close') }}
    >
      {houses.isError ? (
        <Alert type="error" showIcon title={t('places.houses.loadFailed')} description={errorMessage(houses.error)} />
      ) : (
        <div data-testid="building-houses">
          <Table<House>
            size="small"
            rowKey="id"
            loading={houses.isFetching}
            dataSource={houses.data ?? []}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.houses.empty')} /> }}
            columns={[
              { key: 'number', title: t('places.houses.fields.number'), dataIndex: 'number', width: 90 },
              {
                key: 'area',
                title: t('places.houses.fields.area'),
                width: 90,
                align: 'right',
                render: (_, h) => h.areaM2 ?? t('places.none'),
              },
              { key: 'use', title: t('places.houses.fields.use'), width: 80, render: (_, h) => t(`places.houseUse.${h.use}`) },
              { key: 'residents', title: t('places.houses.fields.residents'), render: (_, h) => <Residents house={h} /> },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
