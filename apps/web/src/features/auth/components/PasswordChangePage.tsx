/** The sign-in step for a new or reset account: choose one's own password before anything else. */
import { Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshMe } from '../utils/refresh-me.ts';
import { PasswordChangeForm } from './PasswordChangeForm.tsx';
import { SignInStep } from './SignInStep.tsx';
import { SignOutLink } from './SignOutLink.tsx';

export function PasswordChangePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <SignInStep step="passwordChangeRequired">
      {(me) => (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center', fontWeight: 'normal', marginTop: 0 }}>
            {t('auth.password.forcedTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('auth.password.forcedHint', { name: me.user.displayName })}
          </Typography.Paragraph>
          {/* The next stage (TOTP set-up, or the app) comes from the server's fresh answer. */}
          <PasswordChangeForm size="large" onChanged={() => void refreshMe(queryClient)} />
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <SignOutLink />
          </Flex>
        </>
      )}
    </SignInStep>
  );
}
