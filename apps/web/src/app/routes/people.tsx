import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/shared/ui/ComingSoon.tsx';

// Placeholder until base data lands: people, households, buildings, houses and residences.
export function Component() {
  const { t } = useTranslation();
  return <ComingSoon module={t('nav.people')} />;
}
