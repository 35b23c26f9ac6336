/** Where the person has lived: house, address, as what (owner, tenant …) and from when to when. */
import { Table } from 'antd';
import type { PersonProfile } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { houseColumn, periodColumns } from './house-columns.tsx';
import { MoveOutButton } from './MoveOutButton.tsx';

type Residence = PersonProfile['residences'][number];

/** `canEdit`: the user may change this person's residences (a current one gets 迁出). */
export function PersonResidences({
  residences,
  personId,
  canEdit,
}: {
  residences: Residence[];
  personId: number;
  canEdit: boolean;
}) {
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
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  width: 70,
                  render: (_: unknown, r: Residence) =>
                    r.toDate === null && <MoveOutButton personId={personId} residenceId={r.id} fromDate={r.fromDate} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
