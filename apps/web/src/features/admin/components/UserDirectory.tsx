/**
 * The accounts an administrator may see: search by username or name, narrow to a unit, page
 * through. Both admin tabs use it: the users tab with actions per row, the grants tab to pick
 * whose grants to manage.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import type { UserAccount } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useDebouncedValue } from '@/shared/hooks/use-debounced-value.ts';
import { useUsers } from '../api/get-users.ts';
import { UnitTreePicker } from '@/features/units/components/UnitTreePicker.tsx';
import { UserStatusTag } from './UserStatusTag.tsx';

const PAGE_SIZE = 20;

interface Props {
  /** Buttons beside the filters, e.g. 新建用户. */
  toolbar?: ReactNode;
  actions?: (user: UserAccount) => ReactNode;
  onSelect?: (user: UserAccount) => void;
  selectedId?: number | null;
  /** Fewer columns, for a narrow list beside another panel. */
  compact?: boolean;
}

export function UserDirectory({ toolbar, actions, onSelect, selectedId, compact = false }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [within, setWithin] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const q = useDebouncedValue(search.trim());
  const users = useUsers({ q, within, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const roles = (u: UserAccount) =>
    u.grants.length === 0 ? (
      <Typography.Text type="secondary">{t('admin.users.noRoles')}</Typography.Text>
    ) : (
      <Space size={[2, 2]} wrap>
        {u.grants.map((g) => (
          <Tag key={g.id} style={{ marginInlineEnd: 0 }} title={g.unit.name}>
            {t(`auth.roles.${g.role}`)}
          </Tag>
        ))}
      </Space>
    );

  return (
    <Flex vertical gap="small">
      <Flex gap="small" wrap align="center">
        <Input.Search
          allowClear
          value={search}
          maxLength={50}
          placeholder={t('admin.users.searchPlaceholder')}
          aria-label={t('admin.users.search')}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          style={{ width: compact ? 180 : 220 }}
        />
        <UnitTreePicker
          allowClear
          value={within}
          onChange={(unitId) => {
            setWithin(unitId);
            setPage(1);
          }}
          placeholder={t('admin.users.unitFilter')}
          aria-label={t('admin.users.unitFilter')}
          style={{ width: compact ? 180 : 240 }}
        />
        <div style={{ flex: 1 }} />
        {toolbar}
      </Flex>
      {users.isError && <Alert type="error" showIcon title={errorMessage(users.error)} />}
      <Table<UserAccount>
        size="small"
        rowKey="id"
        data-testid="user-table"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        locale={{ emptyText: t('admin.users.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
        }}
        onRow={(u) => ({
          ...(onSelect ? { onClick: () => onSelect(u), style: { cursor: 'pointer' } } : {}),
          'data-user-id': u.id,
        })}
        rowClassName={(u) => (u.id === selectedId ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'username',
            title: t('admin.users.username'),
            render: (_, u) => <span style={{ fontFamily: 'monospace' }}>{u.username}</span>,
          },
          { key: 'displayName', title: t('admin.users.displayName'), dataIndex: 'displayName' },
          ...(compact
            ? []
            : [{ key: 'unit', title: t('admin.users.unit'), render: (_: unknown, u: UserAccount) => u.unit.name }]),
          { key: 'roles', title: t('admin.users.roles'), render: (_, u) => roles(u) },
          { key: 'status', title: t('admin.users.status'), width: 110, render: (_, u) => <UserStatusTag user={u} /> },
          ...(compact
            ? []
            : [
                {
                  key: 'totp',
                  title: t('admin.users.totp'),
                  width: 90,
                  render: (_: unknown, u: UserAccount) =>
                    u.totpEnabled ? (
                      t('admin.users.totpOn')
                    ) : (
                      <Typography.Text type="secondary">{t('admin.users.totpOff')}</Typography.Text>
                    ),
                },
              ]),
          ...(actions
            ? [{ key: 'actions', title: t('common.actions'), render: (_: unknown, u: UserAccount) => actions(u) }]
            : []),
        ]}
      />
    </Flex>
  );
}
