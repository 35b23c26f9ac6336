import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until registers land: visits, disputes, hazards, service records and ledgers.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.registers')} />;
}
