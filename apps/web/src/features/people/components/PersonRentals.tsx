/** 出租与承租: the rentals the person is in, as landlord or tenant, each party linking to their profile. */
import { Flex, Table, Tag } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personPath } from '../utils/paths.ts';
import { houseColumn, periodColumns } from './house-columns.tsx';

type Rental = PersonProfile['rentals'][number];

export function PersonRentals({ rentals, personId }: { rentals: Rental[]; personId: number }) {
  const { t } = useTranslation();
  const party = (p: { id: number; name: string }) =>
    p.id === personId ? (
      <span key={p.id}>{p.name}</span>
    ) : (
      <Link key={p.id} to={personPath(p.id)}>
        {p.name}
      </Link>
    );
  return (
    <div data-testid="person-rentals">
      <Table<Rental>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rentals}
        locale={{ emptyText: t('people.profile.rentalsNone') }}
        columns={[
          {
            key: 'role',
            title: t('people.profile.rentalRole'),
            width: 80,
            render: (_, r) => <Tag>{t(`people.rentalRole.${r.role}`)}</Tag>,
          },
          houseColumn<Rental>(t),
          { key: 'landlord', title: t('people.profile.landlord'), width: 100, render: (_, r) => party(r.landlord) },
          {
            key: 'tenants',
            title: t('people.profile.tenants'),
            render: (_, r) => (
              <Flex gap={8} wrap>
                {r.tenants.map(party)}
              </Flex>
            ),
          },
          ...periodColumns<Rental>(t),
        ]}
      />
    </div>
  );
}
