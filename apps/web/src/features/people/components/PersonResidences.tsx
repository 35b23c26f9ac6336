/** Where the person has lived: house, address, as what (owner, tenant …) and from when to when. */
import { Table } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildingPath } from '../utils/paths.ts';

type Residence = PersonProfile['residences'][number];

export function PersonResidences({ residences }: { residences: Residence[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="person-residences">
      <Table<Residence>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={residences}
        locale={{ emptyText: t('people.profile.residencesNone') }}
        columns={[
          {
            key: 'house',
            title: t('people.profile.house'),
            render: (_, r) => (
              <Link to={buildingPath({ id: r.house.buildingId, name: r.house.buildingName })}>
                {r.house.buildingName} {r.house.number}
              </Link>
            ),
          },
          { key: 'address', title: t('people.profile.houseAddress'), render: (_, r) => r.house.address },
          { key: 'kind', title: t('people.profile.kind'), width: 90, render: (_, r) => t(`people.residenceKind.${r.kind}`) },
          { key: 'from', title: t('people.profile.from'), dataIndex: 'fromDate', width: 110 },
          { key: 'to', title: t('people.profile.to'), width: 110, render: (_, r) => r.toDate ?? t('people.profile.current') },
        ]}
      />
    </div>
  );
}
