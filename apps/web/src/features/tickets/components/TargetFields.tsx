/**
 * Where a ticket goes: assign (交办) to a unit below the holder or a department, transfer (转办)
 * to any unit or department in the user's scope, escalate (上报) one level up or, where the
 * category or urgency allows, to a level further up.
 */
import { Form, Radio, Select, Typography } from 'antd';
import type { Ticket } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../api/get-categories.ts';
import { useUnit } from '@/features/units/api/get-unit.ts';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';

const HOLDING_KINDS = ['county', 'township', 'village'];

export function HandOverFields({ ticket, below }: { ticket: Ticket; below: boolean }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('targetKind') as 'unit' | 'department' | undefined;
  const departments = useDepartments(kind === 'department');
  return (
    <>
      <Form.Item name="targetKind" label={t('tickets.operation.targetKind')} initialValue="unit">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'unit', label: below ? t('tickets.operation.targetUnit') : t('tickets.operation.targetAnyUnit') },
            { value: 'department', label: t('tickets.operation.targetDepartment') },
          ]}
        />
      </Form.Item>
      {kind === 'department' ? (
        <Form.Item name="toDepartmentId" label={t('tickets.operation.targetDepartment')} rules={[{ required: true }]}>
          <Select
            aria-label={t('tickets.operation.targetDepartment')}
            placeholder={t('tickets.operation.pickDepartment')}
            loading={departments.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(departments.data ?? [])
              .filter((d) => d.id !== ticket.holder.department?.id)
              .map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item name="toUnitId" label={t('tickets.operation.pickUnit')} rules={[{ required: true }]}>
          <UnitTreePicker
            aria-label={t('tickets.operation.pickUnit')}
            style={{ width: '100%' }}
            {...(below && ticket.holder.unit ? { rootId: ticket.holder.unit.id } : {})}
          />
        </Form.Item>
      )}
    </>
  );
}

export function EscalateFields({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const holder = useUnit(ticket.holder.unit?.id);
  const above = (holder.data?.ancestors ?? []).filter((u) => HOLDING_KINDS.includes(u.kind));
  const parent = above.at(-1);
  const further = above.slice(0, -1).reverse();
  return (
    <>
      <Form.Item name="toUnitId" label={t('tickets.operation.escalateTo')}>
        <Select
          aria-label={t('tickets.operation.escalateTo')}
          allowClear
          loading={holder.isPending}
          placeholder={parent ? t('tickets.operation.escalateDefault', { name: parent.name }) : undefined}
          options={further.map((u) => ({ value: u.id, label: `${u.name}（${t(`units.kind.${u.kind}`)}）` }))}
        />
      </Form.Item>
      {further.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
          {t('tickets.operation.escalateHint')}
        </Typography.Paragraph>
      )}
    </>
  );
}
