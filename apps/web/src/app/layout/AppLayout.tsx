/**
 * The shell around every page: header, collapsible module menu, content and footer. Pages render
 * into the Outlet; the shell stays mounted so polling (health) survives navigation.
 */
import { useEffect, useState } from 'react';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SystemInfo } from '@/features/system/components/SystemInfo.tsx';
import { appModules, moduleForPath } from '../modules.tsx';
import { AppHeader } from './AppHeader.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const active = moduleForPath(pathname);

  const pageName = active ? t(`nav.${active.key}`) : t('notFound.title');
  useEffect(() => {
    document.title = t('app.pageTitle', { page: pageName });
  }, [t, pageName]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          // Narrow office monitors and projected screens get the content width back.
          breakpoint="lg"
          width={184}
          style={{ borderRight: '1px solid rgba(5, 5, 5, 0.06)' }}
        >
          <nav aria-label={t('nav.menu')}>
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={active ? [active.key] : []}
              items={appModules.map((m) => ({
                key: m.key,
                icon: m.icon,
                label: <Link to={m.path}>{t(`nav.${m.key}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content style={{ margin: 16 }}>
            <Outlet />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center' }}>
            <SystemInfo />
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
