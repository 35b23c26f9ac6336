import { Tag } from 'antd';
import type { UserAccount } from '@wangge/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** 正常, 已停用, or locked after failed sign-ins (until when). */
export function UserStatusTag({ user }: { user: Pick<UserAccount, 'status' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  if (user.status === 'disabled') return <Tag color="default">{t('admin.users.disabled')}</Tag>;
  if (user.lockedUntil)
    return <Tag color="orange">{t('admin.users.locked', { time: dayjs(user.lockedUntil).format('HH:mm') })}</Tag>;
  return <Tag color="green">{t('admin.users.active')}</Tag>;
}
