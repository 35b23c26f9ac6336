import { Alert } from 'antd';
import type { AuditVerifyResult as Result } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';

/** What the seal-chain check found: all records intact, or the first one that was altered. */
export function AuditVerifyResult({ result, onClose }: { result: Result; onClose: () => void }) {
  const { t } = useTranslation();
  return result.ok ? (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="audit-verify-result"
      title={t('audit.verify.ok')}
      description={t('audit.verify.okDetail', { checked: result.checked, unsealed: result.unsealed })}
    />
  ) : (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      data-testid="audit-verify-result"
      title={t('audit.verify.broken')}
      description={
        <>
          {result.firstBrokenId !== null && <div>{t('audit.verify.brokenDetail', { id: result.firstBrokenId })}</div>}
          <div>{result.message}</div>
        </>
      }
    />
  );
}
