import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserMenu } from '@/features/auth/components/UserMenu.tsx';
import { HealthIndicator } from '@/features/system/components/HealthIndicator.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Layout.Header style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', position: 'sticky', top: 0, zIndex: 10 }}>
      <Flex align="center" justify="space-between" style={{ height: '100%' }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 18, color: '#1f5fa8' }}>
          {t('app.name')}
        </Typography.Title>
        <Flex align="center" gap="large">
          <HealthIndicator />
          <LanguageSwitcher />
          <UserMenu />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
