import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until statistics land: counts by level, on-time rates, assessment results.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.statistics')} />;
}
