import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until administration lands: users, roles, categories, work calendar, audit log.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.admin')} />;
}
