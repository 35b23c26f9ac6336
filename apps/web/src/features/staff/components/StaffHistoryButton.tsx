/** A person's service record: every role they held and where, ended ones too. */
import { useState } from 'react';
import { Alert, Button, Modal, Spin, Table, Tag } from 'antd';
import type { Assignment } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { UnitLink } from '@/shared/ui/UnitLink.tsx';
import { useStaffAssignments } from '../api/get-staff-assignments.ts';
import { RoleName } from './RoleName.tsx';

function StaffHistoryTable({ staffId }: { staffId: number }) {
  const { t } = useTranslation();
  const history = useStaffAssignments(staffId);
  if (history.isPending) return <Spin description={t('app.loading')} />;
  if (history.isError) return <Alert type="error" showIcon title={t('staff.history.loadFailed')} />;
  return (
    <Table<Assignment>
      size="small"
      rowKey="id"
      dataSource={history.data}
      pagination={false}
      columns={[
        { key: 'role', title: t('staff.fields.role'), render: (_, a) => <RoleName assignment={a} /> },
        {
          key: 'unit',
          title: t('staff.fields.unit'),
          render: (_, a) => (
            <>
              <UnitLink id={a.unit.id}>{a.unit.name}</UnitLink> <UnitKindTag kind={a.unit.kind} />
            </>
          ),
        },
        { key: 'startsOn', title: t('staff.fields.startsOn'), dataIndex: 'startsOn', width: 110 },
        { key: 'endsOn', title: t('staff.fields.endsOn'), width: 110, render: (_, a) => a.endsOn ?? '—' },
        {
          key: 'active',
          title: t('staff.fields.status'),
          width: 80,
          render: (_, a) =>
            a.active ? <Tag color="success">{t('staff.status.active')}</Tag> : <Tag>{t('staff.status.ended')}</Tag>,
        },
      ]}
    />
  );
}

export function StaffHistoryButton({ staff }: { staff: Assignment['staff'] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)} title={t('staff.history.open')}>
        {staff.name}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t('staff.history.title', { name: staff.name })}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <StaffHistoryTable staffId={staff.id} />
      </Modal>
    </>
  );
}
