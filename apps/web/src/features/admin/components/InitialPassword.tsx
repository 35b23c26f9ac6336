/**
 * A new account's (or reset) initial password, shown this once: whoever hands it over copies it
 * now. It lives only in this component's props; closing forgets it.
 */
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserCreated } from '../api/create-user.ts';

export function InitialPassword({ issued, onDone }: { issued: UserCreated; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <Alert type="warning" showIcon title={t('admin.initialPassword.warning')} />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('admin.users.username')}>{issued.user.username}</Descriptions.Item>
        <Descriptions.Item label={t('admin.users.displayName')}>{issued.user.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('admin.initialPassword.label')}>
          <Typography.Text copyable={{ text: issued.initialPassword }} style={{ fontFamily: 'monospace', fontSize: 16 }}>
            <span data-testid="initial-password">{issued.initialPassword}</span>
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Button type="primary" onClick={onDone} style={{ alignSelf: 'flex-end' }}>
        {t('admin.initialPassword.done')}
      </Button>
    </Flex>
  );
}
