/**
 * The shell around every page: header, collapsible module menu, content and footer. Pages render
 * into the Outlet; the shell stays mounted so polling (health) survives navigation.
 */
import { useEffect, useState } from 'react';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { Forbidden } from '@/features/auth/components/Forbidden.tsx';
import { CalendarNotice } from '@/features/calendar/components/CalendarNotice.tsx';
import { usePermissions } from '@/features/auth/hooks/use-permissions.ts';
import { ACCOUNT_PATH } from '@/features/auth/utils/paths.ts';
import { SystemInfo } from '@/features/system/components/SystemInfo.tsx';
import { appModules, moduleAllowed, moduleForPath } from '../modules.tsx';
import { AppHeader } from './AppHeader.tsx';

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const active = moduleForPath(pathname);
  // The menu offers only what the user's roles cover; a typed address to the rest says so.
  const granted = usePermissions();
  const allowed = !active || moduleAllowed(active, granted);

  const pageName = active ? t(`nav.${active.key}`) : pathname === ACCOUNT_PATH ? t('auth.account.title') : t('notFound.title');
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
              items={appModules
                .filter((m) => moduleAllowed(m, granted))
                .map((m) => ({
                  key: m.key,
                  icon: m.icon,
                  label: <Link to={m.path}>{t(`nav.${m.key}`)}</Link>,
                }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content style={{ margin: 16 }}>
            <CalendarNotice />
            {allowed ? <Outlet /> : <Forbidden />}
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center' }}>
            <SystemInfo />
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
