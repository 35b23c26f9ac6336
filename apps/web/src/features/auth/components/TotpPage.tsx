/** The second step of signing in: the six-digit code from the authenticator app, or a recovery code. */
import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useVerifyTotp } from '../api/verify-totp.ts';
import { normalizeTotpCode, TOTP_CODE_PATTERN } from '../utils/totp-form.ts';
import { SignInStep } from './SignInStep.tsx';
import { SignOutLink } from './SignOutLink.tsx';

type Mode = 'code' | 'recovery';

interface Values {
  code?: string;
  recoveryCode?: string;
}

function TotpForm() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('code');
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const verify = useVerifyTotp();

  const submit = (values: Values) => {
    setFailure(null);
    const answer =
      mode === 'code' ? { code: normalizeTotpCode(values.code ?? '') } : { recoveryCode: (values.recoveryCode ?? '').trim() };
    verify.mutate(answer, {
      onError: (error) => {
        // 400 is a wrong code; it counts towards the lock like a wrong password.
        if (isApiError(error) && error.status === 400) {
          form.setFields([
            mode === 'code'
              ? { name: 'code', errors: [t('auth.totp.wrongCode')] }
              : { name: 'recoveryCode', errors: [t('auth.totp.wrongRecovery')] },
          ]);
        } else {
          setFailure(errorMessage(error));
        }
      },
    });
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setFailure(null);
    form.resetFields();
  };

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center', fontWeight: 'normal', marginTop: 0 }}>
        {t('auth.totp.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {mode === 'code' ? t('auth.totp.hint') : t('auth.totp.recoveryHint')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={submit}
        aria-label={t('auth.totp.title')}
      >
        {mode === 'code' ? (
          <Form.Item
            name="code"
            label={t('auth.totp.code')}
            normalize={normalizeTotpCode}
            rules={[
              { required: true, message: t('auth.totp.codeInvalid') },
              { pattern: TOTP_CODE_PATTERN, message: t('auth.totp.codeInvalid') },
            ]}
          >
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              maxLength={7}
              style={{ letterSpacing: 6, fontFamily: 'monospace' }}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="recoveryCode"
            label={t('auth.totp.recoveryCode')}
            rules={[{ required: true, whitespace: true, message: t('auth.totp.recoveryRequired') }]}
          >
            <Input autoComplete="off" autoFocus maxLength={20} placeholder="XXXX-XXXX-XXXX" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="totp-error" />}
        <Button type="primary" htmlType="submit" block loading={verify.isPending} autoInsertSpace={false}>
          {t('auth.totp.submit')}
        </Button>
      </Form>
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button type="link" size="small" onClick={() => switchTo(mode === 'code' ? 'recovery' : 'code')}>
          {mode === 'code' ? t('auth.totp.useRecovery') : t('auth.totp.useCode')}
        </Button>
        <SignOutLink />
      </Flex>
    </>
  );
}

export function TotpPage() {
  return <SignInStep step="totpRequired">{() => <TotpForm />}</SignInStep>;
}
