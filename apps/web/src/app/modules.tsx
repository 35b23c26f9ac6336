/**
 * The modules of the shell, in menu order. One list drives both the menu and the routes, so a
 * module cannot appear in one and be missing from the other. Each page is its own lazy chunk.
 */
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import {
  ApartmentOutlined,
  BarChartOutlined,
  BookOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileTextOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Permission } from '@wangge/contracts';

export type ModuleKey = 'workbench' | 'units' | 'people' | 'tickets' | 'registers' | 'commandCenter' | 'statistics' | 'admin';

export interface AppModule {
  key: ModuleKey;
  path: string;
  icon: ReactNode;
  /** Route parameters after `path`, when the page takes any, e.g. `/:unitId?`. */
  params?: string;
  /** Shown only to users holding this permission somewhere (any one of them, for a list). */
  permission?: Permission | readonly Permission[];
  load: NonNullable<RouteObject['lazy']>;
}

export const appModules: readonly AppModule[] = [
  { key: 'workbench', path: '/', icon: <DesktopOutlined />, load: () => import('./routes/workbench.tsx') },
  {
    key: 'units',
    path: '/units',
    params: '/:unitId?',
    icon: <ApartmentOutlined />,
    permission: Permission.UnitsRead,
    load: () => import('./routes/units.tsx'),
  },
  {
    key: 'people',
    path: '/people',
    // /people/:id is a profile; /people/buildings, /people/organizations, /people/import are tabs.
    params: '/:section?',
    icon: <TeamOutlined />,
    permission: Permission.PeopleRead,
    load: () => import('./routes/people.tsx'),
  },
  {
    key: 'tickets',
    path: '/tickets',
    // /tickets is the inbox; /tickets/list, /tickets/new and /tickets/:id the list, the report form and a ticket.
    params: '/:section?',
    icon: <FileTextOutlined />,
    permission: Permission.TicketsRead,
    load: () => import('./routes/tickets.tsx'),
  },
  { key: 'registers', path: '/registers', icon: <BookOutlined />, load: () => import('./routes/registers.tsx') },
  {
    key: 'commandCenter',
    path: '/command-center',
    // /command-center/:unitId is a unit's overview; /command-center/wall/:unitId? the wall screen (大屏).
    params: '/:unitOrWall?/:wallUnitId?',
    icon: <DashboardOutlined />,
    permission: Permission.DashboardRead,
    load: () => import('./routes/command-center.tsx'),
  },
  {
    key: 'statistics',
    path: '/statistics',
    // /statistics/supervision (督办) and /statistics/circular (通报) are tabs beside the figures.
    params: '/:tab?',
    icon: <BarChartOutlined />,
    permission: Permission.DashboardRead,
    load: () => import('./routes/statistics.tsx'),
  },
  {
    key: 'admin',
    path: '/admin',
    params: '/:tab?',
    icon: <SettingOutlined />,
    permission: [Permission.UsersManage, Permission.GrantsManage, Permission.AuditRead, Permission.ConfigManage],
    load: () => import('./routes/admin.tsx'),
  },
];

/** Whether the user's permissions (from /api/v1/auth/me) open this module. */
export function moduleAllowed(module: AppModule, granted: readonly string[]): boolean {
  if (module.permission === undefined) return true;
  const needed: readonly Permission[] = typeof module.permission === 'string' ? [module.permission] : module.permission;
  return needed.some((p) => granted.includes(p));
}

/** The module a URL belongs to: the longest matching path prefix, `/` only when exact. */
export function moduleForPath(pathname: string): AppModule | undefined {
  return appModules
    .filter((m) => (m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
