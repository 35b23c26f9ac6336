/** My open sessions; any but this one can be ended (a computer left signed in elsewhere). */
import { Alert, App, Button, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { SessionInfo } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/shared/api/error-message.ts';
import { useEndSession } from '../api/end-session.ts';
import { useSessions } from '../api/get-sessions.ts';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function SessionList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useSessions();
  const end = useEndSession();

  if (sessions.isError) return <Alert type="error" showIcon title={errorMessage(sessions.error)} />;

  return (
    <Table<SessionInfo>
      size="small"
      rowKey="id"
      loading={sessions.isPending}
      dataSource={sessions.data ?? []}
      pagination={false}
      data-testid="session-list"
      columns={[
        { key: 'createdAt', title: t('auth.sessions.createdAt'), render: (_, s) => time(s.createdAt) },
        { key: 'lastSeenAt', title: t('auth.sessions.lastSeenAt'), render: (_, s) => time(s.lastSeenAt) },
        { key: 'ip', title: t('auth.sessions.ip'), render: (_, s) => s.ip ?? t('auth.sessions.unknown') },
        {
          key: 'userAgent',
          title: t('auth.sessions.device'),
          ellipsis: { showTitle: false },
          render: (_, s) => (
            <Tooltip title={s.userAgent}>
              <Typography.Text type="secondary">{s.userAgent ?? t('auth.sessions.unknown')}</Typography.Text>
            </Tooltip>
          ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 120,
          render: (_, s) =>
            s.current ? (
              <Tag color="blue">{t('auth.sessions.current')}</Tag>
            ) : (
              <Popconfirm
                title={t('auth.sessions.endConfirm')}
                okText={t('auth.sessions.end')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  end
                    .mutateAsync(s.id)
                    .then(() => void message.success(t('auth.sessions.ended')))
                    // A failure is already reported centrally.
                    .catch(() => undefined)
                }
              >
                <Button size="small" danger>
                  {t('auth.sessions.end')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
