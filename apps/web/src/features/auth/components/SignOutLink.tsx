import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../api/logout.ts';

/** Leaves a half-finished sign-in (wrong account, no phone at hand). */
export function SignOutLink() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button type="link" size="small" onClick={() => logout.mutate()} loading={logout.isPending}>
      {t('auth.signIn.cancel')}
    </Button>
  );
}
