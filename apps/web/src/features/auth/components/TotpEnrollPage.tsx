/**
 * The sign-in step for roles that must use TOTP and have not set it up yet. The recovery codes
 * are held above the step frame: the session is already active once they arrive, and they must
 * stay on screen until the user says they kept them.
 */
import { useState } from 'react';
import { Flex, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refreshMe } from '../utils/refresh-me.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { SignInStep } from './SignInStep.tsx';
import { SignOutLink } from './SignOutLink.tsx';
import { TotpEnrollment } from './TotpEnrollment.tsx';

export function TotpEnrollPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [continuing, setContinuing] = useState(false);

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        continuing={continuing}
        onContinue={() => {
          setContinuing(true);
          // Once the server confirms the session is active, the step frame moves on into the app.
          void refreshMe(queryClient).finally(() => {
            setContinuing(false);
            setCodes(null);
          });
        }}
      />
    );
  }
  return (
    <SignInStep step="totpEnrollRequired">
      {() => (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, textAlign: 'center', fontWeight: 'normal', marginTop: 0 }}>
            {t('auth.enroll.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.enroll.required')}</Typography.Paragraph>
          <TotpEnrollment onConfirmed={setCodes} />
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <SignOutLink />
          </Flex>
        </>
      )}
    </SignInStep>
  );
}
