/** Table columns a residence and a rental share: the house (linking to its building) and the period. */
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { buildingPath } from '../utils/paths.ts';

interface HouseRow {
  house: { buildingId: number; buildingName: string; number: string };
  fromDate: string;
  toDate: string | null;
}

export function houseColumn<T extends HouseRow>(t: TFunction): TableColumnsType<T>[number] {
  return {
    key: 'house',
    title: t('people.profile.house'),
    render: (_, r) => (
      <Link to={buildingPath({ id: r.house.buildingId, name: r.house.buildingName })}>
        {r.house.buildingName} {r.house.number}
      </Link>
    ),
  };
}

export function periodColumns<T extends HouseRow>(t: TFunction): TableColumnsType<T> {
  return [
    { key: 'from', title: t('people.profile.from'), dataIndex: 'fromDate', width: 110 },
    { key: 'to', title: t('people.profile.to'), width: 110, render: (_, r) => r.toDate ?? t('people.profile.current') },
  ];
}
