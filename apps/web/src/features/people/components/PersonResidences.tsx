/** Where the person has lived: house, address, as what (owner, tenant …) and from when to when. */
import { Table } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { houseColumn, periodColumns } from './house-columns.tsx';

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
          houseColumn<Residence>(t),
          { key: 'address', title: t('people.profile.houseAddress'), render: (_, r) => r.house.address },
          { key: 'kind', title: t('people.profile.kind'), width: 90, render: (_, r) => t(`people.residenceKind.${r.kind}`) },
          ...periodColumns<Residence>(t),
        ]}
      />
    </div>
  );
}
