import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserAccount, UserRoleName } from '@wangge/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { me, page, ref, unit } from '@/test/factories.ts';
import { json, problem, stubHealthyServer, type FakeRequest, type FetchHandler } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', childCount: 1 });
const town = unit({ id: 2, kind: 'township', name: '欣山镇', parentId: 1 });

function account(id: number, username: string, displayName: string, roles: UserRoleName[] = []): UserAccount {
  return {
    id,
    username,
    displayName,
    unit: ref(county),
    staffId: null,
    status: 'active',
    totpEnabled: false,
    lockedUntil: null,
    grants: roles.map((role, i) => ({
      id: id * 10 + i,
      role,
      unit: ref(county),
      departmentId: null,
      grantedAt: '2026-01-01T00:00:00.000Z',
      revokedAt: null,
    })),
  };
}

function serve(role: UserRoleName, handlers: Record<string, FetchHandler>) {
  return stubHealthyServer({
    '/api/v1/auth/me': () => json(200, me(role, county)),
    '/api/v1/units': ({ url }) => json(200, page(url.searchParams.get('parentId') === '1' ? [town] : [county])),
    ...handlers,
  });
}

// Role queries compute styles per element; on these style-heavy pages text and label queries keep the tests fast.
const tabs = () => [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.textContent);
const body = (request: FakeRequest) => JSON.parse(String(request.init?.body)) as unknown;

/** Opens a tree select by its label and picks a node by its name. */
async function pickUnit(label: string, name: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const node = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-tree-title')].find((n) => n.textContent === name);
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(node);
}

// Generous: the first render of antd's tables, pickers and dialogs in jsdom is slow on a busy runner.
describe('系统管理', { timeout: 20_000 }, () => {
  // The page is a lazy chunk; transforming it on first use would eat the first test's time.
  beforeAll(() => import('@/app/routes/admin.tsx'), 60_000);

  it('gives each administrator only their own tab', async () => {
    serve('auditAdmin', { '/api/v1/audit': () => json(200, page([])) });
    const { router } = renderApp('/admin');

    await screen.findByTestId('audit-table');
    expect(router.state.location.pathname).toBe('/admin/audit');
    expect(tabs()).toEqual(['审计日志']);
  });

  it('creates a user and shows the initial password once', async () => {
    const created: unknown[] = [];
    serve('systemAdmin', {
      '/api/v1/users': (request) => {
        if (request.init?.method === 'POST') {
          created.push(body(request));
          return json(201, { user: account(31, 'liming', '李明'), initialPassword: 'Qz7#kLm2-pR9x' });
        }
        return json(200, page([]));
      },
    });
    renderApp('/admin/users');

    fireEvent.click(await screen.findByText('新建用户'));
    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'liming' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '李明' } });
    await pickUnit('所属单位', '安远县');
    fireEvent.click(screen.getByText('创建用户'));

    expect((await screen.findByTestId('initial-password')).textContent).toBe('Qz7#kLm2-pR9x');
    expect(created).toEqual([{ username: 'liming', displayName: '李明', unitId: 1 }]);

    // Once closed it is gone: opening the dialog again offers an empty form, not the password.
    fireEvent.click(screen.getByText('我已记下，关闭'));
    fireEvent.click(screen.getByText('新建用户'));
    await waitFor(() => expect(screen.queryByText('Qz7#kLm2-pR9x')).toBeNull());
    expect((screen.getByLabelText('用户名') as HTMLInputElement).value).toBe('');
  });

  it("explains the server's refusal to give one account two administrator roles", async () => {
    const sysadmin = account(5, 'sysadmin', '系统管理员甲', ['systemAdmin']);
    const grants: unknown[] = [];
    serve('securityAdmin', {
      '/api/v1/users': () => json(200, page([sysadmin])),
      '/api/v1/users/5': () => json(200, sysadmin),
      '/api/v1/grants': (request) => {
        grants.push(body(request));
        return problem(409, 'conflict', {
          detail: 'The system, security and audit administrators must be different accounts (三权分立)',
          errors: [{ path: '/body/role', message: 'separation of duties' }],
        });
      },
    });
    renderApp('/admin/grants');

    fireEvent.click(await screen.findByText('管理授权'));
    const panel = await screen.findByTestId('user-grants');
    expect(within(panel).getByText('系统管理员')).toBeTruthy();

    fireEvent.click(within(panel).getByText('添加授权'));
    fireEvent.mouseDown(await screen.findByLabelText('角色'));
    fireEvent.click(await screen.findByTitle('审计管理员'));
    await pickUnit('单位', '安远县');
    fireEvent.click(screen.getByText('确认授权'));

    const alert = await screen.findByTestId('grant-error');
    expect(within(alert).getByText('无法授予该角色')).toBeTruthy();
    expect(within(alert).getByText(/三权分立/)).toBeTruthy();
    expect(grants).toEqual([{ userId: 5, role: 'auditAdmin', unitId: 1 }]);
  });

  it('verifies the audit log and says where it was altered', async () => {
    serve('auditAdmin', {
      '/api/v1/audit': () => json(200, page([])),
      '/api/v1/audit/verify': () =>
        json(200, { ok: false, checked: 120, unsealed: 0, firstBrokenId: 57, message: 'record 57 does not match its seal' }),
    });
    renderApp('/admin/audit');

    fireEvent.click(await screen.findByText('校验完整性'));

    const result = await screen.findByTestId('audit-verify-result');
    expect(within(result).getByText('审计日志校验未通过')).toBeTruthy();
    expect(within(result).getByText('第一条不一致的记录编号：57。')).toBeTruthy();
  });
});
