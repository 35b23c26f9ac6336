/**
 * The ten recovery codes, shown once right after TOTP set-up. The user confirms they kept them
 * before moving on; nothing here writes them anywhere (no storage, no download).
 */
import { useState } from 'react';
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function RecoveryCodes({
  codes,
  onContinue,
  continuing = false,
}: {
  codes: string[];
  onContinue: () => void;
  continuing?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kept, setKept] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      void message.success(t('auth.recovery.copied'));
    } catch {
      void message.error(t('auth.recovery.copyFailed'));
    }
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
        {t('auth.recovery.title')}
      </Typography.Title>
      <Alert type="warning" showIcon title={t('auth.recovery.warning')} />
      <ol
        data-testid="recovery-codes"
        aria-label={t('auth.recovery.title')}
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr 1fr',
          gap: '6px 24px',
          margin: 0,
          padding: '12px 12px 12px 36px',
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 4,
          fontFamily: 'monospace',
          fontSize: 15,
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ alignSelf: 'flex-start' }}>
        {t('auth.recovery.copy')}
      </Button>
      <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
        {t('auth.recovery.kept')}
      </Checkbox>
      <Button type="primary" size="large" disabled={!kept} loading={continuing} onClick={onContinue} autoInsertSpace={false}>
        {t('auth.recovery.continue')}
      </Button>
    </Flex>
  );
}
