import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@wangge/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, problem, signedInAnswer, stubHealthyServer, type FakeRequest } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const signedOut = () => problem(401, 'unauthenticated');
const atStage = (stage: Me['stage'], csrfToken = 'tok-login'): Me => ({ ...signedInAnswer, stage, permissions: [], csrfToken });
const header = (request: FakeRequest, name: string) => (request.init?.headers as Record<string, string> | undefined)?.[name];

function signIn(username = 'gridworker', password = 'S3cret!pass') {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('signing in', { timeout: 20_000 }, () => {
  // The sign-in pages are lazy chunks; load them once up front rather than inside the first test.
  beforeAll(
    () =>
      Promise.all([
        import('./LoginPage.tsx'),
        import('./TotpPage.tsx'),
        import('./PasswordChangePage.tsx'),
        import('@/app/routes/tickets.tsx'),
      ]),
    60_000,
  );

  it('sends a signed-out visitor to the login page and shows one generic message when the server refuses', async () => {
    const logins: FakeRequest[] = [];
    stubHealthyServer({
      '/api/v1/auth/me': signedOut,
      '/api/v1/auth/login': (request) => {
        logins.push(request);
        return problem(401, 'login_failed', { detail: 'Wrong username or password, or the account is locked or disabled' });
      },
    });
    const { router } = renderApp('/units/7');

    expect(await screen.findByRole('heading', { name: '用户登录' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    signIn('nobody', 'wrong');

    const error = await screen.findByTestId('login-error');
    expect(error.textContent).toBe('用户名或密码错误，或账号已锁定（连续5次错误将锁定15分钟）');
    expect(JSON.parse(String(logins[0]?.init?.body))).toEqual({ username: 'nobody', password: 'wrong' });
    // Nobody is signed in yet: there is no token to send.
    expect(header(logins[0]!, 'X-CSRF-Token')).toBeUndefined();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('asks for the TOTP code when the account has one, sends the new session token with it, then opens the page the user wanted', async () => {
    const verifications: FakeRequest[] = [];
    stubHealthyServer({
      '/api/v1/auth/me': signedOut,
      '/api/v1/auth/login': () => json(200, atStage('totpRequired')),
      '/api/v1/auth/totp': (request) => {
        verifications.push(request);
        return json(200, { ...signedInAnswer, csrfToken: 'tok-login' });
      },
    });
    const { router } = renderApp('/registers');
    await screen.findByRole('heading', { name: '用户登录' });

    signIn();

    const code = await screen.findByLabelText('动态验证码');
    expect(router.state.location.pathname).toBe('/login/totp');
    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: '验证' }));

    expect(await screen.findByText('台账模块建设中')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/registers');
    expect(verifications).toHaveLength(1);
    expect(verifications[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(verifications[0]?.init?.body))).toEqual({ code: '123456' });
    expect(header(verifications[0]!, 'X-CSRF-Token')).toBe('tok-login');
  });

  it('continues a session that still needs its TOTP code at the TOTP step, and takes a recovery code instead', async () => {
    const bodies: unknown[] = [];
    stubHealthyServer({
      '/api/v1/auth/me': () => json(200, atStage('totpRequired')),
      '/api/v1/auth/totp': (request) => {
        bodies.push(JSON.parse(String(request.init?.body)));
        return problem(400, 'validation_failed', { errors: [{ path: '/body/recoveryCode', message: 'wrong code' }] });
      },
    });
    const { router } = renderApp('/units');

    expect(await screen.findByLabelText('动态验证码')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login/totp');

    fireEvent.click(screen.getByRole('button', { name: '手机不在身边？使用恢复码' }));
    fireEvent.change(await screen.findByLabelText('恢复码'), { target: { value: ' ABCD-EF12-3456 ' } });
    fireEvent.click(screen.getByRole('button', { name: '验证' }));

    expect(await screen.findByText('恢复码不正确或已使用')).toBeTruthy();
    expect(bodies).toEqual([{ recoveryCode: 'ABCD-EF12-3456' }]);
    expect(router.state.location.pathname).toBe('/login/totp');
  });

  it('puts the password policy problems the server names beside the new password', async () => {
    stubHealthyServer({
      '/api/v1/auth/me': () => json(200, atStage('passwordChangeRequired')),
      '/api/v1/auth/password': () =>
        problem(400, 'validation_failed', {
          errors: [
            { path: '/body/newPassword', message: 'at least 3 of: lower-case, upper-case, digits, symbols' },
            { path: '/body/newPassword', message: 'must not contain the username' },
          ],
        }),
    });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: '请设置新密码' })).toBeTruthy();
    expect(screen.getByTestId('password-policy').textContent).toContain('至少 8 个字符');
    fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: 'Initial#Pass1' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'testeraaaa' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: 'testeraaaa' } });
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));

    await waitFor(() => {
      const field = screen.getByLabelText('新密码').closest('.ant-form-item');
      expect(field?.textContent).toContain('至少包含小写字母、大写字母、数字、符号中的 3 类');
      expect(field?.textContent).toContain('不能包含用户名');
    });
    expect(screen.queryByTestId('password-error')).toBeNull();
  });
});
