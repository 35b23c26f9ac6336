/**
 * Setting up TOTP: scan the QR code (or type the secret), then prove it works with a code. Used
 * at sign-in when a role requires it, and from the account page when it is optional. The parent
 * shows the recovery codes that the confirmation returns.
 */
import { Alert, Button, Flex, Form, Input, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { isApiError } from '@/shared/api/api-error.ts';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useConfirmTotp } from '../api/confirm-totp.ts';
import { useTotpEnrollment } from '../api/enroll-totp.ts';
import { normalizeTotpCode, TOTP_CODE_PATTERN } from '../utils/totp-form.ts';

export function TotpEnrollment({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const enrollment = useTotpEnrollment();
  const confirm = useConfirmTotp();
  const [form] = Form.useForm<{ code: string }>();
  const [failure, setFailure] = useState<string | null>(null);

  if (enrollment.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin description={t('app.loading')} />
      </Flex>
    );
  }
  if (enrollment.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorMessage(enrollment.error)}
        action={
          <Button size="small" onClick={() => void enrollment.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const { secret, qrDataUrl } = enrollment.data;

  const submit = ({ code }: { code: string }) => {
    setFailure(null);
    confirm.mutate(normalizeTotpCode(code), {
      onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes),
      onError: (error) => {
        if (isApiError(error) && error.status === 400) form.setFields([{ name: 'code', errors: [t('auth.enroll.wrongCode')] }]);
        else setFailure(errorMessage(error));
      },
    });
  };

  return (
    <Flex vertical gap="small">
      <Typography.Text strong>{t('auth.enroll.step1')}</Typography.Text>
      <Flex justify="center">
        <img
          src={qrDataUrl}
          alt={t('auth.enroll.qrAlt')}
          width={200}
          height={200}
          data-testid="totp-qr"
          style={{ border: '1px solid #f0f0f0' }}
        />
      </Flex>
      <Typography.Text type="secondary">{t('auth.enroll.manual')}</Typography.Text>
      <Typography.Text copyable={{ text: secret }} style={{ fontFamily: 'monospace', fontSize: 15, wordBreak: 'break-all' }}>
        <span data-testid="totp-secret">{secret}</span>
      </Typography.Text>
      <Typography.Text strong style={{ marginTop: 12 }}>
        {t('auth.enroll.step2')}
      </Typography.Text>
      <Form<{ code: string }>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={submit}
        aria-label={t('auth.enroll.title')}
      >
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
            maxLength={7}
            style={{ letterSpacing: 6, fontFamily: 'monospace' }}
          />
        </Form.Item>
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
          {t('auth.enroll.submit')}
        </Button>
      </Form>
    </Flex>
  );
}
