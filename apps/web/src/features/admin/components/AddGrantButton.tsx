/**
 * Grants a role at a unit to one user. A department handler also names their department. The
 * server's refusals are explained in the dialog in its own words: a second administrator role
 * on one account (三权分立), a role already held there, a grant to oneself.
 */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Modal, Select } from 'antd';
import { UserRoles, type UserAccount, type UserRoleName } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { useCreateGrant } from '../api/create-grant.ts';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';

interface Values {
  role: UserRoleName;
  unitId: number;
  departmentId?: number;
}

interface Failure {
  title: string;
  detail?: string | undefined;
}

export function AddGrantButton({ user }: { user: UserAccount }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const grant = useCreateGrant();

  const close = () => {
    setOpen(false);
    setFailure(null);
  };

  const submit = (values: Values) => {
    setFailure(null);
    grant.mutate(
      {
        userId: user.id,
        role: values.role,
        unitId: values.unitId,
        ...(values.role === 'departmentHandler' && values.departmentId ? { departmentId: values.departmentId } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('admin.grants.granted', { role: t(`auth.roles.${values.role}`) }));
          close();
        },
        onError: (error) => {
          if (isApiError(error) && (error.status === 409 || error.status === 403)) {
            setFailure({
              title: error.status === 409 ? t('admin.grants.refused') : errorMessage(error),
              detail: error.detail,
            });
          } else {
            setFailure({ title: applyFormError(form, error) });
          }
        },
      },
    );
  };

  return (
    <>
      <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('admin.grants.add')}
      </Button>
      <Modal
        open={open}
        title={t('admin.grants.addTitle', { name: user.displayName })}
        okText={t('admin.grants.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={grant.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" preserve={false} onFinish={submit} aria-label={t('admin.grants.add')}>
          <Form.Item name="role" label={t('admin.grants.role')} extra={t('admin.grants.separation')} rules={[{ required: true }]}>
            <Select
              aria-label={t('admin.grants.role')}
              options={UserRoles.map((r) => ({ value: r, label: t(`auth.roles.${r}`) }))}
              virtual={false}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('admin.grants.unit')} rules={[{ required: true }]}>
            <UnitTreePicker aria-label={t('admin.grants.unit')} />
          </Form.Item>
          {role === 'departmentHandler' && (
            <Form.Item
              name="departmentId"
              label={t('admin.grants.department')}
              extra={t('admin.grants.departmentHint')}
              rules={[{ required: true, message: t('admin.grants.departmentRequired') }]}
            >
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
          {failure && (
            <Alert type="error" showIcon title={failure.title} description={failure.detail} data-testid="grant-error" />
          )}
        </Form>
      </Modal>
    </>
  );
}
