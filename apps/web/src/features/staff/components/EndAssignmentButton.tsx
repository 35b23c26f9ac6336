/** Ends an assignment on a date, with a reason; the assignment stays in the person's history. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Modal } from 'antd';
import type { Assignment } from '@wangge/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEndAssignment } from '../api/end-assignment.ts';

export function EndAssignmentButton({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ endsOn: Dayjs; reason?: string }>();
  const end = useEndAssignment();
  const role = t(`staff.roles.${assignment.role}`);
  return (
    <>
      <Button
        size="small"
        type="link"
        danger
        onClick={() => setOpen(true)}
        aria-label={t('staff.end.openFor', { name: assignment.staff.name, role })}
      >
        {t('staff.end.open')}
      </Button>
      <Modal
        open={open}
        title={t('staff.end.title', { name: assignment.staff.name, role, unit: assignment.unit.name })}
        okText={t('staff.end.submit')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={end.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ endsOn: dayjs() }}
          onFinish={(values) =>
            end.mutate(
              {
                id: assignment.id,
                endsOn: values.endsOn.format('YYYY-MM-DD'),
                ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
              },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          <Form.Item name="endsOn" label={t('staff.fields.endsOn')} rules={[{ required: true }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs(assignment.startsOn), 'day')} />
          </Form.Item>
          <Form.Item name="reason" label={t('staff.fields.endReason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea rows={3} placeholder={t('staff.end.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
