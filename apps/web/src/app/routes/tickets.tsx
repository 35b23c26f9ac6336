import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until features/tickets lands: the closed loop from report to evaluation.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.tickets')} />;
}
