/**
 * Changing one's password: the policy is shown before typing, and the server's verdict (it alone
 * applies the policy, including the list of common passwords) appears beside the field it concerns.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/change-password.ts';
import { applyPasswordErrors } from '../utils/password-errors.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const POLICY = ['length', 'classes', 'common', 'username', 'different'] as const;

export function PasswordChangeForm({ onChanged, size }: { onChanged: () => void; size?: 'large' | 'middle' }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const change = useChangePassword();

  const submit = ({ currentPassword, newPassword }: Values) => {
    setFailure(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onChanged();
        },
        onError: (error) => setFailure(applyPasswordErrors(form, error)),
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size={size}
      requiredMark={false}
      onFinish={submit}
      aria-label={t('auth.password.title')}
      style={{ maxWidth: 460 }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 16 }}
        title={t('auth.password.policyTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="password-policy">
            {POLICY.map((rule) => (
              <li key={rule}>{t(`auth.password.policy.${rule}`)}</li>
            ))}
          </ul>
        }
      />
      <Form.Item
        name="currentPassword"
        label={t('auth.password.current')}
        rules={[{ required: true, message: t('auth.password.required') }]}
      >
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        rules={[{ required: true, message: t('auth.password.required') }]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.password.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Button type="primary" htmlType="submit" loading={change.isPending} block={size === 'large'}>
        {t('auth.password.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('auth.password.othersEnd')}
      </Typography.Paragraph>
    </Form>
  );
}
