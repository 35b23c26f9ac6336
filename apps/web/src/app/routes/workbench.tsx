import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until the workbench lands: the official's inbox of tickets, deadlines and tasks.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.workbench')} />;
}
