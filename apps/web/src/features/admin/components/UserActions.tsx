/** The system administrator's actions on one account: disable or enable it, reset its password. */
import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Space } from 'antd';
import type { UserAccount } from '@wangge/contracts';
import { useTranslation } from 'react-i18next';
import type { UserCreated } from '../api/create-user.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { useSetUserStatus } from '../api/set-user-status.ts';
import { InitialPassword } from './InitialPassword.tsx';

// A failed mutation is already reported centrally; the confirmation just closes.
const ignore = () => undefined;

export function UserActions({ user, isSelf }: { user: UserAccount; isSelf: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const setStatus = useSetUserStatus();
  const reset = useResetPassword();
  const [issued, setIssued] = useState<UserCreated | null>(null);
  const name = user.displayName;

  return (
    <>
      <Space size={4}>
        {/* Nobody disables their own account; the server refuses it too. */}
        {!isSelf &&
          (user.status === 'active' ? (
            <Popconfirm
              title={t('admin.users.disableConfirm', { name })}
              okText={t('admin.users.confirmDisable')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus
                  .mutateAsync({ id: user.id, to: 'disabled' })
                  .then(() => void message.success(t('admin.users.disabledDone', { name })))
                  .catch(ignore)
              }
            >
              <Button size="small" danger autoInsertSpace={false}>
                {t('admin.users.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t('admin.users.enableConfirm', { name })}
              okText={t('admin.users.confirmEnable')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                setStatus
                  .mutateAsync({ id: user.id, to: 'active' })
                  .then(() => void message.success(t('admin.users.enabledDone', { name })))
                  .catch(ignore)
              }
            >
              <Button size="small" autoInsertSpace={false}>
                {t('admin.users.enable')}
              </Button>
            </Popconfirm>
          ))}
        <Popconfirm
          title={t('admin.users.resetConfirm', { name })}
          okText={t('admin.users.confirmReset')}
          cancelText={t('common.cancel')}
          onConfirm={() => reset.mutateAsync(user.id).then(setIssued).catch(ignore)}
        >
          <Button size="small">{t('admin.users.resetPassword')}</Button>
        </Popconfirm>
      </Space>
      <Modal
        open={issued !== null}
        title={issued ? t('admin.initialPassword.resetTitle', { name: issued.user.displayName }) : null}
        footer={null}
        closable={false}
        keyboard={false}
        mask={{ closable: false }}
        destroyOnHidden
      >
        {issued && <InitialPassword issued={issued} onDone={() => setIssued(null)} />}
      </Modal>
    </>
  );
}
