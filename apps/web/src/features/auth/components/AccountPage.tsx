/**
 * /account: who I am and what I may do where, my password, the second factor (when my roles do
 * not already require it, I may still turn it on) and my open sessions.
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Modal, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/shared/auth/get-me.ts';
import { refreshMe } from '../utils/refresh-me.ts';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { SessionList } from './SessionList.tsx';
import { TotpEnrollment } from './TotpEnrollment.tsx';

function EnableTotpButton() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const finish = () => {
    setOpen(false);
    setCodes(null);
    void refreshMe(queryClient);
  };

  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)}>
        {t('auth.account.enableTotp')}
      </Button>
      <Modal
        open={open}
        title={t('auth.enroll.title')}
        footer={null}
        destroyOnHidden
        // Once confirmed, the codes must be acknowledged: no closing by the corner or the mask.
        closable={codes === null}
        keyboard={codes === null}
        mask={{ closable: codes === null }}
        onCancel={() => setOpen(false)}
      >
        {codes ? <RecoveryCodes codes={codes} onContinue={finish} /> : <TotpEnrollment onConfirmed={setCodes} />}
      </Modal>
    </>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  if (!me) return null;
  const { user, grants } = me;

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('auth.account.info')}
          </Typography.Title>
        }
      >
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={t('auth.account.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('auth.account.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('auth.account.roles')}>
            {grants.length === 0 ? (
              <Typography.Text type="secondary">{t('auth.account.noRoles')}</Typography.Text>
            ) : (
              <Space size={[4, 4]} wrap>
                {grants.map((g) => (
                  <Tag key={g.id}>{t('auth.account.roleAt', { role: t(`auth.roles.${g.role}`), unit: g.unit.name })}</Tag>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('auth.account.totp')}>
            <Space>
              {user.totpEnabled ? <Tag color="green">{t('auth.account.totpOn')}</Tag> : <Tag>{t('auth.account.totpOff')}</Tag>}
              {!user.totpEnabled && <EnableTotpButton />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('auth.account.sessionExpires')}>
            {dayjs(me.sessionExpiresAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('auth.password.title')}
          </Typography.Title>
        }
      >
        <PasswordChangeForm onChanged={() => void message.success(t('auth.password.done'))} />
      </Card>
      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 16 }}>
            {t('auth.sessions.title')}
          </Typography.Title>
        }
      >
        <SessionList />
      </Card>
    </Flex>
  );
}
