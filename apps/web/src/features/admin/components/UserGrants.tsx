/** One user's active grants (role × unit), with adding and revoking: the security administrator's panel. */
import { Alert, App, Button, Card, Empty, Popconfirm, Table, Typography } from 'antd';
import type { Grant } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { UnitKindTag } from '@/shared/ui/UnitKindTag.tsx';
import { useUser } from '../api/get-user.ts';
import { useRevokeGrant } from '../api/revoke-grant.ts';
import { AddGrantButton } from './AddGrantButton.tsx';
import { UserStatusTag } from './UserStatusTag.tsx';

export function UserGrants({ userId }: { userId: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useUser(userId);
  const revoke = useRevokeGrant();

  if (userId === null) {
    return (
      <Card size="small">
        <Empty description={t('admin.grants.pickUser')} />
      </Card>
    );
  }
  if (user.isError) return <Alert type="error" showIcon title={errorMessage(user.error)} />;
  if (!user.data) return <Card size="small" loading />;
  const account = user.data;

  return (
    <Card
      size="small"
      data-testid="user-grants"
      title={
        <span>
          {t('admin.grants.title', { name: account.displayName })}{' '}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontFamily: 'monospace' }}>
            {account.username}
          </Typography.Text>{' '}
          <UserStatusTag user={account} />
        </span>
      }
      extra={<AddGrantButton user={account} />}
    >
      <Table<Grant>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={account.grants}
        locale={{ emptyText: t('admin.grants.none') }}
        columns={[
          { key: 'role', title: t('admin.grants.role'), render: (_, g) => t(`auth.roles.${g.role}`) },
          {
            key: 'unit',
            title: t('admin.grants.unit'),
            render: (_, g) => (
              <span>
                {g.unit.name} <UnitKindTag kind={g.unit.kind} />
              </span>
            ),
          },
          { key: 'department', title: t('admin.grants.department'), render: (_, g) => g.departmentId ?? '—' },
          {
            key: 'grantedAt',
            title: t('admin.grants.grantedAt'),
            render: (_, g) => dayjs(g.grantedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, g) => (
              <Popconfirm
                title={t('admin.grants.revokeConfirm', { role: t(`auth.roles.${g.role}`), unit: g.unit.name })}
                okText={t('admin.grants.confirmRevoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  revoke
                    .mutateAsync(g.id)
                    .then(() => void message.success(t('admin.grants.revoked')))
                    .catch(() => undefined)
                }
              >
                <Button size="small" danger autoInsertSpace={false}>
                  {t('admin.grants.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
