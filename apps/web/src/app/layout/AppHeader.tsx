import { Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNarrow } from '@/shared/hooks/use-narrow.ts';
import { UserMenu } from '@/features/auth/components/UserMenu.tsx';
import { HealthIndicator } from '@/features/system/components/HealthIndicator.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

/** On a phone the header keeps to one line: the short name and the health dot. */
export function AppHeader() {
  const { t } = useTranslation();
  const narrow = useNarrow();
  return (
    <Layout.Header
      style={{
        borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
        position: 'sticky',
        top: 0,
        zIndex: 10,
        paddingInline: narrow ? 12 : 24,
      }}
    >
      <Flex align="center" justify="space-between" gap="small" style={{ height: '100%' }}>
        <Typography.Title
          level={1}
          title={t('app.name')}
          style={{
            margin: 0,
            fontSize: 18,
            color: '#1f5fa8',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {narrow ? t('app.shortName') : t('app.name')}
        </Typography.Title>
        <Flex align="center" gap={narrow ? 'small' : 'large'} style={{ flexShrink: 0 }}>
          <HealthIndicator compact={narrow} />
          <LanguageSwitcher />
          <UserMenu />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
