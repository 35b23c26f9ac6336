import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';

/** The server could not say who is signed in (unreachable, failing): neither the app nor the login form applies. */
export function SessionCheckFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('auth.sessionCheckFailed')}
      subTitle={errorMessage(error)}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
