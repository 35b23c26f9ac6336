import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../api/get-system-info.ts';

/** Version and database kind, for the footer: the first thing support asks for. */
export function SystemInfo() {
  const { t } = useTranslation();
  const { data, isError } = useSystemInfo();
  if (isError) return <Typography.Text type="secondary">{t('system.info.unavailable')}</Typography.Text>;
  if (!data) return null;
  return (
    <Space size="middle" data-testid="system-info">
      <Typography.Text type="secondary">{t('system.info.version', { version: data.version })}</Typography.Text>
      <Typography.Text type="secondary">{t(`system.info.database.${data.database}`)}</Typography.Text>
    </Space>
  );
}
