/** The page around the sign-in steps: the product's name and one centred card, nothing to navigate. */
import { useEffect, type ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';

export function SignInLayout({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('auth.login.title') });
  }, [t]);

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#eef3f9', padding: '16px 16px 48px' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        {extra}
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: 1, width: '100%' }}>
        <Card style={{ width: '100%', maxWidth: 460 }} styles={{ body: { padding: '28px 32px' } }}>
          <Typography.Title level={1} style={{ fontSize: 22, color: '#1f5fa8', textAlign: 'center', marginTop: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Outlet />
        </Card>
      </Flex>
    </Flex>
  );
}
