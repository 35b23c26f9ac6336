/** New account at a unit in the administrator's scope; the dialog then shows its initial password once. */
import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { applyFormError } from '@/shared/api/form-error.ts';
import { useCreateUser, type UserCreated } from '../api/create-user.ts';
import { InitialPassword } from './InitialPassword.tsx';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';

interface Values {
  username: string;
  displayName: string;
  unitId: number;
}

const USERNAME = /^[A-Za-z0-9._-]{3,32}$/;

export function CreateUserButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<UserCreated | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();

  const close = () => {
    setOpen(false);
    setCreated(null);
    setFailure(null);
  };

  const submit = (values: Values) => {
    setFailure(null);
    create.mutate(
      { username: values.username.trim(), displayName: values.displayName.trim(), unitId: values.unitId },
      {
        onSuccess: setCreated,
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            form.setFields([{ name: 'username', errors: [t('admin.create.usernameTaken')] }]);
          } else {
            setFailure(applyFormError(form, error));
          }
        },
      },
    );
  };

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('admin.create.open')}
      </Button>
      <Modal
        open={open}
        title={created ? t('admin.initialPassword.createdTitle', { name: created.user.displayName }) : t('admin.create.title')}
        okText={t('admin.create.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
        // The password is on screen: only the explicit button closes it.
        footer={created ? null : undefined}
        closable={!created}
        keyboard={!created}
        mask={{ closable: !created }}
      >
        {created ? (
          <InitialPassword issued={created} onDone={close} />
        ) : (
          <Form<Values> form={form} layout="vertical" preserve={false} onFinish={submit} aria-label={t('admin.create.title')}>
            <Form.Item
              name="username"
              label={t('admin.create.username')}
              extra={t('admin.create.usernameHint')}
              rules={[
                { required: true, message: t('admin.create.usernameInvalid') },
                { pattern: USERNAME, message: t('admin.create.usernameInvalid') },
              ]}
            >
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('admin.create.displayName')}
              rules={[{ required: true, whitespace: true, max: 100 }]}
            >
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
            <Form.Item
              name="unitId"
              label={t('admin.create.unit')}
              extra={t('admin.create.unitHint')}
              rules={[{ required: true }]}
            >
              <UnitTreePicker />
            </Form.Item>
            {failure && <Alert type="error" showIcon title={failure} data-testid="create-user-error" />}
          </Form>
        )}
      </Modal>
    </>
  );
}
