/** The signed-in user in the header: their account page, and signing out. */
import { DownOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '@/shared/auth/get-me.ts';
import { useLogout } from '../api/logout.ts';
import { ACCOUNT_PATH } from '../utils/paths.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe().data;
  const navigate = useNavigate();
  const logout = useLogout();
  if (!me) return null;

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <SafetyCertificateOutlined />, label: t('auth.menu.account') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.menu.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate(ACCOUNT_PATH);
          else logout.mutate();
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        loading={logout.isPending}
        data-testid="user-menu"
        aria-label={t('auth.menu.label')}
      >
        {me.user.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
