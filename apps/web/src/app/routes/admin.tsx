/**
 * 系统管理: the tabs of the administrator roles (三权分立), each shown only to the role that holds its
 * permission: 用户, 工作日历 and 事件类别 (system administrator), 授权 (security administrator), 审计日志
 * (audit administrator). The tab is in the URL (/admin/users, /admin/calendar, /admin/categories,
 * /admin/grants, /admin/audit).
 */
import { Card, Tabs } from 'antd';
import { Permission } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { GrantsPanel } from '@/features/admin/components/GrantsPanel.tsx';
import { UsersPanel } from '@/features/admin/components/UsersPanel.tsx';
import { AuditLog } from '@/features/audit/components/AuditLog.tsx';
import { CalendarPanel } from '@/features/calendar/components/CalendarPanel.tsx';
import { CategoriesPanel } from '@/features/categories/components/CategoriesPanel.tsx';
import { Forbidden } from '@/features/auth/components/Forbidden.tsx';
import { usePermissions } from '@/features/auth/hooks/use-permissions.ts';

const TABS = [
  { key: 'users', permission: Permission.UsersManage, Panel: UsersPanel },
  { key: 'calendar', permission: Permission.ConfigManage, Panel: CalendarPanel },
  { key: 'categories', permission: Permission.ConfigManage, Panel: CategoriesPanel },
  { key: 'grants', permission: Permission.GrantsManage, Panel: GrantsPanel },
  { key: 'audit', permission: Permission.AuditRead, Panel: AuditLog },
] as const;

export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const granted = usePermissions();
  const tabs = TABS.filter((x) => granted.includes(x.permission));

  const first = tabs[0];
  if (!first) return <Forbidden />;
  const active = tabs.find((x) => x.key === tab);
  if (!active) return <Navigate replace to={`/admin/${first.key}`} />;

  return (
    <Card size="small">
      <Tabs
        activeKey={active.key}
        onChange={(key) => void navigate(`/admin/${key}`)}
        destroyOnHidden
        items={tabs.map(({ key, Panel }) => ({ key, label: t(`admin.tabs.${key}`), children: <Panel /> }))}
      />
    </Card>
  );
}
