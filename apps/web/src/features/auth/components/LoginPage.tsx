/**
 * Username and password. Every refusal reads the same (the server does not say whether the user
 * exists, the password was wrong or the account is locked), and says how locking works.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { ErrorCode, type LoginRequest } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useLogin } from '../api/login.ts';
import { readSignInState } from '../utils/paths.ts';
import { SignInStep } from './SignInStep.tsx';

function LoginForm() {
  const { t } = useTranslation();
  const { expired } = readSignInState(useLocation().state);
  const login = useLogin();

  const failure = login.isError
    ? isApiError(login.error) && login.error.code === ErrorCode.LoginFailed
      ? t('auth.login.failed')
      : errorMessage(login.error)
    : null;

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center', fontWeight: 'normal', marginTop: 0 }}>
        {t('auth.login.title')}
      </Typography.Title>
      {expired && !failure && (
        <Alert type="info" showIcon title={t('auth.login.expired')} style={{ marginBottom: 16 }} data-testid="login-expired" />
      )}
      <Form<LoginRequest>
        layout="vertical"
        size="large"
        requiredMark={false}
        aria-label={t('auth.login.title')}
        onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
      >
        <Form.Item
          name="username"
          label={t('auth.login.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Button type="primary" htmlType="submit" block loading={login.isPending} autoInsertSpace={false}>
          {t('auth.login.submit')}
        </Button>
      </Form>
    </>
  );
}

export function LoginPage() {
  return <SignInStep step="credentials">{() => <LoginForm />}</SignInStep>;
}
